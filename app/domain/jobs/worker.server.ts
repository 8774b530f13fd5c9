import { randomBytes } from "node:crypto";
import os from "node:os";
import { dbReady } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { claimDueJob, completeJob, failJob, jobHandler, type ClaimedJob } from "./queue.server";

/**
 * The in-process job worker: one loop per process that claims due jobs one at a time and runs the
 * handler registered for their type. It only talks to the queue through `queue.server.ts`, so
 * several processes (or a separate worker process) can share one queue safely.
 *
 * Jobs that came due while the app was down simply run on the next start: they are due.
 */

type WorkerState = {
  id: string;
  pollMs: number;
  stopping: boolean;
  /** Resolves when the loop has exited (after the job it was running, if any). */
  done: Promise<void>;
  /** Ends the current pause early (new work or a stop). */
  wake?: () => void;
};

declare global {
  // Kept across dev rebuilds so a rebuilt module does not start a second loop.
  var __vitrineJobWorker: WorkerState | undefined;
}

const workerBaseId = `${os.hostname()}:${process.pid}`;

export type JobOutcome = "done" | "retry" | "failed";

/** Runs one claimed job to its outcome and records it. Logs ids, type and outcome only. */
async function runClaimedJob(job: ClaimedJob, now: Date): Promise<JobOutcome> {
  const started = Date.now();
  const fields = { jobId: job.id, type: job.type, attempt: job.attempts };
  try {
    const handler = jobHandler(job.type);
    if (!handler) throw new Error(`No handler registered for job type "${job.type}"`);
    await handler(job.payload, { id: job.id, attempts: job.attempts });
  } catch (error) {
    const result = await failJob(job.id, error, job.attempts, job.maxAttempts, now);
    const outcome: JobOutcome = result.permanently ? "failed" : "retry";
    // The error's text may quote personal data (an SMTP reply, a record): only its kind is logged.
    (result.permanently ? log.error : log.warn)("job failed", {
      ...fields,
      outcome,
      ms: Date.now() - started,
      ...errorKind(error),
      ...(result.runAt ? { retryAt: result.runAt.toISOString() } : {}),
    });
    return outcome;
  }
  await completeJob(job.id);
  log.info("job done", { ...fields, outcome: "done", ms: Date.now() - started });
  return "done";
}

function errorKind(error: unknown): { errorName?: string; errorCode?: string } {
  if (!(error instanceof Error)) return {};
  const code = (error as { code?: unknown }).code;
  return { errorName: error.name, ...(typeof code === "string" ? { errorCode: code } : {}) };
}

/**
 * Runs every job due at `now` (default: the current time), one after the other, and resolves when
 * none is left. Safe to call while a worker runs or concurrently with itself: each job is claimed
 * by exactly one caller. Used by tests and command-line tools.
 */
export async function runDueJobsOnce(
  now: Date = new Date(),
): Promise<{ ran: number; succeeded: number; failed: number }> {
  const workerId = `${workerBaseId}:once:${randomBytes(3).toString("hex")}`;
  const summary = { ran: 0, succeeded: 0, failed: 0 };
  await dbReady;
  for (;;) {
    const job = await claimDueJob(workerId, now);
    if (!job) return summary;
    const outcome = await runClaimedJob(job, now);
    summary.ran++;
    if (outcome === "done") summary.succeeded++;
    else summary.failed++;
  }
}

/**
 * Starts the worker loop (idempotent: a running worker is left alone). Polls every `pollMs`
 * (default `JOB_POLL_MS`, 1000 ms) while the queue is empty and back-to-back while jobs are due.
 */
export function startWorker({ pollMs }: { pollMs?: number } = {}): void {
  const current = globalThis.__vitrineJobWorker;
  if (current && !current.stopping) return;
  const state: WorkerState = {
    id: `${workerBaseId}:${randomBytes(3).toString("hex")}`,
    pollMs: pollMs ?? env().JOB_POLL_MS,
    stopping: false,
    done: Promise.resolve(),
  };
  // A stop still in progress finishes before the new loop claims anything.
  const previous = current?.done ?? Promise.resolve();
  state.done = previous.then(() => loop(state));
  globalThis.__vitrineJobWorker = state;
  log.info("job worker started", { workerId: state.id, pollMs: state.pollMs });
}

/**
 * Stops claiming new jobs and resolves once the job being run (if any) has finished — the graceful
 * half of SIGTERM. Idempotent; resolves at once when no worker runs.
 */
export async function stopWorker(): Promise<void> {
  const state = globalThis.__vitrineJobWorker;
  if (!state) return;
  state.stopping = true;
  state.wake?.();
  await state.done;
  if (globalThis.__vitrineJobWorker === state) {
    globalThis.__vitrineJobWorker = undefined;
    log.info("job worker stopped", { workerId: state.id });
  }
}

export function isWorkerRunning(): boolean {
  const state = globalThis.__vitrineJobWorker;
  return Boolean(state && !state.stopping);
}

async function loop(state: WorkerState): Promise<void> {
  try {
    await dbReady;
  } catch (error) {
    log.error("job worker not started: database not ready", { workerId: state.id, ...errorKind(error) });
    return;
  }
  while (!state.stopping) {
    let busy = false;
    try {
      const job = await claimDueJob(state.id, new Date());
      if (job) {
        busy = true;
        await runClaimedJob(job, new Date());
      }
    } catch (error) {
      // The database is unavailable or similar: wait a poll interval instead of spinning.
      busy = false;
      log.error("job worker error", { workerId: state.id, ...errorKind(error) });
    }
    if (!busy && !state.stopping) await pause(state);
  }
}

function pause(state: WorkerState): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(wake, state.pollMs);
    function wake() {
      clearTimeout(timer);
      if (state.wake === wake) state.wake = undefined;
      resolve();
    }
    state.wake = wake;
  });
}
