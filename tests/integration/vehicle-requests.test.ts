/**
 * Seed 004 over HTTP against the real built server: the contract's examples and error shapes, the
 * rate limits, encryption at rest, and the dealership notification after the anonymity window.
 */
import { randomInt } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { readOutbox } from "~/utils/mail.server";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { testDbProvider } from "../helpers/temp-env";
import { startServer, type TestServer } from "../helpers/server";

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const uniqueEmail = (label: string) => `${label}.${Date.now()}${randomInt(1e6)}@example.com`;

/** A visitor with its own address (TRUST_PROXY is on) and cookie jar. */
function visitor(server: TestServer, ip = randomIp()) {
  return new Client(server.baseUrl, { "x-forwarded-for": ip });
}

/** Example 1 of seed 004, with a fresh e-mail address. */
function example1(overrides: Record<string, unknown> = {}) {
  return {
    fullName: "John Smith",
    email: uniqueEmail("john"),
    phone: "+27 21 555 1234",
    province: "Western Cape",
    city: "Cape Town",
    preferredContactMethod: "whatsapp",
    selectedVehicles: [
      { vehicleId: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000 },
      { vehicleId: 101, make: "Honda", model: "Civic", year: 2023, price: 380000 },
    ],
    ...overrides,
  };
}

function post(client: Client, body: unknown) {
  return client.json("/api/contact-requests", { method: "POST", json: body });
}

function openDb(server: TestServer) {
  return openTestDb(server.env.DATABASE_URL);
}

/**
 * The outbox mails whose text mentions `needle` (a buyer's unique e-mail address). readOutbox reads
 * MAIL_OUTBOX_DIR from this process's environment, pointed at the server's outbox below.
 */
