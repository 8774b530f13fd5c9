/**
 * The teams migration on a database created by the previous schema: every existing pro becomes
 * the owner of its own organisation with the same e-mail and password, its sessions and API tokens
 * move to that owner, and nothing else changes.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve("prisma/migrations");
const TEAMS = "20261201163000_teams";
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

describe(`migration ${TEAMS}`, () => {
  it("carries every existing pro over as the owner of its own organisation without losing anything", () => {
    const all = migrations();
    const at = all.indexOf(TEAMS);
    expect(at).toBeGreaterThan(0);
    const db = new Database(path.join(dir, "old.db"));
    db.pragma("foreign_keys = ON");
    apply(db, all.slice(0, at)); // the schema as it was before teams

    const now = new Date().toISOString();
    const pro = db.prepare(
      `INSERT INTO "Pro" (id, email, passwordHash, name, companyName, kind, role, identityStatus, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'verified', ?, ?)`,
    );
    pro.run("pro-a", "a@agence.test", "scrypt$hash-a", "Alice", "Agence A", "agency", "pro", now, now);
    pro.run("pro-b", "b@garage.test", "scrypt$hash-b", "Bob", "Garage B", "dealership", "pro", now, now);
    pro.run("staff", "admin@vitrine.test", "scrypt$hash-admin", "Équipe", "Vitrine", null, "admin", now, now);
    db.prepare(`INSERT INTO "Session" (id, proId, expiresAt, createdAt) VALUES (?, ?, ?, ?)`).run(
      "session-a",
      "pro-a",
      new Date(Date.now() + 86_400_000).toISOString(),
      now,
    );
    db.prepare(`INSERT INTO "ApiToken" (id, proId, name, tokenHash, prefix, createdAt) VALUES (?, ?, ?, ?, ?, ?)`).run(
      "token-b",
      "pro-b",
      "ERP",
      "hash-of-token",
      "vtr_abc",
      now,
    );
    db.prepare(
      `INSERT INTO "Property" (id, proId, slug, title, type, transactionType, city, cityKey, postalCode, status, createdAt, updatedAt)
       VALUES ('prop-a', 'pro-a', 'maison-a', 'Maison A', 'maison', 'vente', 'Lyon', 'lyon', '69001', 'active', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO "ContactRequest" (id, propertyId, proId, propertyTitle, senderNameEnc, senderEmailEnc, messageEnc, status, createdAt, updatedAt)
       VALUES ('lead-a', 'prop-a', 'pro-a', 'Maison A', 'n', 'e', 'm', 'read', ?, ?)`,
    ).run(now, now);

    apply(db, all.slice(at)); // this migration and any later one
    expect(db.pragma("foreign_key_check")).toEqual([]);

    const members = db
      .prepare(`SELECT id, proId, email, passwordHash, name, role, active FROM "Member" ORDER BY email`)
      .all() as {
      id: string;
      proId: string;
      email: string;
      passwordHash: string;
      name: string;
      role: string;
      active: number;
    }[];
    expect(members.map(({ id: _id, ...m }) => m)).toEqual([
      {
        proId: "pro-a",
        email: "a@agence.test",
        passwordHash: "scrypt$hash-a",
        name: "Alice",
        role: "owner",
        active: 1,
      },
      {
        proId: "staff",
        email: "admin@vitrine.test",
        passwordHash: "scrypt$hash-admin",
        name: "Équipe",
        role: "owner",
        active: 1,
      },
      { proId: "pro-b", email: "b@garage.test", passwordHash: "scrypt$hash-b", name: "Bob", role: "owner", active: 1 },
    ]);
    for (const m of members)
      expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ownerOf = (proId: string) => members.find((m) => m.proId === proId)!.id;

    expect(db.prepare(`SELECT id, memberId FROM "Session"`).all()).toEqual([
      { id: "session-a", memberId: ownerOf("pro-a") },
    ]);
    expect(db.prepare(`SELECT id, proId, memberId, tokenHash FROM "ApiToken"`).all()).toEqual([
      { id: "token-b", proId: "pro-b", memberId: ownerOf("pro-b"), tokenHash: "hash-of-token" },
    ]);
    expect(db.prepare(`SELECT id, email, companyName, role FROM "Pro" ORDER BY id`).all()).toEqual([
      { id: "pro-a", email: "a@agence.test", companyName: "Agence A", role: "pro" },
      { id: "pro-b", email: "b@garage.test", companyName: "Garage B", role: "pro" },
      { id: "staff", email: "admin@vitrine.test", companyName: "Vitrine", role: "admin" },
    ]);
    expect(db.prepare(`SELECT id, proId, status, assigneeId FROM "ContactRequest"`).all()).toEqual([
      { id: "lead-a", proId: "pro-a", status: "read", assigneeId: null },
    ]);
    expect(db.prepare(`SELECT proId, responsibleMemberId FROM "Property"`).all()).toEqual([
      { proId: "pro-a", responsibleMemberId: null },
    ]);

    // Exactly one owner per organisation, enforced by the database too.
    expect(() =>
      db
        .prepare(
          `INSERT INTO "Member" (id, proId, email, passwordHash, name, role, updatedAt) VALUES ('x', 'pro-a', 'x@a.test', 'h', 'X', 'owner', ?)`,
        )
        .run(now),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
