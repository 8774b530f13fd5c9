/**
 * Claiming the next due job: the one raw statement of the job queue, with a variant per database
 * (docs/decisions/024). Either way it is one atomic UPDATE … RETURNING, so two workers — in one
 * process, in several processes or on several machines — never hold the same job.
 */
import { db, dbProvider } from "~/utils/db.server";

export type ClaimedRow = { id: string; type: string; payload: string; attempts: number; maxAttempts: number };

/**
 * Locks the oldest due job (unclaimed, or claimed before `lockExpiredBefore` by a worker that
 * died) for `workerId`, counting the attempt; null when none is due.
 */
export async function claimNextDueJob(
  workerId: string,
  now: Date,
  lockExpiredBefore: Date,
): Promise<ClaimedRow | null> {
  const rows =
    dbProvider === "postgresql"
      ? // SKIP LOCKED: concurrent workers each take a different row instead of queueing on the first.
        await db.$queryRaw<ClaimedRow[]>`
          UPDATE "Job" SET "lockedAt" = ${now}::timestamp, "lockedBy" = ${workerId}, "attempts" = "attempts" + 1,
                           "updatedAt" = ${now}::timestamp
          WHERE "id" = (
            SELECT "id" FROM "Job"
            WHERE "runAt" <= ${now}::timestamp AND "doneAt" IS NULL AND "failedAt" IS NULL
              AND ("lockedAt" IS NULL OR "lockedAt" < ${lockExpiredBefore}::timestamp)
            ORDER BY "runAt", "createdAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
          RETURNING "id", "type", "payload", "attempts", "maxAttempts"`
      : // SQLite runs one writer at a time: the sub-select and the update cannot interleave with another.
        await db.$queryRaw<ClaimedRow[]>`
          UPDATE "Job" SET "lockedAt" = ${now}, "lockedBy" = ${workerId}, "attempts" = "attempts" + 1,
                           "updatedAt" = ${now}
          WHERE "id" = (
            SELECT "id" FROM "Job"
            WHERE "runAt" <= ${now} AND "doneAt" IS NULL AND "failedAt" IS NULL
              AND ("lockedAt" IS NULL OR "lockedAt" < ${lockExpiredBefore})
            ORDER BY "runAt", "createdAt"
            LIMIT 1)
          RETURNING "id", "type", "payload", "attempts", "maxAttempts"`;
  const row = rows[0];
  return row ? { ...row, attempts: Number(row.attempts), maxAttempts: Number(row.maxAttempts) } : null;
}
