import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { freePort, startServer, type TestServer } from "../helpers/server";
import { testDbProvider } from "../helpers/temp-env";

/**
 * Property inquiries (seeds 001 and 000) over HTTP against the real built server with the demo data.
 * Every visitor uses its own X-Forwarded-For address (TRUST_PROXY is on) so the rate limit of one
 * test never touches another.
 */
let server: TestServer;
/** A second client on the server's own database, to look at the rows behind the answers. */
let serverDb: PrismaClient;
let agenceId: string;
let active: { id: string; slug: string; title: string }[];
let draftId: string;
let soldId: string;

beforeAll(async () => {
  server = await startServer({ seed: "demo", env: { TRUST_PROXY: "1", JOB_POLL_MS: "50", LOG_LEVEL: "info" } });
  serverDb = openTestDb(server.env.DATABASE_URL);
  agenceId = (await serverDb.pro.findUniqueOrThrow({ where: { email: "agence@vitrine.test" } })).id;
  active = await serverDb.property.findMany({
    where: { proId: agenceId, status: "active" },
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, title: true },
  });
  draftId = (await serverDb.property.findFirstOrThrow({ where: { status: "draft" } })).id;
  soldId = (await serverDb.property.findFirstOrThrow({ where: { status: "sold" } })).id;
  expect(active.length).toBeGreaterThan(3);
});

afterAll(async () => {
  await serverDb?.$disconnect();
  await server?.stop();
});

/** The SQLite database file of a test server. */
function dbFile(s: TestServer) {
  return s.env.DATABASE_URL.replace(/^file:/, "");
}

let ipCounter = 0;
/** A visitor with an address of its own. */
function visitor(s: TestServer = server) {
  ipCounter += 1;
  return new Client(s.baseUrl, { "x-forwarded-for": `10.4.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}` });
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

function inquiryFor(propertyId: string, overrides: Record<string, unknown> = {}) {
  const tag = unique();
  return {
    propertyId,
    senderName: `Zoé Testeur${tag}`,
    senderEmail: `zoe.${tag}@example.fr`,
    senderPhone: `+33 6 ${tag.replace(/\D/g, "").padEnd(8, "7").slice(0, 8)}`,
    message: `Bonjour, je souhaite visiter ce bien. Référence ${tag}.`,
    website: "",
    ...overrides,
  };
}

function countInquiries() {
  return serverDb.contactRequest.count();
}

function jobsFor(inquiryId: string) {
  return serverDb.job.findMany({ where: { type: "inquiry.notify", payload: { contains: inquiryId } } });
}

/** Decoded text of every .eml in an outbox (quoted-printable bodies, encoded-word subjects). */
function readMails(dir: string) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => decodeMail(fs.readFileSync(path.join(dir, f), "utf8")));
}

function decodeMail(raw: string) {
  const words = raw.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQP(text.replace(/_/g, " ")),
  );
  // Bodies may be quoted-printable or base64; decode both so assertions read plain text.
  const qp = decodeQP(words.replace(/=\r?\n/g, ""));
  const base64Parts = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Z0-9+/=\r\n]+)/gi),
  ]
    .map((m) => Buffer.from(m[1].replace(/\s/g, ""), "base64").toString("utf8"))
    .join("\n");
  return `${qp}\n${base64Parts}`;
}

function decodeQP(text: string) {
  return text.replace(/(?:=[0-9A-F]{2})+/gi, (seq) =>
    Buffer.from(
      seq
        .split("=")
        .filter(Boolean)
        .map((h) => parseInt(h, 16)),
    ).toString("utf8"),
  );
}

async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function submitJson(client: Client, body: unknown) {
  const res = await client.json("/contact-requests", { method: "POST", json: body });
  return { res, body: await res.json() };
}