async function mailsMentioning(needle: string) {
  return (await readOutbox()).filter((mail) => mail.text.includes(needle));
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("POST /api/contact-requests (seed 004 contract)", () => {
  let server: TestServer;
  let db: PrismaClient;
  beforeAll(async () => {
    server = await startServer({ seed: "demo", env: { TRUST_PROXY: "1" } });
    db = openDb(server);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("example 1: a valid multi-vehicle submission is created (201) with the contract's body", async () => {
    const client = visitor(server);
    const res = await post(client, example1());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      success: true,
      contactRequestId: expect.any(Number),
      message: "Thank you for your interest. We'll contact you via WhatsApp shortly.",
      nextUrl: `/confirmation?id=${body.contactRequestId}`,
    });
    expect(Number.isInteger(body.contactRequestId)).toBe(true);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("vitrine_viewer="));
    expect(cookie).toMatch(/HttpOnly/i);

    const row = await db.vehicleContactRequest.findUniqueOrThrow({
      where: { id: body.contactRequestId },
      include: { vehicles: { orderBy: { id: "asc" } }, leads: true },
    });
    expect(row.status).toBe("pending");
    expect(row.province).toBe("Western Cape");
    expect(row.anonymityExpiresAt.getTime() - row.createdAt.getTime()).toBe(1800 * 1000);
    // Vehicle details come from the database: the example's client-side prices are not the stored ones.
    const vehicles = await db.vehicle.findMany({ where: { id: { in: [100, 101] } }, orderBy: { id: "asc" } });
    expect(
      row.vehicles.map((v) => ({
        vehicleId: v.vehicleId,
        make: v.make,
        model: v.model,
        year: v.year,
        price: v.price,
        proId: v.proId,
      })),
    ).toEqual(
      vehicles.map((v) => ({
        vehicleId: v.id,
        make: v.make,
        model: v.model,
        year: v.year,
        price: v.price,
        proId: v.proId,
      })),
    );
    expect(row.leads).toHaveLength(1);
    expect(row.leads[0].notifiedAt).toBeNull();
    const jobs = await db.job.findMany({ where: { type: "vehicle-request.notify" } });
    const job = jobs.find((j) => JSON.parse(j.payload).requestId === row.id);
    expect(job?.runAt.getTime()).toBe(row.anonymityExpiresAt.getTime());
  });

  it("examples 2, 3 and 4: the contract's 422 bodies", async () => {
    const client = visitor(server);
    const cases: [Record<string, unknown>, unknown][] = [
      [
        { email: "invalid.email.com" },
        { field: "email", message: "Please enter a valid email address", code: "INVALID_EMAIL" },
      ],
      [
        { phone: "021 555 1234" },
        { field: "phone", message: "Phone number must include country code (e.g., +27)", code: "INVALID_PHONE" },
      ],
      [
        { selectedVehicles: [] },
        { field: "selectedVehicles", message: "Please select at least one vehicle", code: "NO_VEHICLES_SELECTED" },
      ],
    ];
    for (const [override, error] of cases) {
      const res = await post(client, example1(override));
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ success: false, message: "Validation failed", errors: [error] });
    }
  });

  it("lists every error at once and creates nothing, schedules nothing", async () => {
    const [requestsBefore, jobsBefore] = await Promise.all([db.vehicleContactRequest.count(), db.job.count()]);
    const res = await post(visitor(server), {
      fullName: "J",
      email: "nope",
      phone: "0215551234",
      province: "Atlantis",
      city: "Gotham",
      preferredContactMethod: "fax",
      additionalComments: "x".repeat(1001),
      selectedVehicles: [{ vehicleId: 100 }, { vehicleId: 100 }, { vehicleId: -1 }, { vehicleId: 99999999 }],
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      "fullName:INVALID_FULL_NAME",
      "email:INVALID_EMAIL",
      "phone:INVALID_PHONE",
      "province:INVALID_PROVINCE",
      "city:INVALID_CITY",
      "preferredContactMethod:INVALID_CONTACT_METHOD",
      "additionalComments:COMMENTS_TOO_LONG",
      "selectedVehicles[1].vehicleId:DUPLICATE_VEHICLE",
      "selectedVehicles[2].vehicleId:INVALID_VEHICLE_ID",
      "selectedVehicles[3].vehicleId:VEHICLE_NOT_FOUND",
    ]);
    const tooMany = await post(
      visitor(server),
      example1({ selectedVehicles: [1, 2, 3, 4, 5].map((vehicleId) => ({ vehicleId })) }),
    );
    expect((await tooMany.json()).errors).toEqual([
      { field: "selectedVehicles", message: "You can select up to 4 vehicles", code: "TOO_MANY_VEHICLES" },
    ]);
    const missing = await post(visitor(server), { selectedVehicles: [{ vehicleId: 100 }] });
    expect((await missing.json()).errors.map((e: { code: string }) => e.code)).toEqual(Array(6).fill("REQUIRED"));
    expect(await db.vehicleContactRequest.count()).toBe(requestsBefore);
    expect(await db.job.count()).toBe(jobsBefore);
  });

  it("refuses a sold vehicle as VEHICLE_NOT_FOUND and accepts a José Müller-O'Neil", async () => {
    const sold = await db.vehicle.findFirst({ where: { status: "sold" } });
    if (sold) {
      const res = await post(visitor(server), example1({ selectedVehicles: [{ vehicleId: sold.id }] }));
      expect((await res.json()).errors[0].code).toBe("VEHICLE_NOT_FOUND");
    }
    const res = await post(
      visitor(server),
      example1({ fullName: "José Müller-O'Neil", province: "western cape", city: "CAPE TOWN" }),
    );
    expect(res.status).toBe(201);
    const row = await db.vehicleContactRequest.findUniqueOrThrow({
      where: { id: (await res.json()).contactRequestId },
    });
    expect([row.province, row.city]).toEqual(["Western Cape", "Cape Town"]);
  });

  it("answers with the message of the preferred contact method", async () => {
    const expected = {
      email: "Thank you for your interest. We'll contact you shortly.",
      phone: "Thank you for your interest. We'll contact you by phone shortly.",
      whatsapp: "Thank you for your interest. We'll contact you via WhatsApp shortly.",
    };
    const client = visitor(server);
    for (const [method, message] of Object.entries(expected)) {
      const res = await post(client, example1({ preferredContactMethod: method }));
      expect(res.status).toBe(201);
      expect((await res.json()).message).toBe(message);
    }
  });

  it("answers 400 {success:false, message} to a body that is not a JSON object", async () => {
    const client = visitor(server);
    for (const raw of ["{not json", "[]", "null", '"text"', "42", ""]) {
      const res = await client.fetch("/api/contact-requests", {
        method: "POST",
        body: raw,
        headers: { "content-type": "application/json", accept: "application/json" },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ success: false, message: "Request body must be a JSON object" });
    }
  });

  it("limits creations to 5 per IP per hour (failed attempts do not count)", async () => {
    const client = visitor(server);
    for (let i = 0; i < 5; i++) {
      expect((await post(client, example1({ email: "broken" }))).status).toBe(422);
      expect((await post(client, example1())).status).toBe(201);
    }
    const blocked = await post(client, example1());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toEqual({ success: false, message: expect.any(String) });
    // Another address is not affected.
    expect((await post(visitor(server), example1())).status).toBe(201);
  });

  it("limits one e-mail address to 10 requests a day, whatever the IP, by its blind index", async () => {
    const email = uniqueEmail("busy");
    for (let i = 0; i < 10; i++) {
      const res = await post(visitor(server), example1({ email: i % 2 ? email : email.toUpperCase() }));
      expect(res.status).toBe(201);
    }
    const blocked = await post(visitor(server), example1({ email }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    expect((await blocked.json()).success).toBe(false);
    expect((await post(visitor(server), example1())).status).toBe(201);
  });

  // Reads SQLite's files; on PostgreSQL the seed's encryption test checks the stored rows.
  it.skipIf(testDbProvider !== "sqlite")("keeps no plaintext name, e-mail or phone in the database files", async () => {
    const email = uniqueEmail("secret.buyer");
    const res = await post(
      visitor(server),
      example1({
        fullName: "Thandiwe Nkosazana-Mbeki",
        email,
        phone: "+27 83 987 6543",
        additionalComments: "Call after 5pm",
      }),
    );
    expect(res.status).toBe(201);
    const file = server.env.DATABASE_URL.replace(/^file:/, "");
    const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    for (const secret of [
      "Thandiwe",
      "Nkosazana-Mbeki",
      email,
      email.split("@")[0],
      "+27839876543",
      "83 987 6543",
      "839876543",
    ]) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
  });

  it("shows the summary on /confirmation only to the browser that sent the request", async () => {
    const sender = visitor(server);
    const email = uniqueEmail("owner");
    const res = await post(sender, example1({ email, preferredContactMethod: "phone" }));
    const { nextUrl } = await res.json();
    const own = await (await sender.fetch(nextUrl)).text();
    expect(own).toContain("John Smith");
    expect(own).toContain(email);
    expect(own).toContain("+27215551234");
    expect(own).toContain("par téléphone");
    expect(own).toContain("Retirer ma demande");

    const stranger = await (await visitor(server).fetch(nextUrl)).text();
    const unknown = await (await visitor(server).fetch("/confirmation?id=987654321")).text();
    for (const page of [stranger, unknown]) {
      expect(page).toContain("Merci pour votre demande");
      expect(page).not.toContain("John Smith");
      expect(page).not.toContain(email);
      expect(page).not.toContain("Retirer ma demande");
    }
    // A stranger cannot withdraw it either.
    const id = Number(new URL(nextUrl, server.baseUrl).searchParams.get("id"));
    const attempt = await visitor(server).form(`/confirmation?id=${id}`, { intent: "withdraw" });
    expect(attempt.status).toBe(409);
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("shows admins the background jobs that failed for good, and nobody else", async () => {
    const admin = new Client(server.baseUrl);
    await admin.login("admin@vitrine.test");
    const res = await admin.json("/admin/jobs");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      data: expect.any(Array),
      retrying: expect.any(Array),
      stats: { pending: expect.any(Number), failed: expect.any(Number), done: expect.any(Number) },
    });
    expect((await admin.fetch("/admin/jobs")).status).toBe(200);
    const garage = new Client(server.baseUrl);
    await garage.login("garage@vitrine.test");
    expect((await garage.json("/admin/jobs")).status).toBe(403);
  });

  it("serves the related JSON endpoints", async () => {
    const client = visitor(server);
    const provinces = await (await client.json("/api/provinces")).json();
    expect(provinces.data).toHaveLength(9);
    const gauteng = provinces.data.find((p: { name: string }) => p.name === "Gauteng");
    expect(gauteng).toEqual({ id: expect.any(Number), name: "Gauteng" });
    const cities = await (await client.json(`/api/provinces/${gauteng.id}/cities`)).json();
    expect(cities.data.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["Johannesburg", "Pretoria"]),
    );
    const unknown = await client.json("/api/provinces/99999/cities");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");

    const selected = await (await client.json("/api/vehicles/selected?ids=12346,12345")).json();
    expect(selected.data.map((v: { id: number }) => v.id)).toEqual([12346, 12345]);
    expect(selected.data[0]).toEqual(
      expect.objectContaining({
        id: 12346,
        make: expect.any(String),
        model: expect.any(String),
        year: expect.any(Number),
        price: expect.any(Number),
        mileage: expect.any(Number),
      }),
    );
    expect(selected.data[0]).not.toHaveProperty("proId");
    for (const bad of ["", "1,x", "0", "1,2,3,4,5"]) {
      const res = await client.json(`/api/vehicles/selected?ids=${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });
});

describe("dealership notification after the anonymity window", () => {
  let server: TestServer;
  let db: PrismaClient;
  let secondDealer: { id: string; email: string; vehicleId: number };

  beforeAll(async () => {
    server = await startServer({
      seed: "demo",
      env: { TRUST_PROXY: "1", ANONYMITY_WINDOW_SECONDS: "2", JOB_POLL_MS: "100" },
    });
    db = openDb(server);
    process.env.MAIL_OUTBOX_DIR = server.env.MAIL_OUTBOX_DIR; // before readOutbox's first env() read
    // A second dealership, so that one request reaches two of them.
    const garage = await db.member.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const email = `autre-garage-${randomInt(1e9)}@vitrine.test`;
    const pro = await db.pro.create({
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
        proId: pro.id,
        make: "Mazda",
        model: "CX-5",
        year: 2021,
        price: 420000,
        mileage: 35000,
        status: "active",
      },
    });
    secondDealer = { id: pro.id, email: pro.email, vehicleId: vehicle.id };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  async function waitUntilHandled(requestId: number) {
    return until(`request ${requestId} to be handled`, async () => {
      const jobs = await db.job.findMany({ where: { type: "vehicle-request.notify", doneAt: { not: null } } });
      const done = jobs.filter((j) => JSON.parse(j.payload).requestId === requestId);
      const pending = await db.job.count({
        where: {
          type: "vehicle-request.notify",
          doneAt: null,
          failedAt: null,
          payload: { contains: `"requestId":${requestId}` },
        },
      });
      return done.length > 0 && pending === 0;
    });
  }

  it("e-mails each dealership once, with its own vehicles, only after the window", async () => {
    const client = visitor(server);
    const email = uniqueEmail("buyer");
    const res = await post(
      client,
      example1({
        email,
        fullName: "Naledi Khumalo",
        additionalComments: "Est-ce que la Corolla a un carnet d’entretien ?",
        selectedVehicles: [{ vehicleId: 100 }, { vehicleId: secondDealer.vehicleId }, { vehicleId: 12345 }],
      }),
    );
    expect(res.status).toBe(201);
    const { contactRequestId: id } = await res.json();
    expect(await mailsMentioning(email)).toHaveLength(0);
    const early = await db.vehicleLead.findMany({ where: { requestId: id } });
    expect(early.every((lead) => lead.notifiedAt === null)).toBe(true);

    const request = await until("the request to be notified", () =>
      db.vehicleContactRequest.findFirst({ where: { id, status: "notified" }, include: { leads: true } }),
    );
    expect(request.notifiedAt!.getTime()).toBeGreaterThanOrEqual(request.anonymityExpiresAt.getTime());
    for (const lead of request.leads)
      expect(lead.notifiedAt!.getTime()).toBeGreaterThanOrEqual(request.anonymityExpiresAt.getTime());
    await waitUntilHandled(id);

    const mails = await mailsMentioning(email);
    expect(mails.map((m) => m.to).sort()).toEqual(["garage@vitrine.test", secondDealer.email].sort());
    const garageMail = mails.find((m) => m.to === "garage@vitrine.test")!.text;
    expect(garageMail).toContain("Naledi Khumalo");
    expect(garageMail).toContain("+27215551234");
    expect(garageMail).toContain("WhatsApp");
    expect(garageMail).toContain("carnet d’entretien");
    expect(garageMail).not.toContain("CX-5");
    const otherMail = mails.find((m) => m.to === secondDealer.email)!.text;
    expect(otherMail).toContain("Mazda CX-5 (2021)");
    expect(otherMail).not.toContain("Corolla (");

    // The dealership now sees the lead and moves it through new → read → replied.
    const garage = new Client(server.baseUrl);
    await garage.login("garage@vitrine.test");
    const list = await (await garage.json("/pro/vehicle-leads?limit=100")).json();
    const lead = list.data.find((l: { requestId: number }) => l.requestId === id);
    expect(lead).toMatchObject({
      status: "new_request",
      buyer: { fullName: "Naledi Khumalo", email, phone: "+27215551234", preferredContactMethod: "whatsapp" },
    });
    expect(lead.vehicles.map((v: { vehicleId: number }) => v.vehicleId)).toEqual([100, 12345]);
    expect(list).toHaveProperty("cursor.next");
    expect(list).toHaveProperty("hasMore");

    const put = (status: unknown) => garage.json(`/pro/vehicle-leads/${lead.id}`, { method: "PUT", json: { status } });
    expect((await (await put("read")).json()).data.status).toBe("read");
    expect((await put("read")).status).toBe(200);
    expect((await put("new_request")).status).toBe(409);
    expect((await (await put("new_request")).json()).error.code).toBe("INVALID_TRANSITION");
    expect((await put("archived")).status).toBe(400);
    expect((await (await put("replied")).json()).data.status).toBe("replied");

    expect((await garage.json("/pro/vehicle-leads?cursor=not-a-cursor")).status).toBe(400);
    expect((await new Client(server.baseUrl).json("/pro/vehicle-leads")).status).toBe(401);
    const tab = await (await garage.json("/pro/contacts/vehicles?limit=100")).json();
    expect(tab.data.some((l: { id: string }) => l.id === lead.id)).toBe(true);

    const agency = new Client(server.baseUrl);
    await agency.login("agence@vitrine.test");
    expect(
      (await agency.json(`/pro/vehicle-leads/${lead.id}`, { method: "PUT", json: { status: "read" } })).status,
    ).toBe(404);
    expect((await (await agency.json("/pro/vehicle-leads")).json()).data).toEqual([]);
  });

  it("still sends exactly once when the server restarts during the window", async () => {
    const email = uniqueEmail("restart");
    const res = await post(visitor(server), example1({ email, selectedVehicles: [{ vehicleId: 12346 }] }));
    expect(res.status).toBe(201);
    const { contactRequestId: id } = await res.json();
    await server.restart();
    await until("the request to be notified", () =>
      db.vehicleContactRequest.findFirst({ where: { id, status: "notified" } }),
    );
    await waitUntilHandled(id);
    const mails = await mailsMentioning(email);
    expect(mails.map((m) => m.to)).toEqual(["garage@vitrine.test"]);
  });

  it("sends nothing for a request withdrawn during the window", async () => {
    const sender = visitor(server);
    const email = uniqueEmail("withdrawn");
    const res = await post(sender, example1({ email }));
    const { contactRequestId: id } = await res.json();
    const withdraw = await sender.form(`/confirmation?id=${id}`, { intent: "withdraw" });
    expect(withdraw.status).toBe(200);
    expect(await withdraw.text()).toContain("Demande retirée");
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");
    await waitUntilHandled(id);
    expect(await mailsMentioning(email)).toHaveLength(0);
    const leads = await db.vehicleLead.findMany({ where: { requestId: id } });
    expect(leads.every((lead) => lead.notifiedAt === null)).toBe(true);
    // Once the window has passed, withdrawing is refused.
    expect((await sender.form(`/confirmation?id=${id}`, { intent: "withdraw" })).status).toBe(409);
  });
});
