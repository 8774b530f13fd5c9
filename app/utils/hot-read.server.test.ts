import { describe, expect, it, onTestFinished } from "vitest";
import { holdWriteLock } from "../../tests/helpers/db-lock";
import { Prisma } from "~/generated/prisma/client";
import { generationOf, bumpGeneration } from "./cache.server";
import { db, dbProvider } from "./db.server";
import { env } from "./env.server";
import { asBoolean, asDate, hotRows } from "./hot-read.server";

async function aMember(label: string) {
  const pro = await db.pro.create({
    data: { email: `${label}@hot.test`, name: "Camille Martin", companyName: "Agence du Port", kind: "agency" },
  });
  return db.member.create({
    data: { proId: pro.id, email: `${label}-m@hot.test`, passwordHash: "x", name: "Camille Martin", role: "owner" },
  });
}

describe("hot reads", () => {
  it("see a write committed through Prisma at once", async () => {
    const before = await generationOf("hot-read-test");
    await bumpGeneration("hot-read-test");
    expect(await generationOf("hot-read-test")).toBe(before + 1);
    const member = await aMember("committed");
    await db.member.update({ where: { id: member.id }, data: { active: false } });
    const [row] = await hotRows<{ active: boolean | number }>(
      Prisma.sql`SELECT "active" FROM "Member" WHERE "id" = ${member.id}`,
    );
    expect(asBoolean(row.active)).toBe(false);
  });

  it("never see what another request's open transaction wrote", async () => {
    const member = await aMember("open");
    let inTransaction!: () => void;
    const started = new Promise<void>((resolve) => (inTransaction = resolve));
    let carryOn!: () => void;
    const proceed = new Promise<void>((resolve) => (carryOn = resolve));
    const transaction = db
      .$transaction(async (tx) => {
        await tx.member.update({ where: { id: member.id }, data: { name: "Nom provisoire" } });
        inTransaction();
        await proceed;
        throw new Error("abort");
      })
      .catch((error: Error) => error.message);
    await started;
    const [during] = await hotRows<{ name: string }>(Prisma.sql`SELECT "name" FROM "Member" WHERE "id" = ${member.id}`);
    carryOn();
    expect(await transaction).toBe("abort");
    expect(during.name).toBe("Camille Martin");
  });

  it("bind dates and booleans as Prisma stores them, whatever the process's time zone", async () => {
    // Timestamps hold UTC without a zone: a reader in local time would shift them by three hours.
    const zone = process.env.TZ;
    process.env.TZ = "America/Sao_Paulo";
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(new Date("2026-03-04T05:06:07.089Z").getHours()).toBe(2);
    const member = await aMember("params");
    const at = new Date("2026-03-04T05:06:07.089Z");
    await db.session.create({ data: { id: `hot-${member.id}`, memberId: member.id, expiresAt: at } });
    const rows = await hotRows<{ expiresAt: Date | string; active: boolean | number }>(Prisma.sql`
      SELECT s."expiresAt", m."active" FROM "Session" s JOIN "Member" m ON m."id" = s."memberId"
      WHERE s."memberId" = ${member.id} AND m."active" = ${true}
        AND s."expiresAt" = ${dbProvider === "postgresql" ? Prisma.sql`${at}::timestamp` : at}`);
    expect(rows).toHaveLength(1);
    expect(asDate(rows[0].expiresAt).toISOString()).toBe(at.toISOString());
    expect(asBoolean(rows[0].active)).toBe(true);
  });
});

// SQLite's file lock; PostgreSQL's readers never wait for a writer.
describe.skipIf(dbProvider !== "sqlite")("a write lock held by another process", () => {
  it("does not stop a hot read", async () => {
    const before = await generationOf("hot-read-locked");
    const release = await holdWriteLock(env().DATABASE_URL);
    try {
      expect(await generationOf("hot-read-locked")).toBe(before);
    } finally {
      await release();
    }
  });
});
