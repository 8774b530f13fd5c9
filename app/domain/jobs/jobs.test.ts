import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db, dbReady } from "~/utils/db.server";
import {
  backoffMs,
  claimDueJob,
  defineJob,
  enqueueJob,
  enqueueJobs,
  JOB_BACKOFF_BASE_MS,
  JOB_BACKOFF_CAP_MS,
  JOB_LOCK_TIMEOUT_MS,
  errorMessage,
  jobStats,
  listFailedJobs,
  listRetryingJobs,
  retryJob,
} from "./queue.server";
import { isWorkerRunning, runDueJobsOnce, startWorker, stopWorker } from "./worker.server";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Each test registers its own job types, so handlers from other tests never interfere. */
let counter = 0;
function uniqueType(name: string) {
  counter += 1;
  return `test.${name}.${counter}`;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function jobRow(id: string) {
  return db.job.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  // The connection's PRAGMAs must not interleave with the first interactive transaction.
  await dbReady;
});

beforeEach(async () => {
  await db.job.deleteMany();
});

afterEach(async () => {
  await stopWorker();
});

describe("enqueueJob", () => {
  test("inside a transaction that rolls back, no job is left", async () => {
    const type = uniqueType("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, { type, payload: { id: "abc" } });
        throw new Error("the caller's write failed");
      }),
    ).rejects.toThrow("the caller's write failed");
    expect(await db.job.count({ where: { type } })).toBe(0);
  });

  test("inside a committed transaction, the job is stored with its defaults", async () => {
    const type = uniqueType("commit");
    const before = Date.now();
    const { id } = await db.$transaction((tx) => enqueueJob(tx, { type, payload: { id: "abc" } }));
    const row = await jobRow(id);
    expect(row).toMatchObject({ type, payload: '{"id":"abc"}', attempts: 0, maxAttempts: 8, lockedAt: null });
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  test("refuses payloads that are not small JSON objects of ids", async () => {
    const type = uniqueType("payload");
    await expect(enqueueJob(db, { type, payload: { email: "buyer@example.com" } })).rejects.toThrow(/ids only/);
    await expect(enqueueJob(db, { type, payload: { n: 1n } })).rejects.toThrow(/JSON/);
    await expect(enqueueJob(db, { type, payload: { id: "x" }, maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    expect(await db.job.count()).toBe(0);
  });

  test("several jobs at once are stored with their own dates, or none when one is refused", async () => {
    const type = uniqueType("many");
    const later = new Date(Date.now() + 30 * MINUTE);
    await expect(
      enqueueJobs(db, [
        { type, payload: { id: "a" } },
        { type, payload: { email: "buyer@example.com" } },
      ]),
    ).rejects.toThrow(/ids only/);
    expect(await db.job.count({ where: { type } })).toBe(0);

    await db.$transaction((tx) =>
      enqueueJobs(tx, [
        { type, payload: { id: "a" } },
        { type, payload: { id: "b" }, runAt: later, maxAttempts: 3 },
      ]),
    );
    const rows = await db.job.findMany({ where: { type }, orderBy: { runAt: "asc" } });
    expect(rows.map((row) => [row.payload, row.maxAttempts])).toEqual([
      ['{"id":"a"}', 8],
      ['{"id":"b"}', 3],
    ]);
    expect(rows[1].runAt.getTime()).toBe(later.getTime());
  });
});

describe("running due jobs", () => {
  test("a due job runs exactly once even when two runners race for it", async () => {
    const type = uniqueType("once");
    const runs: string[] = [];
    // The first job holds its runner until a second job has started, which only the other runner
    // can do: both runners take part however the two are scheduled. Were the runners serialised,
    // the hold would end after 3 s and the "both took part" assertions below would fail.
    let secondStarted!: () => void;
    const second = new Promise<void>((resolve) => (secondStarted = resolve));
    defineJob<{ n: number }>(type, async (payload, job) => {
      runs.push(`${payload.n}:${job.id}`);
      if (runs.length === 1) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([second, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
        clearTimeout(timer);
      } else {
        secondStarted();
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const ids = [];
    for (let n = 0; n < 6; n++) ids.push((await enqueueJob(db, { type, payload: { n } })).id);

    const [a, b] = await Promise.all([runDueJobsOnce(), runDueJobsOnce()]);

    expect(runs).toHaveLength(6);
    expect(new Set(runs).size).toBe(6);
    expect(a.ran + b.ran).toBe(6);
    expect(a.ran).toBeGreaterThan(0); // both runners really took part
    expect(b.ran).toBeGreaterThan(0);
    for (const id of ids) {
      const row = await jobRow(id);
      expect(row.doneAt).not.toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lockedAt).toBeNull();
    }
    // Nothing left to do: running again is a no-op.
    expect(await runDueJobsOnce()).toEqual({ ran: 0, succeeded: 0, failed: 0 });
    expect(runs).toHaveLength(6);
    expect(await jobStats()).toEqual({ pending: 0, failed: 0, done: 6 });
  });

  test("of two claims racing for one job, exactly one wins", async () => {
    const { id } = await enqueueJob(db, { type: uniqueType("race"), payload: { id: "x" } });
    const claims = await Promise.all([claimDueJob("worker-a"), claimDueJob("worker-b"), claimDueJob("worker-c")]);
    const winners = claims.filter((claim) => claim !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id, attempts: 1 });
    expect((await jobRow(id)).attempts).toBe(1);
  });

  test("jobs run oldest due first", async () => {
    const type = uniqueType("order");
    const order: string[] = [];
    defineJob<{ name: string }>(type, async ({ name }) => {
      order.push(name);
    });
    const now = Date.now();
    await enqueueJob(db, { type, payload: { name: "second" }, runAt: new Date(now - 1 * MINUTE) });
    await enqueueJob(db, { type, payload: { name: "first" }, runAt: new Date(now - 2 * MINUTE) });
    await runDueJobsOnce();
    expect(order).toEqual(["first", "second"]);
  });

  test("a job scheduled for later does not run until it is due", async () => {
    const type = uniqueType("later");
    let runs = 0;
    defineJob(type, async () => {
      runs++;
    });
    const now = new Date();
    const { id } = await enqueueJob(db, { type, payload: { id: "x" }, runAt: new Date(now.getTime() + 10 * MINUTE) });

    expect(await runDueJobsOnce(now)).toMatchObject({ ran: 0 });
    expect(await runDueJobsOnce(new Date(now.getTime() + 9 * MINUTE))).toMatchObject({ ran: 0 });
    expect(runs).toBe(0);
    expect((await jobRow(id)).attempts).toBe(0);

    expect(await runDueJobsOnce(new Date(now.getTime() + 10 * MINUTE))).toMatchObject({ ran: 1, succeeded: 1 });
    expect(runs).toBe(1);
  });

  test("a failing job is retried with backoff, then marked failed for an admin to retry", async () => {
    const type = uniqueType("failing");
    let runs = 0;
    let shouldFail = true;
    defineJob(type, async () => {
      runs++;
      if (shouldFail) throw new Error("550 5.1.1 <pro@vitrine.test>: mailbox unavailable");
    });
    const t0 = new Date();
    const { id } = await enqueueJob(db, { type, payload: { id: "x" }, maxAttempts: 3, runAt: t0 });

    // Attempt 1 fails: unlocked, rescheduled about 30 s later, error recorded without the address.
    expect(await runDueJobsOnce(t0)).toEqual({ ran: 1, succeeded: 0, failed: 1 });
    let row = await jobRow(id);
    expect(row.attempts).toBe(1);
    expect(row.failedAt).toBeNull();
    expect(row.lockedAt).toBeNull();
    expect(row.lastError).toContain("mailbox unavailable");
    expect(row.lastError).not.toContain("pro@vitrine.test");
    const firstDelay = row.runAt.getTime() - t0.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(JOB_BACKOFF_BASE_MS);
    expect(firstDelay).toBeLessThan(JOB_BACKOFF_BASE_MS * 1.1 + 2 * SECOND);

    // Not due again before its new runAt.
    expect(await runDueJobsOnce(new Date(row.runAt.getTime() - 1))).toMatchObject({ ran: 0 });

    // Attempt 2 fails: the delay doubles.
    const t1 = row.runAt;
    await runDueJobsOnce(t1);
    row = await jobRow(id);
    expect(row.attempts).toBe(2);
    expect(row.failedAt).toBeNull();
    const secondDelay = row.runAt.getTime() - t1.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(2 * JOB_BACKOFF_BASE_MS);
    expect(secondDelay).toBeLessThan(2 * JOB_BACKOFF_BASE_MS * 1.1 + 2 * SECOND);

    // Attempt 3 is the last: failed for good, listed for admins, never picked up again.
    await runDueJobsOnce(row.runAt);
    row = await jobRow(id);
    expect(row.attempts).toBe(3);
    expect(row.failedAt).not.toBeNull();
    expect(row.doneAt).toBeNull();
    expect(runs).toBe(3);
    expect(await runDueJobsOnce(new Date(Date.now() + 24 * 60 * MINUTE))).toMatchObject({ ran: 0 });
    expect(await jobStats()).toEqual({ pending: 0, failed: 1, done: 0 });

    const failed = await listFailedJobs(10);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ id, type, attempts: 3, maxAttempts: 3 });
    expect(failed[0].lastError).toContain("mailbox unavailable");

    // An admin retries it once the cause is fixed.
    shouldFail = false;
    expect(await retryJob(id)).toBe(true);
    expect(await retryJob(id)).toBe(false); // no longer failed
    expect(await listFailedJobs(10)).toHaveLength(0);
    expect(await runDueJobsOnce()).toMatchObject({ ran: 1, succeeded: 1 });
    row = await jobRow(id);
    expect(row.doneAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    expect(runs).toBe(4);
  });

  test("a job being retried is listed with its last real error from its first failure", async () => {
    const type = uniqueType("outage");
    // What an SMTP client reports when the server is down, wrapped as a batch of failures would be.
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET" });
    defineJob(type, async () => {
      throw new AggregateError([refused]);
    });
    const { id } = await enqueueJob(db, { type, payload: { id: "x" } });
    expect(await listRetryingJobs()).toEqual([]);

    expect(await runDueJobsOnce()).toEqual({ ran: 1, succeeded: 0, failed: 1 });

    const retrying = await listRetryingJobs();
    expect(retrying).toHaveLength(1);
    expect(retrying[0]).toMatchObject({ id, type, attempts: 1, maxAttempts: 8 });
    expect(retrying[0].lastError).toBe("Error: connect ECONNREFUSED 127.0.0.1:2525");
    expect(retrying[0].runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await listFailedJobs()).toEqual([]);
  });

  test("stored errors name their causes, never only a wrapper", () => {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:2525");
    expect(errorMessage(new AggregateError([refused, new Error("connect ECONNREFUSED ::1:2525")]))).toBe(
      "Error: connect ECONNREFUSED 127.0.0.1:2525; Error: connect ECONNREFUSED ::1:2525",
    );
    expect(errorMessage(new AggregateError([refused], "2 e-mails failed"))).toBe(
      "AggregateError: 2 e-mails failed (Error: connect ECONNREFUSED 127.0.0.1:2525)",
    );
    expect(errorMessage(new Error("send failed", { cause: refused }))).toBe(
      "Error: send failed (Error: connect ECONNREFUSED 127.0.0.1:2525)",
    );
    expect(errorMessage(new Error("550 <pro@vitrine.test> unknown"))).toBe("Error: 550 <[address]> unknown");
  });

  test("a job of an unknown type fails with an error instead of running", async () => {
    const { id } = await enqueueJob(db, { type: uniqueType("unregistered"), payload: { id: "x" }, maxAttempts: 1 });
    expect(await runDueJobsOnce()).toEqual({ ran: 1, succeeded: 0, failed: 1 });
    const row = await jobRow(id);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/No handler registered/);
  });

  test("backoff doubles from 30 s and is capped at an hour, with a little jitter", () => {
    const none = () => 0;
    expect(backoffMs(1, none)).toBe(30 * SECOND);
    expect(backoffMs(2, none)).toBe(60 * SECOND);
    expect(backoffMs(5, none)).toBe(8 * MINUTE);
    expect(backoffMs(20, none)).toBe(JOB_BACKOFF_CAP_MS);
    expect(backoffMs(1, () => 0.999)).toBeLessThanOrEqual(33 * SECOND);
  });
});

describe("locks", () => {
  test("a job claimed by a worker that died is reclaimed once its lock expires", async () => {
    const type = uniqueType("crash");
    let runs = 0;
    defineJob(type, async () => {
      runs++;
    });
    const now = new Date();
    const { id } = await enqueueJob(db, { type, payload: { id: "x" }, runAt: now });
    // A worker claimed it and then crashed: the lock stays behind.
    const crashed = await claimDueJob("crashed-worker", now);
    expect(crashed?.id).toBe(id);
    expect(crashed?.attempts).toBe(1);

    // While the lock is fresh nobody else may take the job.
    expect(await claimDueJob("other-worker", new Date(now.getTime() + JOB_LOCK_TIMEOUT_MS - SECOND))).toBeNull();
    expect(await runDueJobsOnce(now)).toMatchObject({ ran: 0 });

    // Once it is stale, the next worker runs the job.
    const later = new Date(now.getTime() + JOB_LOCK_TIMEOUT_MS + SECOND);
    expect(await runDueJobsOnce(later)).toEqual({ ran: 1, succeeded: 1, failed: 0 });
    const row = await jobRow(id);
    expect(runs).toBe(1);
    expect(row.doneAt).not.toBeNull();
    expect(row.attempts).toBe(2);
    expect(row.lockedAt).toBeNull();
  });

  test("a job whose worker died during its last attempt is failed, not run forever", async () => {
    const type = uniqueType("crash-last");
    let runs = 0;
    defineJob(type, async () => {
      runs++;
    });
    const { id } = await enqueueJob(db, { type, payload: { id: "x" }, maxAttempts: 1 });
    await db.job.update({
      where: { id },
      data: { attempts: 1, lockedAt: new Date(Date.now() - JOB_LOCK_TIMEOUT_MS - MINUTE), lockedBy: "dead" },
    });
    expect(await runDueJobsOnce()).toMatchObject({ ran: 0 });
    expect(runs).toBe(0);
    const row = await jobRow(id);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/lock expired/);
  });
});

describe("the worker loop", () => {
  test("runs due jobs in the background and stops gracefully", async () => {
    const type = uniqueType("worker");
    let runs = 0;
    defineJob(type, async () => {
      runs++;
    });
    const { id } = await enqueueJob(db, { type, payload: { id: "x" } });

    startWorker({ pollMs: 20 });
    startWorker({ pollMs: 20 }); // idempotent
    expect(isWorkerRunning()).toBe(true);
    await until(async () => (await jobRow(id)).doneAt !== null);

    // Jobs enqueued while it runs are picked up on a later poll.
    const second = await enqueueJob(db, { type, payload: { id: "y" } });
    await until(async () => (await jobRow(second.id)).doneAt !== null);

    await stopWorker();
    expect(isWorkerRunning()).toBe(false);
    await stopWorker(); // idempotent
    expect(runs).toBe(2);
  });

  test("stopWorker waits for the running job to finish and claims nothing more", async () => {
    const type = uniqueType("graceful");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const finished: string[] = [];
    defineJob(type, async (_payload, job) => {
      started.push(job.id);
      await gate;
      finished.push(job.id);
    });
    const first = await enqueueJob(db, { type, payload: { id: "1" } });
    const second = await enqueueJob(db, { type, payload: { id: "2" }, runAt: new Date(Date.now() + 10) });

    startWorker({ pollMs: 20 });
    await until(() => started.length === 1);
    let stopped = false;
    const stopping = stopWorker().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(finished).toEqual([first.id]);
    expect((await jobRow(first.id)).doneAt).not.toBeNull();
    const untouched = await jobRow(second.id);
    expect(untouched).toMatchObject({ attempts: 0, doneAt: null, lockedAt: null });
  });

  test("a job that comes due while the worker is stopped runs after the restart", async () => {
    const type = uniqueType("restart");
    let runs = 0;
    defineJob(type, async () => {
      runs++;
    });
    const dueAt = Date.now() + 800;
    const { id } = await enqueueJob(db, { type, payload: { id: "x" }, runAt: new Date(dueAt) });

    startWorker({ pollMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await stopWorker(); // the "shutdown", before the job is due
    expect(Date.now()).toBeLessThan(dueAt);
    expect(runs).toBe(0);

    await until(() => Date.now() > dueAt + 50); // downtime: the job comes due
    expect(runs).toBe(0);
    expect((await jobRow(id)).doneAt).toBeNull();

    startWorker({ pollMs: 20 }); // the next start
    await until(async () => (await jobRow(id)).doneAt !== null);
    expect(runs).toBe(1);
  });

  test("a restart right after a stop does not run two loops", async () => {
    const type = uniqueType("restart-quick");
    let concurrent = 0;
    let maxConcurrent = 0;
    defineJob(type, async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 15));
      concurrent--;
    });
    for (let n = 0; n < 4; n++) await enqueueJob(db, { type, payload: { n } });
    startWorker({ pollMs: 20 });
    const stopping = stopWorker();
    startWorker({ pollMs: 20 });
    await stopping;
    await until(async () => (await db.job.count({ where: { type, doneAt: null } })) === 0);
    expect(maxConcurrent).toBe(1);
  });
});