describe("POST /contact-requests (JSON)", () => {
  it("creates an inquiry for an active property: 201 with the decrypted record, status new_request and the property", async () => {
    const property = active[0];
    const input = inquiryFor(property.id);
    const { res, body } = await submitJson(visitor(), input);
    expect(res.status).toBe(201);
    expect(body.data).toMatchObject({
      propertyId: property.id,
      proId: agenceId,
      senderName: input.senderName,
      senderEmail: input.senderEmail,
      senderPhone: input.senderPhone,
      message: input.message,
      status: "new_request",
      property: { id: property.id, slug: property.slug, title: property.title },
    });
    expect(body.data.id).toMatch(/^[0-9a-f-]{36}$/);
    const row = await serverDb.contactRequest.findUniqueOrThrow({ where: { id: body.data.id } });
    expect(row.status).toBe("new_request"); // stored as "new"
    expect(row.proId).toBe(agenceId);
    expect(row.propertyTitle).toBe(property.title);
    expect(row.senderNameEnc).not.toContain("Zoé");
    // One notification job, enqueued with the row.
    expect(await jobsFor(body.data.id)).toHaveLength(1);
  });

  it("keeps no plaintext sender name, e-mail, phone or message in the stored rows, the SQLite file or its WAL", async () => {
    const input = inquiryFor(active[1].id, { senderPhone: "06 98 76 54 32" });
    const { res, body } = await submitJson(visitor(), input);
    expect(res.status).toBe(201);
    await waitFor(async () => (await jobsFor(body.data.id))[0]?.doneAt, "the notification to be sent");
    const secrets = [input.senderName, input.senderEmail, input.senderPhone, "06 98 76 54 32", input.message];
    const rows = JSON.stringify([
      await serverDb.contactRequest.findUniqueOrThrow({ where: { id: body.data.id } }),
      await jobsFor(body.data.id),
    ]);
    for (const secret of secrets) expect(rows, String(secret)).not.toContain(String(secret));
    // Database files (every copy of a row, indexes and journal included) exist on SQLite only.
    if (testDbProvider === "sqlite") {
      const file = dbFile(server);
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(String(secret), "utf8")), String(secret)).toBe(false);
      }
    }
    expect(server.logs()).not.toContain(input.senderEmail);
  });

  it("answers 400 VALIDATION_ERROR with details for each bad field, and stores nothing", async () => {
    const id = active[0].id;
    const before = await countInquiries();
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ["propertyId", "senderName", "senderEmail", "message"]],
      [inquiryFor(id, { senderName: "A" }), ["senderName"]],
      [inquiryFor(id, { senderName: "A".repeat(101) }), ["senderName"]],
      [inquiryFor(id, { senderEmail: "pas-une-adresse" }), ["senderEmail"]],
      [inquiryFor(id, { senderEmail: `${"a".repeat(250)}@example.fr` }), ["senderEmail"]],
      [inquiryFor(id, { senderPhone: "appelez-moi" }), ["senderPhone"]],
      [inquiryFor(id, { senderPhone: "123" }), ["senderPhone"]],
      [inquiryFor(id, { message: "Court" }), ["message"]],
      [inquiryFor(id, { message: "x".repeat(2001) }), ["message"]],
      [inquiryFor("42"), ["propertyId"]],
    ];
    for (const [input, fields] of cases) {
      const { res, body } = await submitJson(visitor(), input);
      expect(res.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([...fields].sort());
      for (const detail of body.error.details) expect(typeof detail.message).toBe("string");
    }
    expect(await countInquiries()).toBe(before);
  });

  it("refuses a non-JSON body sent as JSON (400) and a huge body (413)", async () => {
    const client = visitor();
    const bad = await client.fetch("/contact-requests", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: "propertyId=1&senderName=x",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("VALIDATION_ERROR");
    const array = await client.json("/contact-requests", { method: "POST", json: [1, 2] });
    expect(array.status).toBe(400);
    const huge = await client.json("/contact-requests", {
      method: "POST",
      json: inquiryFor(active[0].id, { message: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a filled honeypot with the same 201 and stores nothing, sends nothing", async () => {
    const before = await countInquiries();
    const jobsBefore = await serverDb.job.count({ where: { type: "inquiry.notify" } });
    const input = inquiryFor(active[0].id, { website: "http://spam.example" });
    const { res, body } = await submitJson(visitor(), input);
    expect(res.status).toBe(201);
    expect(body.data).toMatchObject({ status: "new_request", senderName: input.senderName, propertyId: active[0].id });
    expect(body.data.property).toMatchObject({ id: active[0].id });
    expect(await countInquiries()).toBe(before);
    const jobsAfter = await serverDb.job.count({ where: { type: "inquiry.notify" } });
    expect(jobsAfter).toBe(jobsBefore);
  });

  it("answers 404 NOT_FOUND for an unknown, draft or sold property", async () => {
    const before = await countInquiries();
    for (const id of ["3f1c2b7e-8a4d-4c1e-9b2a-5d6e7f8a9b0c", draftId, soldId]) {
      const { res, body } = await submitJson(visitor(), inquiryFor(id));
      expect(res.status).toBe(404);
      expect(body).toEqual({ error: { code: "NOT_FOUND", message: "Property not found" } });
    }
    expect(await countInquiries()).toBe(before);
  });

  it("limits one address to 5 requests a minute: the 6th gets 429 RATE_LIMITED with Retry-After, a polite page for forms", async () => {
    const client = visitor();
    for (let i = 0; i < 5; i++) {
      const { res } = await submitJson(client, inquiryFor(active[2].id, i === 0 ? { message: "x" } : {}));
      expect(res.status).toBe(i === 0 ? 400 : 201);
    }
    const before = await countInquiries();
    const sixth = await client.json("/contact-requests", { method: "POST", json: inquiryFor(active[2].id) });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await sixth.json()).error.code).toBe("RATE_LIMITED");
    const form = await client.form("/contact-requests", inquiryFor(active[2].id) as Record<string, string>);
    expect(form.status).toBe(429);
    expect(Number(form.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await form.text()).toContain("Trop de demandes");
    expect(await countInquiries()).toBe(before);
    // Another visitor is not affected.
    const other = await submitJson(visitor(), inquiryFor(active[2].id));
    expect(other.res.status).toBe(201);
  });
});

describe("POST /contact-requests (native form)", () => {
  it("shows a confirmation on success and French inline errors with the typed values kept", async () => {
    const client = visitor();
    const input = inquiryFor(active[0].id) as Record<string, string>;
    const page = await client.fetch(`/contact-requests?propertyId=${active[0].id}`);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain(escapeHtml(active[0].title));
    expect(pageHtml).toContain('name="website"');
    expect(pageHtml).toContain('tabindex="-1"');
    const ok = await client.form("/contact-requests", input);
    expect(ok.status).toBe(201);
    expect(await ok.text()).toContain("Votre demande a bien été envoyée");

    const bad = await client.form("/contact-requests", { ...input, senderEmail: "pas-une-adresse", message: "Court" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Indiquez une adresse e-mail valide");
    expect(html).toContain("Votre message doit contenir au moins 10 caractères.");
    expect(html).toContain('value="pas-une-adresse"');
    expect(html).toContain(`value="${input.senderName}"`);
    expect(html).toContain(">Court</textarea>");
    expect(html).not.toContain("Votre demande a bien été envoyée");

    const before = await countInquiries();
    const bot = await client.form("/contact-requests", { ...input, website: "spam" });
    expect(bot.status).toBe(201);
    expect(await bot.text()).toContain("Votre demande a bien été envoyée");
    expect(await countInquiries()).toBe(before);
  });
});

describe("notification to the pro", () => {
  it("e-mails the lead's assignee (else the owner) once with the listing title, a link, and the buyer's message and contact details", async () => {
    const property = active[3];
    const input = inquiryFor(property.id, { senderName: `Gaspard Lemoine${unique()}` });
    const { body } = await submitJson(visitor(), input);
    const id = body.data.id as string;
    await waitFor(async () => (await jobsFor(id))[0]?.doneAt, "the notification job");
    const mails = readMails(server.env.MAIL_OUTBOX_DIR).filter((m) => m.includes(`/pro/contacts/${id}`));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const { assignee } = await serverDb.contactRequest.findUniqueOrThrow({
      where: { id },
      select: { assignee: { select: { email: true } } },
    });
    const to = mail.split("\n").find((line) => line.startsWith("To:"));
    expect(to).toContain(assignee?.email ?? "agence@vitrine.test");
    expect(mail).toContain(property.title);
    // What the pro needs to call back at once (SPEC "Lead follow-up").
    expect(mail).toContain(input.senderName);
    expect(mail).toContain(input.senderEmail);
    expect(mail).toContain(input.senderPhone);
    expect(mail).toContain(input.message);
  });
});

describe("GET /pro/contact-requests", () => {
  it("needs a signed-in pro (401) with a verified identity (403)", async () => {
    const anonymous = await new Client(server.baseUrl).json("/pro/contact-requests");
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHORIZED");
    const unverified = new Client(server.baseUrl);
    await unverified.login("nouveau@vitrine.test");
    const gated = await unverified.json("/pro/contact-requests");
    expect(gated.status).toBe(403);
    expect((await gated.json()).error.code).toBe("CNI_REQUIRED");
  });

  it("lists the pro's own inquiries newest first in cursor pages, each with its property", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await pro.json(`/pro/contact-requests?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(Object.keys(page).sort()).toEqual(["cursor", "data", "hasMore"]);
      expect(page.data.length).toBeLessThanOrEqual(7);
      expect(page.hasMore).toBe(page.cursor.next !== null);
      for (const item of page.data) {
        expect(item.proId).toBe(agenceId);
        expect(["new_request", "read", "replied"]).toContain(item.status);
        expect(typeof item.senderName).toBe("string");
        expect(typeof item.senderEmail).toBe("string");
        expect(item).toHaveProperty("senderPhone");
        expect(typeof item.message).toBe("string");
        if (item.propertyId) expect(item.property).toMatchObject({ id: item.propertyId });
        else expect(item.property).toBeNull();
        seen.push(item);
      }
      cursor = page.cursor.next;
      pages += 1;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) =>
      b.createdAt === a.createdAt ? (b.id < a.id ? -1 : 1) : b.createdAt < a.createdAt ? -1 : 1,
    );
    expect(seen.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
    const statuses = new Set(seen.map((s) => (s as unknown as { status: string }).status));
    expect(statuses).toEqual(new Set(["new_request", "read", "replied"]));
    const total = await serverDb.contactRequest.count({ where: { proId: agenceId } });
    expect(seen.length).toBeLessThanOrEqual(total);
    expect(seen.length).toBeGreaterThan(7);
  });

  it("refuses a bad cursor or limit with 400 VALIDATION_ERROR", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    for (const query of ["?limit=0", "?limit=101", "?limit=abc", "?cursor=%%%", "?cursor=bm90LWpzb24"]) {
      const res = await pro.json(`/pro/contact-requests${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });

  it("never shows one pro another pro's inquiries", async () => {
    const { body } = await submitJson(visitor(), inquiryFor(active[0].id));
    const other = new Client(server.baseUrl);
    await other.login("promoteur@vitrine.test");
    const res = await other.json("/pro/contact-requests?limit=100");
    const page = await res.json();
    expect(page.data.find((i: { id: string }) => i.id === body.data.id)).toBeUndefined();
    for (const item of page.data) expect(item.proId).not.toBe(agenceId);
  });

  it("keeps an inquiry when its property is deleted: property null, title snapshot in the inbox", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    const property = active[active.length - 1];
    const { body } = await submitJson(visitor(), inquiryFor(property.id));
    const del = await pro.json(`/pro/properties/${property.id}`, { method: "DELETE" });
    if (del.status !== 204) {
      // The listings API is not there: delete the row as it would (the relation's SET NULL).
      await serverDb.property.delete({ where: { id: property.id } });
    }
    const res = await pro.json(`/pro/contact-requests?limit=100`);
    const item = (await res.json()).data.find((i: { id: string }) => i.id === body.data.id);
    expect(item).toMatchObject({ propertyId: null, property: null });
    const inbox = await (await pro.fetch(`/pro/contacts`)).text();
    const row = inbox.slice(inbox.indexOf(`data-inquiry-id="${body.data.id}"`));
    expect(row.slice(0, row.indexOf("</tr>"))).toContain("(annonce supprimée)");
    const detail = await pro.fetch(`/pro/contacts/${body.data.id}`);
    const html = await detail.text();
    expect(html).toContain("annonce supprimée");
    expect(html).toContain(escapeHtml(property.title));
  });
});

function escapeHtml(text: string) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

describe("PUT /pro/contact-requests/:id", () => {
  async function freshInquiry() {
    const { body } = await submitJson(visitor(), inquiryFor(active[1].id));
    return body.data.id as string;
  }

  it("follows seed 000's diagram: read then replied; same status is a no-op; going back is 409", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    const id = await freshInquiry();
    const put = (status: unknown) => pro.json(`/pro/contact-requests/${id}`, { method: "PUT", json: { status } });

    const read = await put("read");
    expect(read.status).toBe(200);
    const readBody = await read.json();
    expect(readBody.data).toMatchObject({ id, status: "read", property: { id: active[1].id } });
    expect(readBody.data.readAt).toBeTruthy();

    const again = await put("read");
    expect(again.status).toBe(200);
    expect((await again.json()).data.status).toBe("read");

    const back = await put("new_request");
    expect(back.status).toBe(409);
    expect((await back.json()).error.code).toBe("INVALID_TRANSITION");

    const replied = await put("replied");
    expect(replied.status).toBe(200);
    expect((await replied.json()).data.status).toBe("replied");
    expect((await serverDb.contactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("replied");

    const fromReplied = await put("read");
    expect(fromReplied.status).toBe(409);

    const direct = await freshInquiry();
    const skip = await pro.json(`/pro/contact-requests/${direct}`, { method: "PUT", json: { status: "replied" } });
    expect(skip.status).toBe(200);
    expect((await skip.json()).data.status).toBe("replied");
  });

  it("answers 400 for an unknown status, 404 for another pro's, an unknown or a malformed id", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    const id = await freshInquiry();
    for (const status of ["new", "archived", 3, null]) {
      const res = await pro.json(`/pro/contact-requests/${id}`, { method: "PUT", json: { status } });
      expect(res.status, String(status)).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
    const notJson = await pro.fetch(`/pro/contact-requests/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{status",
    });
    expect(notJson.status).toBe(400);

    const other = new Client(server.baseUrl);
    await other.login("promoteur@vitrine.test");
    const foreign = await other.json(`/pro/contact-requests/${id}`, { method: "PUT", json: { status: "read" } });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("NOT_FOUND");
    // Stored as "new".
    expect((await serverDb.contactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("new_request");

    for (const bad of ["3f1c2b7e-8a4d-4c1e-9b2a-5d6e7f8a9b0c", "not-an-id"]) {
      const res = await pro.json(`/pro/contact-requests/${bad}`, { method: "PUT", json: { status: "read" } });
      expect(res.status, bad).toBe(404);
    }
    const anonymous = await new Client(server.baseUrl).json(`/pro/contact-requests/${id}`, {
      method: "PUT",
      json: { status: "read" },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("the inbox pages", () => {
  it("lists, filters, changes status with native forms, and the detail marks a new inquiry read", async () => {
    const input = inquiryFor(active[0].id, { senderName: `Inès Boutin${unique()}` });
    const { body } = await submitJson(visitor(), input);
    const id = body.data.id as string;
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");

    const inbox = await pro.fetch("/pro/contacts?status=new_request");
    expect(inbox.status).toBe(200);
    const html = await inbox.text();
    expect(html).toContain(input.senderName);
    expect(html).toContain('class="badge badge-new"');
    expect(html).not.toContain('class="badge badge-replied"');
    expect(html).toContain("Marquer comme lu");

    const replied = await pro.fetch("/pro/contacts?status=replied");
    expect(await replied.text()).not.toContain(input.senderName);

    // Opening the detail marks it read, once, and offers a mailto reply naming the listing.
    const detail = await pro.fetch(`/pro/contacts/${id}`);
    expect(detail.status).toBe(200);
    const detailHtml = await detail.text();
    expect(detailHtml).toContain(input.senderEmail);
    expect(detailHtml).toContain(escapeHtml(input.message));
    expect(detailHtml).toContain(
      `mailto:${input.senderEmail}?subject=${encodeURIComponent(`Votre demande : ${active[0].title}`)}`
        .replace(/&/g, "&amp;")
        .replace(/'/g, "&#x27;"),
    );
    const status = () =>
      serverDb.contactRequest.findUniqueOrThrow({ where: { id }, select: { status: true, readAt: true } });
    expect((await status()).status).toBe("read");
    expect((await status()).readAt).not.toBeNull();

    // Row button: read → replied, back to the same filtered page, which confirms the change.
    const change = await pro.form("/pro/contacts?index&status=read", { intent: "status", id, status: "replied" });
    expect(change.status).toBe(302);
    expect(change.headers.get("location")).toBe("/pro/contacts?status=read&updated=replied");
    expect((await status()).status).toBe("replied");
    const refused = await pro.form(`/pro/contacts/${id}`, { intent: "status", status: "read" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Ce changement de statut n’est pas possible.");

    // Another pro: 404 on the detail and on the form, nothing changes.
    const other = new Client(server.baseUrl);
    await other.login("promoteur@vitrine.test");
    expect((await other.fetch(`/pro/contacts/${id}`)).status).toBe(404);
    expect((await other.fetch(`/pro/contacts/pas-un-id`)).status).toBe(404);
  });
});

describe("a mail outage", () => {
  it("delays the notification (failed attempts are retried) but never loses it", async () => {
    const closedPort = await freePort();
    const down = await startServer({
      seed: "none",
      env: { TRUST_PROXY: "1", JOB_POLL_MS: "50", LOG_LEVEL: "info", SMTP_URL: `smtp://127.0.0.1:${closedPort}` },
    });
    const db = openTestDb(down.env.DATABASE_URL);
    try {
      // An empty database (fast to start): one pro and one active listing are enough here.
      const property = { id: crypto.randomUUID(), title: `Studio près de la gare ${unique()}` };
      const proId = crypto.randomUUID();
      await db.pro.create({
        data: {
          id: proId,
          email: "panne@vitrine.test",
          name: "Agence Panne",
          companyName: "Agence Panne",
          kind: "agency",
          role: "pro",
          identityStatus: "verified",
        },
      });
      // Its owner, who receives the lead e-mails.
      await db.member.create({
        data: {
          proId,
          email: "panne@vitrine.test",
          passwordHash: "x",
          name: "Agence Panne",
          role: "owner",
          active: true,
        },
      });
      await db.property.create({
        data: {
          id: property.id,
          proId,
          slug: `studio-${unique()}`,
          title: property.title,
          type: "appartement",
          transactionType: "location",
          city: "Lille",
          cityKey: "lille",
          postalCode: "59000",
          status: "active",
        },
      });
      const { res, body } = await submitJson(visitor(down), inquiryFor(property.id));
      expect(res.status).toBe(201);
      const id = body.data.id as string;
      const job = () =>
        db.job.findFirstOrThrow({
          where: { payload: { contains: id } },
          select: { attempts: true, lastError: true, doneAt: true, failedAt: true },
        });
      await waitFor(async () => {
        const { attempts, lastError } = await job();
        return attempts >= 1 && lastError;
      }, "a failed delivery attempt");
      expect((await job()).doneAt).toBeNull();
      expect((await job()).failedAt).toBeNull();
      expect(readMails(down.env.MAIL_OUTBOX_DIR).filter((m) => m.includes(id))).toHaveLength(0);

      // The mail server is back (outbox transport) after a restart: the pending job is delivered.
      down.env.SMTP_URL = "";
      await down.stop();
      await db.job.updateMany({ where: { payload: { contains: id } }, data: { runAt: new Date(Date.now() - 1000) } });
      await down.restart();
      await waitFor(async () => (await job()).doneAt, "the delivery after the outage", 20_000);
      const mails = readMails(down.env.MAIL_OUTBOX_DIR).filter((m) => m.includes(`/pro/contacts/${id}`));
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain(property.title);
    } finally {
      await db.$disconnect();
      await down.stop();
    }
  });
});
