/**
 * The lead follow-up migration on a database created by the previous schema (organisations and
 * teams included): answered leads get a response clock, vehicle leads their clock's start, members
 * keep reminders on, and nothing else changes.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve("prisma/migrations");
const FOLLOWUP = "20261201170000_lead_followup";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function migrations() {
  return fs
    .readdirSync(MIGRATIONS)
    .filter((name) => fs.existsSync(path.join(MIGRATIONS, name, "migration.sql")))
    .sort();
}

function apply(db: Database.Database, names: string[]) {
  for (const name of names) db.exec(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
}

describe(`migration ${FOLLOWUP}`, () => {
  it("runs after the teams migration, starts the clocks of existing leads and keeps every row", () => {
    const all = migrations();
    const at = all.indexOf(FOLLOWUP);
    expect(at).toBeGreaterThan(all.indexOf("20261201163000_teams"));
    const db = new Database(path.join(dir, "old.db"));
    db.pragma("foreign_keys = ON");
    apply(db, all.slice(0, at)); // the schema as it was before the follow-up

    const iso = (text: string) => new Date(text).toISOString();
    db.exec(`
      INSERT INTO "Pro" (id, email, name, companyName, kind, updatedAt) VALUES
        ('pro-a', 'a@agence.test', 'Alice', 'Agence A', 'agency', '${iso("2026-11-30T08:00:00Z")}'),
        ('pro-b', 'b@garage.test', 'Bob', 'Garage B', 'dealership', '${iso("2026-11-30T08:00:00Z")}');
      INSERT INTO "Member" (id, proId, email, passwordHash, name, role, updatedAt) VALUES
        ('member-a', 'pro-a', 'a@agence.test', 'h', 'Alice', 'owner', '${iso("2026-11-30T08:00:00Z")}'),
        ('member-b', 'pro-b', 'b@garage.test', 'h', 'Bob', 'owner', '${iso("2026-11-30T08:00:00Z")}');
      INSERT INTO "ContactRequest" (id, proId, propertyTitle, senderNameEnc, senderEmailEnc, messageEnc, status, repliedAt, createdAt, updatedAt) VALUES
        ('lead-replied', 'pro-a', 'Maison A', 'n', 'e', 'm', 'replied', '${iso("2026-11-30T10:00:00Z")}', '${iso("2026-11-30T09:00:00Z")}', '${iso("2026-11-30T10:00:00Z")}'),
        ('lead-new', 'pro-a', 'Maison A', 'n', 'e', 'm', 'new', NULL, '${iso("2026-11-30T09:00:00Z")}', '${iso("2026-11-30T09:00:00Z")}');
      INSERT INTO "VehicleContactRequest" (id, fullNameEnc, emailEnc, emailHash, phoneEnc, province, city, preferredContactMethod, viewerTokenHash, createdAt, anonymityExpiresAt) VALUES
        (1, 'n', 'e', 'h', 'p', 'Western Cape', 'Cape Town', 'email', 'v', '${iso("2026-11-30T09:00:00Z")}', '${iso("2026-11-30T09:30:00Z")}');
      INSERT INTO "VehicleLead" (id, requestId, proId, status, assigneeId, notifiedAt, updatedAt) VALUES
        ('vehicle-replied', 1, 'pro-b', 'replied', 'member-b', '${iso("2026-11-30T09:30:00Z")}', '${iso("2026-11-30T11:00:00Z")}'),
        ('vehicle-new', 1, 'pro-a', 'new', NULL, NULL, '${iso("2026-11-30T09:00:00Z")}');
    `);

    apply(db, all.slice(at)); // this migration and any later one
    expect(db.pragma("foreign_key_check")).toEqual([]);

    expect(db.prepare(`SELECT id, status, firstResponseAt FROM "ContactRequest" ORDER BY id`).all()).toEqual([
      { id: "lead-new", status: "new", firstResponseAt: null },
      { id: "lead-replied", status: "replied", firstResponseAt: iso("2026-11-30T10:00:00Z") },
    ]);
    expect(
      db
        .prepare(
          `SELECT id, status, assigneeId, receivedAt, readAt, repliedAt, firstResponseAt FROM "VehicleLead" ORDER BY id`,
        )
        .all(),
    ).toEqual([
      {
        id: "vehicle-new",
        status: "new",
        assigneeId: null,
        receivedAt: iso("2026-11-30T09:30:00Z"),
        readAt: null,
        repliedAt: null,
        firstResponseAt: null,
      },
      {
        id: "vehicle-replied",
        status: "replied",
        assigneeId: "member-b",
        receivedAt: iso("2026-11-30T09:30:00Z"),
        readAt: iso("2026-11-30T11:00:00Z"),
        repliedAt: iso("2026-11-30T11:00:00Z"),
        firstResponseAt: iso("2026-11-30T11:00:00Z"),
      },
    ]);
    expect(db.prepare(`SELECT id, leadRemindersEnabled FROM "Member" ORDER BY id`).all()).toEqual([
      { id: "member-a", leadRemindersEnabled: 1 },
      { id: "member-b", leadRemindersEnabled: 1 },
    ]);

    // A reply answers exactly one lead, and the teams rule of one owner per organisation still holds.
    const reply = db.prepare(
      `INSERT INTO "LeadReply" (id, contactRequestId, vehicleLeadId, authorId, messageEnc) VALUES (?, ?, ?, 'member-a', 'm')`,
    );
    expect(() => reply.run("both", "lead-new", "vehicle-new")).toThrow(/CHECK/);
    expect(() => reply.run("none", null, null)).toThrow(/CHECK/);
    reply.run("one", "lead-new", null);
    expect(() =>
      db
        .prepare(
          `INSERT INTO "Member" (id, proId, email, passwordHash, name, role, updatedAt) VALUES ('x', 'pro-a', 'x@a.test', 'h', 'X', 'owner', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
