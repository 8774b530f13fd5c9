/**
 * Two instances of one deployment (same database, uploads, outbox and secrets; SPEC "Scale-out"),
 * checked through both: shared per-IP limits, exactly-once dealership e-mails with both job workers
 * running, a save through one visible through the other at once, and concurrent photo uploads
 * split across them that never pass 30 photos nor lose one. Runs on SQLite (two processes on one
 * file) and on PostgreSQL.
 */
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPhotoFiles } from "~/domain/media/photo-widths";
import type { PrismaClient } from "~/generated/prisma/client";
import { readOutbox } from "~/utils/mail.server";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";

let a: TestServer;
let b: TestServer;
let db: PrismaClient;

beforeAll(async () => {
  const env = { TRUST_PROXY: "1", ANONYMITY_WINDOW_SECONDS: "0", JOB_POLL_MS: "50" };
  a = await startServer({ seed: "demo", env });
  b = await startServer({ nextTo: a, env });
  db = openTestDb(a.env.DATABASE_URL);
  process.env.MAIL_OUTBOX_DIR = a.env.MAIL_OUTBOX_DIR; // before readOutbox's first env() read
}, 400_000); // the demo seed and two server starts, on a loaded machine

afterAll(async () => {
  await db?.$disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
});

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const unique = () => randomBytes(4).toString("hex");

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two instances on one database", () => {
  it("holds the per-IP limit of 5 inquiries a minute across both", async () => {
    const ip = randomIp();
    const property = await db.property.findFirstOrThrow({ where: { status: "active" }, select: { id: true } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new Client((i % 2 ? b : a).baseUrl, { "x-forwarded-for": ip });
      const tag = unique();
      const res = await client.json("/contact-requests", {
        method: "POST",
        json: {
          propertyId: property.id,
          senderName: `Zoé Testeur${tag}`,
          senderEmail: `zoe.${tag}@example.fr`,
          message: `Bonjour, je souhaite visiter ce bien. Référence ${tag}.`,
          website: "",
        },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it("shows a listing saved through one instance on the other at once", async () => {
    const agence = new Client(a.baseUrl);
    await agence.login("agence@vitrine.test");
    const property = await db.property.findFirstOrThrow({
      where: { status: "active", pro: { email: "agence@vitrine.test" } },
      select: { id: true, slug: true },
    });
    const visitor = new Client(b.baseUrl);
    // B has the page, as JSON and as HTML (twice: the page cache keeps a page from its second
    // request), before the change.
    expect((await visitor.json(`/properties/${property.slug}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await visitor.fetch(`/properties/${property.slug}`)).status).toBe(200);
    const title = `Nouveau titre ${unique()}`;
    const saved = await agence.json(`/pro/properties/${property.id}`, { method: "PUT", json: { title } });
    expect(saved.status).toBe(200);
    const page = await visitor.json(`/properties/${property.slug}`);
    expect(JSON.stringify(await page.json())).toContain(title);
    expect(await (await visitor.fetch(`/properties/${property.slug}`)).text()).toContain(title);
  });

  it("never passes 30 photos nor loses one when uploads are split across both", async () => {
    const agenceA = new Client(a.baseUrl);
    const agenceB = new Client(b.baseUrl);
    await agenceA.login("agence@vitrine.test");
    await agenceB.login("agence@vitrine.test");
    const created = await agenceA.json("/pro/properties", {
      method: "POST",
      json: {
        title: `Photos concurrentes ${unique()}`,
        type: "appartement",
        transactionType: "vente",
        city: "Lyon",
        postalCode: "69003",
      },
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id as string;
    const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#6699cc" } })
      .jpeg()
      .toBuffer();
    const upload = (client: Client) => {
      const form = new FormData();
      for (let i = 0; i < 4; i++)
        form.append("photos", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `p${i}.jpg`);
      return client.fetch(`/pro/properties/${id}/photos`, {
        method: "POST",
        body: form,
        headers: { accept: "application/json" },
      });
    };
    // 10 uploads of 4 photos (40) for a limit of 30: at most 7 can succeed.
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(i % 2 ? agenceB : agenceA)));
    const accepted = responses.filter((res) => res.status === 200).length;
    for (const res of responses) expect([200, 400, 409, 422]).toContain(res.status);
    const rows = await db.propertyPhoto.findMany({ where: { propertyId: id }, select: { path: true, position: true } });
    expect(rows.length).toBe(accepted * 4);
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(accepted).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.position)).size).toBe(rows.length);
    const folder = path.join(a.env.UPLOADS_DIR, "properties", id);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    // Every width of every row (the stored `<id>.webp`, `<id>-400w.webp`, `<id>-800w.webp`), nothing else.
    const expected = rows.flatMap((row) => allPhotoFiles(row.path)).map((file) => path.basename(file));
    expect(files.sort()).toEqual(expected.sort());
  });

  it("mails each dealership exactly once with both job workers running", async () => {
    const garage = await db.member.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const email = `autre-garage-${unique()}@vitrine.test`;
    const second = await db.pro.create({
      data: {
        email,
        name: "Lindiwe Dube",
        companyName: "Autos du Cap",
        kind: "dealership",
        identityStatus: "verified",
        members: { create: { email, passwordHash: garage.passwordHash, name: "Lindiwe Dube", role: "owner" } },
      },
    });
    const vehicle = await db.vehicle.create({
      data: {
        proId: second.id,
        make: "Mazda",
        model: "CX-5",
        year: 2021,
        price: 420000,
        mileage: 35000,
        status: "active",
      },
    });
    const buyers = Array.from({ length: 6 }, () => `buyer.${unique()}@example.com`);
    await Promise.all(
      buyers.map(async (email, i) => {
        const client = new Client((i % 2 ? b : a).baseUrl, { "x-forwarded-for": randomIp() });
        const res = await client.json("/api/contact-requests", {
          method: "POST",
          json: {
            fullName: "John Smith",
            email,
            phone: "+27 21 555 1234",
            province: "Western Cape",
            city: "Cape Town",
            preferredContactMethod: "email",
            selectedVehicles: [
              { vehicleId: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000 },
              { vehicleId: vehicle.id, make: "Mazda", model: "CX-5", year: 2021, price: 420000 },
            ],
          },
        });
        // A 500's body carries the errorId of the server log line.
        expect(res.status, res.status === 201 ? "" : await res.text()).toBe(201);
      }),
    );
    // A request's job dispatches one job per dealership (decision 020), which sends the mail.
    await until("every notification job to finish", async () => {
      const open = await db.job.count({
        where: { type: { in: ["vehicle-request.notify", "vehicle-lead.notify"] }, doneAt: null, failedAt: null },
      });
      return open === 0;
    });
    const mails = await readOutbox();
    for (const email of buyers) {
      const about = mails.filter((mail) => mail.text.includes(email) || mail.html?.includes(email));
      const recipients = about.map((mail) => String(mail.to)).sort();
      expect(recipients).toEqual([garage.email, second.email].sort());
    }
  });
});
