import { describe, expect, it } from "vitest";
import { db, dbProvider } from "./db.server";

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
