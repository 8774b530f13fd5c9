import { describe, expect, it } from "vitest";
import { holdWriteLock } from "../../tests/helpers/db-lock";
import { db, dbProvider, isDatabaseBusy } from "./db.server";
import { env } from "./env.server";

/** Resolves on the next turn of the event loop: it only can if nothing blocks the loop. */
const nextTurn = () => new Promise<string>((resolve) => setTimeout(() => resolve("event loop"), 0));

describe("one client, many requests", () => {
  it("keeps a concurrent request's write when another request's transaction rolls back", async () => {
    let inTransaction!: () => void;
    const started = new Promise<void>((resolve) => (inTransaction = resolve));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.province.create({ data: { name: "Province annulée" } });
        inTransaction();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("abort");
      })
      .catch((error: Error) => error.message);
    await started;
    // Another request writes while that transaction is open (`.then` starts the lazy Prisma query now).
    const standalone = db.province.create({ data: { name: "Province indépendante" } }).then((row) => row);
    expect(await rolledBack).toBe("abort");
    await standalone;
    const names = (await db.province.findMany({ select: { name: true } })).map((p) => p.name);
    expect(names).toContain("Province indépendante");
    expect(names).not.toContain("Province annulée");
  });

  it.skipIf(dbProvider !== "sqlite")("runs SQLite in WAL mode", async () => {
    const rows = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(rows[0].journal_mode).toBe("wal");
  });
});

// SQLite's file lock; PostgreSQL's row locks wait in the server without blocking the process.
describe.skipIf(dbProvider !== "sqlite")("a write lock held by another process", () => {
  it("makes a write wait without blocking the event loop, then succeed once the lock is released", async () => {
    const release = await holdWriteLock(env().DATABASE_URL);
    const write = db.province.create({ data: { name: "Province patiente" } }).then(() => "write");
    try {
      // Other work (a health check, a static file) goes on while the write waits.
      expect(await Promise.race([write, nextTurn()])).toBe("event loop");
      expect(await Promise.race([write, nextTurn()])).toBe("event loop");
    } finally {
      await release();
    }
    expect(await write).toBe("write");
    expect(await db.province.count({ where: { name: "Province patiente" } })).toBe(1);
  });

  it("gives up with a DatabaseBusyError when the lock is held past the wait allowed", async () => {
    const release = await holdWriteLock(env().DATABASE_URL);
    try {
      const error = await db.province.create({ data: { name: "Province refusée" } }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isDatabaseBusy(error)).toBe(true);
    } finally {
      await release();
    }
    expect(await db.province.count({ where: { name: "Province refusée" } })).toBe(0);
  });
});
