import { createCipheriv, createHash, randomBytes, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutboxDir, type OutboxMail } from "~/utils/mail.server";
import { Client } from "../helpers/client";
import { startServer, type TestServer } from "../helpers/server";

type Statement = {
  get: (...args: unknown[]) => unknown;
  all: (...args: unknown[]) => unknown[];
  run: (...args: unknown[]) => unknown;
};
type SqliteDb = { prepare: (sql: string) => Statement; pragma: (sql: string) => unknown; close: () => void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => SqliteDb;

/**
 * Lead follow-up (SPEC "Lead follow-up") against the real built server with the demo data: replies,
 * response clocks, reminders (short periods, across a restart and two instances), statistics on a
 * known data set and the listing badge.
 */
const REMINDER_SECONDS = 2;
const REPEAT_SECONDS = 3;

let server: TestServer;
let sqlite: SqliteDb;
let agenceId: string;
let promoteurId: string;
let properties: { id: string; slug: string; title: string }[];

beforeAll(async () => {
  server = await startServer({
    seed: "demo",
    env: {
      TRUST_PROXY: "1",
      JOB_POLL_MS: "50",
      RATE_LIMIT_DISABLED: "1",
      ANONYMITY_WINDOW_SECONDS: "1",
      LEAD_REMINDER_SECONDS: String(REMINDER_SECONDS),
      LEAD_REMINDER_REPEAT_SECONDS: String(REPEAT_SECONDS),
    },
  });
  sqlite = new Database(server.env.DATABASE_URL.replace(/^file:/, ""));
  sqlite.pragma("busy_timeout = 5000");
  const idOf = (email: string) =>
    (sqlite.prepare(`SELECT id FROM Pro WHERE email = ?`).get(email) as { id: string }).id;
  agenceId = idOf("agence@vitrine.test");
  promoteurId = idOf("promoteur@vitrine.test");
  properties = sqlite
    .prepare(`SELECT id, slug, title FROM Property WHERE proId = ? AND status = 'active' ORDER BY createdAt DESC`)
    .all(agenceId) as typeof properties;
}, 600_000);

afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

let ipCounter = 0;
function visitor(s: TestServer = server) {
  ipCounter += 1;
  return new Client(s.baseUrl, { "x-forwarded-for": `10.15.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}` });
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mails(s: TestServer = server): Promise<OutboxMail[]> {
  return readOutboxDir(s.env.MAIL_OUTBOX_DIR);
}

/** A buyer's inquiry on one of the agency's listings; returns its id and what the buyer typed. */
async function newInquiry(s: TestServer = server, propertyIndex = 0) {
  const tag = unique();
  const input = {
    propertyId: properties[propertyIndex].id,
    senderName: `Zoé Acheteuse${tag}`,
    senderEmail: `zoe.${tag}@example.fr`,
    senderPhone: "+33 6 12 34 56 78",
    message: `Bonjour, je voudrais visiter. Référence ${tag}.`,
    website: "",
  };
  const res = await visitor(s).json("/contact-requests", { method: "POST", json: input });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { data: { id: string } };
  return { id: body.data.id, ...input };
}

async function signedIn(email: string, s: TestServer = server) {
  const client = new Client(s.baseUrl);
  await client.login(email);
  return client;
}

function remindersOf(kind: "inquiry" | "vehicle", id: string) {
  return sqlite
    .prepare(`SELECT period, dueAt, sentAt, skippedAt FROM LeadReminder WHERE leadKey = ? ORDER BY period`)
    .all(`${kind}:${id}`) as { period: number; dueAt: number; sentAt: number | null; skippedAt: number | null }[];
}

/** Reminders about this lead (not the ones that list it among the recipient's other waiting leads). */
const reminderMailsFor = (all: OutboxMail[], id: string) =>
  all.filter(
    (m) => m.subject.startsWith("Rappel") && m.text.includes(`Voir la demande : ${server.baseUrl}/pro/contacts/${id}`),
  );

/** SQLite hands dates back as the adapter stored them: ISO text or epoch milliseconds. */
const toMs = (value: unknown) => (typeof value === "number" ? value : Date.parse(String(value)));

describe("the listing badge « Répond généralement en moins de N h »", () => {
  it("appears from 5 answered leads in 90 days, with the median rounded up to the hour", async () => {
    const property = properties[1];
    // A known state: none of the agency's leads answered, four answered in 90 minutes.
    sqlite.prepare(`UPDATE ContactRequest SET firstResponseAt = NULL WHERE proId = ?`).run(agenceId);
    const ids = (
      sqlite.prepare(`SELECT id FROM ContactRequest WHERE proId = ? ORDER BY createdAt DESC LIMIT 5`).all(agenceId) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    for (const id of ids.slice(0, 4)) {
      sqlite
        .prepare(`UPDATE ContactRequest SET createdAt = ?, firstResponseAt = ? WHERE id = ?`)
        .run(iso(hoursAgo(48)), iso(new Date(hoursAgo(48).getTime() + 90 * 60_000)), id);
    }
    const page = async () => (await visitor().fetch(`/properties/${property.slug}`)).text();
    expect(await page()).not.toContain("Répond généralement");

    // The fifth, answered now through Vitrine 150 minutes after it arrived: median 90 min → "2 h".
    sqlite
      .prepare(`UPDATE ContactRequest SET createdAt = ?, status = 'read' WHERE id = ?`)
      .run(iso(new Date(Date.now() - 150 * 60_000)), ids[4]);
    const pro = await signedIn("agence@vitrine.test");
    const res = await pro.json(`/pro/contact-requests/${ids[4]}/replies`, {
      method: "POST",
      json: { message: "Bonjour, le bien est disponible." },
    });
    expect(res.status).toBe(201);
    expect(await page()).toContain("Répond généralement en moins de 2 h");
  });
});

describe("replies from Vitrine", () => {
  it("stores the reply encrypted, marks the lead replied and e-mails the buyer (HTML and text, Reply-To the pro)", async () => {
    const inquiry = await newInquiry();
    const pro = await signedIn("agence@vitrine.test");
    const text = `Bonjour Zoé,\nLa visite est possible samedi. ${unique()}`;
    const res = await pro.json(`/pro/contact-requests/${inquiry.id}/replies`, {
      method: "POST",
      json: { message: `  ${text}  ` },
    });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as {
      data: { id: string; message: string; createdAt: string; author: { id: string; name: string } };
    };
    expect(data.message).toBe(text);
    expect(data.author.id).toBe(agenceId);
    expect(data.author.name).toBeTruthy();

    const detail = (await (await pro.json(`/pro/contact-requests/${inquiry.id}`)).json()) as {
      data: { status: string; firstResponseAt: string; responseSeconds: number; replies: { id: string }[] };
    };
    expect(detail.data.status).toBe("replied");
    expect(detail.data.replies.map((r) => r.id)).toEqual([data.id]);
    expect(detail.data.firstResponseAt).toBe(data.createdAt);
    expect(detail.data.responseSeconds).toBeGreaterThanOrEqual(0);

    const stored = sqlite.prepare(`SELECT messageEnc FROM LeadReply WHERE id = ?`).get(data.id) as {
      messageEnc: string;
    };
    expect(stored.messageEnc.startsWith("v1.")).toBe(true);
    expect(stored.messageEnc).not.toContain("samedi");

    const mail = await waitFor(
      async () => (await mails()).find((m) => m.to.includes(inquiry.senderEmail) && m.subject.startsWith("Réponse")),
      "the reply e-mail",
    );
    expect(mail.replyTo).toContain("agence@vitrine.test");
    expect(mail.text).toContain("La visite est possible samedi.");
    expect(mail.html).toContain("La visite est possible samedi.");
    expect(mail.text).toContain(properties[0].title);
    expect(mail.text).toContain(`${server.baseUrl}/properties/${properties[0].slug}`);
  });

  it("is a 404 on another pro's lead, whatever the body, and sends nothing", async () => {
    const inquiry = await newInquiry();
    const other = await signedIn("promoteur@vitrine.test");
    const jobsBefore = (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM Job WHERE type = 'lead.reply.send'`).get() as {
        n: number;
      }
    ).n;
    for (const json of [{ message: "Bonjour" }, { message: "" }, { nothing: true }]) {
      const res = await other.json(`/pro/contact-requests/${inquiry.id}/replies`, { method: "POST", json });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
    expect(
      (await other.json(`/pro/vehicle-leads/${randomUUID()}/replies`, { method: "POST", json: { message: "x" } }))
        .status,
    ).toBe(404);
    const count = (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM LeadReply WHERE contactRequestId = ?`).get(inquiry.id) as {
        n: number;
      }
    ).n;
    expect(count).toBe(0);
    const jobsAfter = (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM Job WHERE type = 'lead.reply.send'`).get() as {
        n: number;
      }
    ).n;
    expect(jobsAfter).toBe(jobsBefore);
  });

  it("refuses an empty or oversized reply with a field error and changes nothing", async () => {
    const inquiry = await newInquiry();
    const pro = await signedIn("agence@vitrine.test");
    for (const message of ["   \n ", "x".repeat(5001)]) {
      const res = await pro.json(`/pro/contact-requests/${inquiry.id}/replies`, { method: "POST", json: { message } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { field: string }[] } };
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.details.map((d) => d.field)).toEqual(["message"]);
    }
    // 5,000 characters after trimming is the limit, not a character more.
    const atLimit = await pro.json(`/pro/contact-requests/${inquiry.id}/replies`, {
      method: "POST",
      json: { message: ` ${"y".repeat(5000)} ` },
    });
    expect(atLimit.status).toBe(201);
    const rows = sqlite.prepare(`SELECT COUNT(*) AS n FROM LeadReply WHERE contactRequestId = ?`).get(inquiry.id) as {
      n: number;
    };
    expect(rows.n).toBe(1);
  });

  it("works as a native form on the lead's page: field error, then redirect with the conversation", async () => {
    const inquiry = await newInquiry();
    const pro = await signedIn("agence@vitrine.test");
    const refused = await pro.form(`/pro/contacts/${inquiry.id}`, { intent: "reply", message: "  " });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Écrivez votre réponse.");
    const sent = await pro.form(`/pro/contacts/${inquiry.id}`, { intent: "reply", message: "Réponse par formulaire" });
    expect(sent.status).toBe(302);
    const location = sent.headers.get("location")!;
    expect(location).toContain(`/pro/contacts/${inquiry.id}?reponse=envoyee`);
    const page = await (await pro.fetch(location.replace(/#.*/, ""))).text();
    expect(page).toContain("Réponse par formulaire");
    expect(page).toContain(inquiry.message);
  });

  it("keeps a reply through a mail outage: the job retries and shows at /admin/jobs until delivered", async () => {
    // Its own server on an empty database (fast to start), with an SMTP server refusing connections.
    const down = await startServer({ env: { JOB_POLL_MS: "50", SMTP_URL: "smtp://127.0.0.1:9" } });
    const db = new Database(down.env.DATABASE_URL.replace(/^file:/, ""));
    db.pragma("busy_timeout = 5000");
    try {
      const now = iso(new Date());
      const key = down.env.PII_ENCRYPTION_KEY;
      const proId = randomUUID();
      const adminId = randomUUID();
      const insertPro = db.prepare(
        `INSERT INTO Pro (id, email, passwordHash, name, companyName, kind, role, identityStatus, createdAt, updatedAt)
         VALUES (?, ?, 'x', ?, ?, ?, ?, 'verified', ?, ?)`,
      );
      insertPro.run(proId, "panne@vitrine.test", "Paul Panne", "Agence Panne", "agency", "pro", now, now);
      insertPro.run(adminId, "staff@vitrine.test", "Staff", "Vitrine", null, "admin", now, now);
      const token = (owner: string) => {
        const secret = randomBytes(24).toString("base64url");
        db.prepare(
          `INSERT INTO ApiToken (id, proId, name, tokenHash, prefix, createdAt) VALUES (?, ?, 't', ?, 'x', ?)`,
        ).run(randomUUID(), owner, createHash("sha256").update(secret).digest("base64url"), now);
        return new Client(down.baseUrl, { authorization: `Bearer ${secret}` });
      };
      const inquiryId = randomUUID();
      db.prepare(
        `INSERT INTO ContactRequest (id, proId, propertyTitle, senderNameEnc, senderEmailEnc, messageEnc, status, createdAt, updatedAt)
         VALUES (?, ?, 'Studio près de la gare', ?, ?, ?, 'read', ?, ?)`,
      ).run(
        inquiryId,
        proId,
        encryptWith(key, "Zoé Panne"),
        encryptWith(key, "zoe.panne@example.fr"),
        encryptWith(key, "Bonjour"),
        now,
        now,
      );
      const pro = token(proId);
      const res = await pro.json(`/pro/contact-requests/${inquiryId}/replies`, {
        method: "POST",
        json: { message: "Réponse pendant la panne" },
      });
      expect(res.status).toBe(201);
      const replyId = ((await res.json()) as { data: { id: string } }).data.id;
      const job = () =>
        db
          .prepare(`SELECT id, attempts, lastError, doneAt FROM Job WHERE type = 'lead.reply.send' AND payload LIKE ?`)
          .get(`%${replyId}%`) as { id: string; attempts: number; lastError: string | null; doneAt: number | null };
      await waitFor(() => job().lastError, "a failed delivery attempt", 60_000);
      expect(job().doneAt).toBeNull();
      const adminPage = await (await token(adminId).fetch("/admin/jobs")).text();
      expect(adminPage).toContain("lead.reply.send");
      expect(adminPage).toContain(replyId);
      const detail = (await (await pro.json(`/pro/contact-requests/${inquiryId}`)).json()) as {
        data: { status: string; replies: { id: string }[] };
      };
      expect(detail.data.status).toBe("replied");
      expect(detail.data.replies.map((r) => r.id)).toEqual([replyId]);

      // The mail server is back after a restart: the stored reply leaves, once.
      down.env.SMTP_URL = "";
      await down.stop();
      db.prepare(`UPDATE Job SET runAt = ? WHERE id = ?`).run(iso(new Date(Date.now() - 1000)), job().id);
      await down.restart();
      await waitFor(() => job().doneAt, "the delivery after the outage", 120_000);
      const sent = (await mails(down)).filter((m) => m.text.includes("Réponse pendant la panne"));
      expect(sent).toHaveLength(1);
      expect(sent[0].to).toContain("zoe.panne@example.fr");
      expect(sent[0].replyTo).toContain("panne@vitrine.test");
    } finally {
      db.close();
      await down.stop();
    }
  }, 400_000);
});

describe("response clocks", () => {
  it("starts at an inquiry's arrival and stops at its first answer, a move to replied included", async () => {
    const inquiry = await newInquiry();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    sqlite.prepare(`UPDATE ContactRequest SET createdAt = ? WHERE id = ?`).run(iso(twoHoursAgo), inquiry.id);
    const pro = await signedIn("agence@vitrine.test");
    const before = (await (await pro.json(`/pro/contact-requests/${inquiry.id}`)).json()) as {
      data: { firstResponseAt: null; responseSeconds: null };
    };
    expect(before.data.firstResponseAt).toBeNull();
    expect(before.data.responseSeconds).toBeNull();

    const moved = await pro.json(`/pro/contact-requests/${inquiry.id}`, { method: "PUT", json: { status: "replied" } });
    const { data } = (await moved.json()) as { data: { firstResponseAt: string; responseSeconds: number } };
    const expected = Math.round((Date.parse(data.firstResponseAt) - twoHoursAgo.getTime()) / 1000);
    expect(data.responseSeconds).toBe(expected);
    expect(data.responseSeconds).toBeGreaterThanOrEqual(7200);

    // A later reply does not move the clock.
    await pro.json(`/pro/contact-requests/${inquiry.id}/replies`, { method: "POST", json: { message: "Suite" } });
    const after = (await (await pro.json(`/pro/contact-requests/${inquiry.id}`)).json()) as {
      data: { firstResponseAt: string; replies: unknown[] };
    };
    expect(after.data.firstResponseAt).toBe(data.firstResponseAt);
    expect(after.data.replies).toHaveLength(1);
  });

  it("starts at the end of the anonymity window for a vehicle lead; the dealership replies from Vitrine", async () => {
    const email = `buyer.${unique()}@example.com`;
    const res = await visitor().json("/api/contact-requests", {
      method: "POST",
      json: {
        fullName: "John Smith",
        email,
        phone: "+27 21 555 1234",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "email",
        selectedVehicles: [{ vehicleId: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000 }],
      },
    });
    expect(res.status).toBe(201);
    const garage = await signedIn("garage@vitrine.test");
    const lead = await waitFor(async () => {
      const list = (await (await garage.json("/pro/vehicle-leads")).json()) as {
        data: { id: string; buyer: { email: string }; receivedAt: string }[];
      };
      return list.data.find((l) => l.buyer.email === email);
    }, "the vehicle lead to be notified");
    const reply = await garage.json(`/pro/vehicle-leads/${lead.id}/replies`, {
      method: "POST",
      json: { message: "Bonjour, la Corolla est disponible." },
    });
    expect(reply.status).toBe(201);
    const detail = (await (await garage.json(`/pro/vehicle-leads/${lead.id}`)).json()) as {
      data: {
        status: string;
        receivedAt: string;
        firstResponseAt: string;
        responseSeconds: number;
        replies: unknown[];
      };
    };
    expect(detail.data.status).toBe("replied");
    expect(detail.data.replies).toHaveLength(1);
    expect(detail.data.responseSeconds).toBe(
      Math.round((Date.parse(detail.data.firstResponseAt) - Date.parse(detail.data.receivedAt)) / 1000),
    );
    const mail = await waitFor(
      async () => (await mails()).find((m) => m.to.includes(email) && m.subject.startsWith("Réponse")),
      "the reply to the vehicle buyer",
    );
    expect(mail.replyTo).toContain("garage@vitrine.test");
    expect(mail.text).toContain("Toyota Corolla");
  });
});

describe("reminders", () => {
  it("sends one e-mail per period while the lead stays new, none before, none once it is read", async () => {
    const inquiry = await newInquiry();
    await waitFor(() => remindersOf("inquiry", inquiry.id).filter((r) => r.sentAt).length >= 2, "two reminders");
    const pro = await signedIn("agence@vitrine.test");
    await pro.fetch(`/pro/contacts/${inquiry.id}`); // opening it marks it read
    await waitFor(() => remindersOf("inquiry", inquiry.id).some((r) => r.skippedAt), "the next reminder to be skipped");

    const rows = remindersOf("inquiry", inquiry.id);
    const created = toMs(
      (sqlite.prepare(`SELECT createdAt FROM ContactRequest WHERE id = ?`).get(inquiry.id) as { createdAt: unknown })
        .createdAt,
    );
    for (const row of rows.filter((r) => r.sentAt)) {
      expect(toMs(row.dueAt)).toBe(created + (REMINDER_SECONDS + row.period * REPEAT_SECONDS) * 1000);
      expect(toMs(row.sentAt)).toBeGreaterThanOrEqual(toMs(row.dueAt));
    }
    // After the skipped one, nothing more is scheduled.
    expect(rows[rows.length - 1].skippedAt).not.toBeNull();
    const sent = reminderMailsFor(await mails(), inquiry.id);
    expect(sent).toHaveLength(rows.filter((r) => r.sentAt).length);
    const mail = sent[0];
    expect(mail.to).toContain("agence@vitrine.test");
    expect(mail.text).toContain(properties[0].title);
    expect(mail.text).toContain(inquiry.senderName.split(" ")[0]);
    for (const part of [mail.text, mail.html ?? ""]) {
      expect(part).not.toContain(inquiry.senderEmail);
      expect(part).not.toContain("12 34 56 78");
      expect(part).not.toContain("Acheteuse");
    }
  });

  it("sends none to a pro who switched them off in the settings", async () => {
    const pro = await signedIn("agence@vitrine.test");
    const off = await pro.form("/pro/settings", { intent: "lead-reminders" });
    expect(off.status).toBe(302);
    try {
      const inquiry = await newInquiry();
      await waitFor(() => remindersOf("inquiry", inquiry.id)[0]?.skippedAt, "the reminder to be skipped");
      expect(reminderMailsFor(await mails(), inquiry.id)).toHaveLength(0);
    } finally {
      await pro.form("/pro/settings", { intent: "lead-reminders", enabled: "on" });
    }
    const row = sqlite.prepare(`SELECT leadRemindersEnabled AS on_ FROM Pro WHERE id = ?`).get(agenceId) as {
      on_: number;
    };
    expect(row.on_).toBe(1);
  });

  it("sends exactly one per period across a restart and with two instances on one database", async () => {
    const inquiry = await newInquiry();
    let leads = [inquiry];
    // Down before the first reminder is due, up again after: it is sent once, late rather than never.
    await server.stop();
    await sleep(REMINDER_SECONDS * 1000 + 500);
    await server.restart();
    const second = await startServer({
      env: {
        DATABASE_URL: server.env.DATABASE_URL,
        MAIL_OUTBOX_DIR: server.env.MAIL_OUTBOX_DIR,
        UPLOADS_DIR: server.env.UPLOADS_DIR,
        PRIVATE_DIR: server.env.PRIVATE_DIR,
        DATA_DIR: server.env.DATA_DIR,
        SESSION_SECRET: server.env.SESSION_SECRET,
        PII_ENCRYPTION_KEY: server.env.PII_ENCRYPTION_KEY,
        JOB_POLL_MS: "10",
        TRUST_PROXY: "1",
        LEAD_REMINDER_SECONDS: String(REMINDER_SECONDS),
        LEAD_REMINDER_REPEAT_SECONDS: String(REPEAT_SECONDS),
      },
    });
    try {
      const more = [await newInquiry(second), await newInquiry(server), await newInquiry(second)];
      leads = [inquiry, ...more];
      await waitFor(
        () => leads.every((l) => remindersOf("inquiry", l.id).filter((r) => r.sentAt).length >= 2),
        "two reminder periods for every lead",
        30_000,
      );
    } finally {
      await second.stop();
    }
    const all = await mails();
    for (const lead of leads) {
      const rows = remindersOf("inquiry", lead.id);
      const periods = rows.map((r) => r.period);
      expect(new Set(periods).size).toBe(periods.length);
      expect(reminderMailsFor(all, lead.id)).toHaveLength(rows.filter((r) => r.sentAt).length);
    }
    // Stop the chains before the next tests read the outbox.
    sqlite.prepare(`UPDATE ContactRequest SET status = 'read' WHERE proId = ? AND status = 'new'`).run(agenceId);
  }, 240_000);
});

/** AES-256-GCM exactly as app/utils/crypto.server.ts stores it, with the server's key. */
function encryptForServer(plaintext: string): string {
  return encryptWith(server.env.PII_ENCRYPTION_KEY, plaintext);
}

function encryptWith(base64Key: string, plaintext: string): string {
  const key = Buffer.from(base64Key, "base64");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

describe("statistics", () => {
  it("computes leads per day, median first response, share within 1 h and waiting leads on a known data set", async () => {
    const now = Date.now();
    const minutes = (m: number) => m * 60_000;
    const days = (d: number) => d * 24 * 3600_000;
    // [arrived this long ago, answered this long after arrival (null: still new)]
    const dataSet: [number, number | null][] = [
      [days(1), minutes(30)],
      [days(2), minutes(120)],
      [days(3), minutes(10)],
      [days(3) + minutes(5), null],
      [days(40), minutes(60)],
      [minutes(10), null],
    ];
    const insert = sqlite.prepare(
      `INSERT INTO ContactRequest (id, proId, propertyTitle, senderNameEnc, senderEmailEnc, messageEnc, status, firstResponseAt, repliedAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    dataSet.forEach(([ago, after], i) => {
      const created = new Date(now - ago);
      const answered = after === null ? null : iso(new Date(created.getTime() + after));
      insert.run(
        randomUUID(),
        promoteurId,
        `Programme ${i}`,
        encryptForServer(`Acheteur${i} Nom`),
        encryptForServer(`a${i}@example.fr`),
        encryptForServer("Bonjour"),
        after === null ? "new" : "replied",
        answered,
        answered,
        iso(created),
        iso(created),
      );
    });
    const pro = await signedIn("promoteur@vitrine.test");
    type Stats = {
      data: {
        days: number;
        received: number;
        perDay: { date: string; count: number }[];
        answered: number;
        medianResponseSeconds: number;
        answeredWithinHourShare: number;
        waiting: { total: number; oldest: { title: string; buyerFirstName: string; ageSeconds: number }[] };
      };
    };
    const week = ((await (await pro.json("/pro/stats?days=7")).json()) as Stats).data;
    expect(week.days).toBe(7);
    expect(week.received).toBe(5);
    expect(week.perDay).toHaveLength(7);
    expect(week.perDay.reduce((s, d) => s + d.count, 0)).toBe(5);
    expect(week.answered).toBe(3);
    expect(week.medianResponseSeconds).toBe(1800);
    expect(week.answeredWithinHourShare).toBe(0.5); // 2 of the 3 answered + 1 waiting for days
    expect(week.waiting.total).toBe(2);
    expect(week.waiting.oldest.map((l) => l.title)).toEqual(["Programme 3", "Programme 5"]);
    expect(week.waiting.oldest[0].buyerFirstName).toBe("Acheteur3");
    expect(week.waiting.oldest[0].ageSeconds).toBeGreaterThanOrEqual(days(3) / 1000);

    const quarter = ((await (await pro.json("/pro/stats?days=90")).json()) as Stats).data;
    expect(quarter.received).toBe(6);
    expect(quarter.medianResponseSeconds).toBe(2700);
    expect(quarter.answeredWithinHourShare).toBe(0.6);

    const refused = await pro.json("/pro/stats?days=13");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { details: { field: string }[] } }).error.details[0].field).toBe("days");

    // The dashboard shows the same figures, with the chart and its text alternative.
    const page = await (await pro.fetch("/pro?jours=7")).text();
    expect(page).toContain('data-testid="stat-received">5<');
    expect(page).toContain('data-testid="stat-median">30 min<');
    expect(page).toContain('data-testid="stat-within-hour">50 %<');
    expect(page).toContain("<svg");
    expect(page).toContain("Demandes reçues par jour");
    expect(page).toContain("Voir les chiffres jour par jour");
  });
});
