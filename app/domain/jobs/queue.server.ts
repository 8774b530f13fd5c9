import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { claimNextDueJob } from "./claim.server";

/**
 * The durable job queue. Everything the rest of the app knows about jobs goes through the functions
 * of this module; it is the only place that touches the `Job` table, so the storage (SQLite today,
 * PostgreSQL or a broker later — SPEC "Scale-out path") can change without touching the domain.
 *
 * Delivery is at-least-once: a job runs again if its worker dies mid-run (the lock expires after
 * `JOB_LOCK_TIMEOUT_MS`) or fails. Handlers must therefore be safe to repeat and finish well within
 * the lock timeout.
 *
 * Payloads hold ids only, never personal data: the handler reads the rest from the database, where
 * it is encrypted, and the row stays harmless in backups, logs and the admin view.
 */

/** A crashed worker's claim expires after this long and the job becomes claimable again. */
export const JOB_LOCK_TIMEOUT_MS = 5 * 60_000;
/** First retry delay; it doubles with each attempt, up to `JOB_BACKOFF_CAP_MS`. */
export const JOB_BACKOFF_BASE_MS = 30_000;
export const JOB_BACKOFF_CAP_MS = 60 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_ERROR_LENGTH = 1000;
const MAX_PAYLOAD_LENGTH = 4096;

/** `db` itself or the `tx` of `db.$transaction(async (tx) => …)`. */
export type JobClient = Prisma.TransactionClient;

export type JobPayload = Record<string, unknown>;

export type EnqueueOptions<P extends JobPayload = JobPayload> = {
  type: string;
  payload: P;
  /** Not before this time; defaults to now. */
  runAt?: Date;
  /** 1–100; defaults to 8 (about 1 h 4 min of retries with the default backoff). */
  maxAttempts?: number;
};

/** A job a worker holds: `attempts` already counts the run it is about to make. */
export type ClaimedJob = {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
};

export type JobHandler<P = unknown> = (payload: P, job: { id: string; attempts: number }) => Promise<void>;

// ---- Enqueueing.

/**
 * Schedules a job. Pass the transaction client to make the job part of the caller's transaction:
 * the job exists if and only if the caller's rows were committed.
 */
export async function enqueueJob<P extends JobPayload>(
  client: JobClient,
  options: EnqueueOptions<P>,
): Promise<{ id: string }> {
  return client.job.create({ data: jobRow(options), select: { id: true } });
}

/** Schedules several jobs in one statement; same rules and atomicity as `enqueueJob`. */
export async function enqueueJobs(client: JobClient, jobs: EnqueueOptions[]): Promise<void> {
  if (jobs.length) await client.job.createMany({ data: jobs.map(jobRow) });
}

function jobRow<P extends JobPayload>({ type, payload, runAt, maxAttempts }: EnqueueOptions<P>) {
  if (!type.trim()) throw new TypeError("enqueueJob: type is required");
  const attempts = maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) {
    throw new RangeError("enqueueJob: maxAttempts must be an integer from 1 to 100");
  }
  if (runAt && Number.isNaN(runAt.getTime())) throw new RangeError("enqueueJob: runAt is not a valid date");
  return { type, payload: serialisePayload(payload), runAt: runAt ?? new Date(), maxAttempts: attempts };
}

/**
 * Payloads are small JSON objects of ids. A string that looks like an e-mail address is refused:
 * it is the most likely personal datum to slip in, and a payload is stored in clear.
 */
function serialisePayload(payload: JobPayload): string {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    throw new TypeError("enqueueJob: payload must be a plain object of ids");
  }
  const json = JSON.stringify(payload, (_key, value: unknown) => {
    if (typeof value === "string" && /\S@\S/.test(value)) {
      throw new TypeError("enqueueJob: payload must hold ids only, not e-mail addresses or other personal data");
    }
    if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") {
      throw new TypeError("enqueueJob: payload must be JSON-serialisable");
    }
    return value;
  });
  if (json.length > MAX_PAYLOAD_LENGTH) throw new RangeError("enqueueJob: payload too large (ids only)");
  return json;
}

// ---- The handler registry.

declare global {
  // Shared across dev rebuilds: a worker started by an older module build runs the newest handlers.
  var __vitrineJobHandlers: Map<string, JobHandler> | undefined;
}
globalThis.__vitrineJobHandlers ??= new Map();
const registry = globalThis.__vitrineJobHandlers;

/**
 * Registers the handler of a job type (at module load; `handlers.server.ts` imports every module
 * that defines one). Registering a type twice replaces the handler, which is what a dev rebuild does.
 */
export function defineJob<P = unknown>(type: string, handler: JobHandler<P>): { type: string } {
  registry.set(type, handler as JobHandler);
  return { type };
}

export function jobHandler(type: string): JobHandler | undefined {
  return registry.get(type);
}

// ---- Claiming and settling (the worker's side).

/**
 * Claims the oldest due job for `workerId`, or returns null when none is due. The claim is one
 * atomic statement (claim.server.ts), so two workers — in one process, several processes or
 * several instances — never both hold a job.
 */
export async function claimDueJob(workerId: string, now: Date = new Date()): Promise<ClaimedJob | null> {
  for (let tries = 0; tries < 10; tries++) {
    const job = await claimNextDueJob(workerId, now, new Date(now.getTime() - JOB_LOCK_TIMEOUT_MS));
    if (!job) return null;
    if (job.attempts > job.maxAttempts) {
      // Its last attempt's worker died holding the lock: a job that kills its worker must not loop.
      await failJob(
        job.id,
        new Error("worker stopped during the last attempt (lock expired)"),
        job.attempts,
        job.maxAttempts,
        now,
      );
      continue;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      await failJob(job.id, new Error("payload is not valid JSON"), job.maxAttempts, job.maxAttempts, now);
      continue;
    }
    return { ...job, payload };
  }
  return null;
}

export async function completeJob(id: string): Promise<void> {
  await db.job.updateMany({
    where: { id, doneAt: null },
    data: { doneAt: new Date(), lockedAt: null, lockedBy: null },
  });
}

/** 30 s × 2^(attempts−1), capped at 1 h, plus up to 10 % jitter so retries do not stampede. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(JOB_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), JOB_BACKOFF_CAP_MS);
  return Math.round(base * (1 + 0.1 * random()));
}

/**
 * Records a failed run. Below `maxAttempts` the job is unlocked and rescheduled with backoff; at
 * `maxAttempts` it is marked failed for good (an admin sees it in `listFailedJobs` and can retry it).
 */
export async function failJob(
  id: string,
  error: unknown,
  attempts: number,
  maxAttempts: number,
  now: Date = new Date(),
): Promise<{ permanently: boolean; runAt?: Date }> {
  const lastError = errorMessage(error);
  const permanently = attempts >= maxAttempts;
  // Never schedule a retry in the past of the wall clock, whatever `now` a caller simulates.
  const from = Math.max(now.getTime(), Date.now());
  const runAt = permanently ? undefined : new Date(from + backoffMs(attempts));
  await db.job.updateMany({
    where: { id, doneAt: null },
    data: {
      lastError,
      lockedAt: null,
      lockedBy: null,
      ...(permanently ? { failedAt: new Date(from) } : { runAt }),
    },
  });
  return permanently ? { permanently } : { permanently, runAt };
}

/**
 * The message only (no stack), with anything shaped like an e-mail address removed — SMTP errors
 * like to quote the recipient — and truncated. Wrappers are unwrapped down to their causes: an
 * `AggregateError` (what Node's connection attempts to several addresses throw, with an empty
 * message) says nothing, its errors ("connect ECONNREFUSED 127.0.0.1:2525") say what went wrong.
 */
export function errorMessage(error: unknown): string {
  // Token by token (linear time): any word holding an "@" goes.
  const clean = describeError(error, 0)
    .split(/([\s"'(),:;<>]+)/)
    .map((token) => (token.includes("@") ? "[address]" : token))
    .join("");
  return clean.length > MAX_ERROR_LENGTH ? `${clean.slice(0, MAX_ERROR_LENGTH - 1)}…` : clean;
}

function describeError(error: unknown, depth: number): string {
  if (!(error instanceof Error)) return String(error);
  if (depth > 4) return error.message || error.name;
  const own = error.message ? `${error.name}: ${error.message}` : error.name;
  const inner: string[] = [];
  if (error instanceof AggregateError) {
    for (const each of error.errors) inner.push(describeError(each, depth + 1));
  }
  if (error.cause !== undefined) inner.push(describeError(error.cause, depth + 1));
  const causes = [...new Set(inner)];
  if (causes.length === 0) return own;
  // A wrapper without a message of its own is only its causes.
  if (!error.message) return causes.join("; ");
  return `${own} (${causes.join("; ")})`;
}

// ---- Administration.

export type FailedJob = {
  id: string;
  type: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  failedAt: Date;
  createdAt: Date;
};

/** What the admin lists show of a job, failed or being retried. */
const JOB_SUMMARY = {
  id: true,
  type: true,
  payload: true,
  attempts: true,
  maxAttempts: true,
  lastError: true,
  createdAt: true,
} as const;

/** Permanently failed jobs, most recent failure first. */
export async function listFailedJobs(limit = 50): Promise<FailedJob[]> {
  const rows = await db.job.findMany({
    where: { failedAt: { not: null } },
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    take: Math.max(1, Math.min(limit, 500)),
    select: { ...JOB_SUMMARY, failedAt: true },
  });
  return rows.map((row) => ({ ...row, failedAt: row.failedAt! }));
}

export type RetryingJob = {
  id: string;
  type: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
};

/**
 * Jobs that failed at least once and will be tried again, next attempt first: an outage is visible
 * while it lasts, not only once every attempt is spent (about an hour with the default backoff).
 */
export async function listRetryingJobs(limit = 50): Promise<RetryingJob[]> {
  return db.job.findMany({
    where: { doneAt: null, failedAt: null, lastError: { not: null } },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: Math.max(1, Math.min(limit, 500)),
    select: { ...JOB_SUMMARY, runAt: true },
  });
}

/** Puts a failed job back in the queue, due now, with a fresh set of attempts. */
export async function retryJob(id: string): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, failedAt: { not: null } },
    data: { failedAt: null, attempts: 0, runAt: new Date(), lockedAt: null, lockedBy: null },
  });
  return count === 1;
}

/** Whether a job of this type is waiting or running (neither done nor failed for good). */
export async function hasUnfinishedJob(type: string): Promise<boolean> {
  return (await db.job.count({ where: { type, doneAt: null, failedAt: null } })) > 0;
}

export async function jobStats(): Promise<{ pending: number; failed: number; done: number }> {
  const [pending, failed, done] = await Promise.all([
    db.job.count({ where: { doneAt: null, failedAt: null } }),
    db.job.count({ where: { failedAt: { not: null } } }),
    db.job.count({ where: { doneAt: { not: null } } }),
  ]);
  return { pending, failed, done };
}
