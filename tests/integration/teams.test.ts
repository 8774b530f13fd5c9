/**
 * Accounts and teams over HTTP against the real built server with the demo data: forgotten and
 * changed passwords, invitations, roles on every protected action (pages and JSON), deactivation,
 * lead assignment and its audit trail.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { readOutbox, type OutboxMail } from "~/utils/mail.server";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
let db: PrismaClient;
let agenceId: string;
const ids = { owner: "", manager: "", agent: "" };

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const uniqueEmail = (label: string) => `${label}.${Date.now()}${randomInt(1e6)}@example.fr`;

/** A browser-like client with an address of its own (TRUST_PROXY is on). */
function client(ip = randomIp()) {
  return new Client(server.baseUrl, { "x-forwarded-for": ip });
}

async function signedIn(email: string, password = "vitrine-demo") {
  const c = client();
  await c.login(email, password);
  return c;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function mailsTo(address: string): Promise<OutboxMail[]> {
  return (await readOutbox()).filter((m) => m.to.includes(address));
}

/** The link of the newest e-mail to `address` whose text contains `path`. */
async function linkFrom(address: string, path: string, count = 1): Promise<string> {
  const mails = await until(`${count} e-mail(s) to ${address}`, async () => {
    const found = (await mailsTo(address)).filter((m) => m.text.includes(path));
    return found.length >= count ? found : null;
  });
  const match = new RegExp(`https?://[^\\s]+${path.replace("?", "\\?")}[^\\s]+`).exec(mails[mails.length - 1].text);
  if (!match) throw new Error("no link in the e-mail");
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

beforeAll(async () => {
  server = await startServer({
    seed: "demo",
    env: { TRUST_PROXY: "1", ANONYMITY_WINDOW_SECONDS: "1", JOB_POLL_MS: "50" },
  });
  process.env.MAIL_OUTBOX_DIR = server.env.MAIL_OUTBOX_DIR; // before readOutbox's first env() read
  db = openTestDb(server.env.DATABASE_URL);
  agenceId = (await db.pro.findUniqueOrThrow({ where: { email: "agence@vitrine.test" } })).id;
  for (const [key, email] of [
    ["owner", "agence@vitrine.test"],
    ["manager", "manager@vitrine.test"],
    ["agent", "agent@vitrine.test"],
  ] as const) {
    ids[key] = (await db.member.findUniqueOrThrow({ where: { email } })).id;
  }
}, 400_000); // seeding the demo data set on a busy machine

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

describe("demo team", () => {
  it("puts agent@ and manager@ in the agency's organisation with leads assigned to each", async () => {
    const members = await db.member.findMany({ where: { proId: agenceId }, orderBy: { email: "asc" } });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ["agence@vitrine.test", "owner"],
      ["agent@vitrine.test", "agent"],
      ["manager@vitrine.test", "manager"],
    ]);
    expect(await db.contactRequest.count({ where: { assigneeId: ids.agent } })).toBeGreaterThan(0);
    expect(await db.contactRequest.count({ where: { assigneeId: ids.manager } })).toBeGreaterThan(0);
    expect(await db.contactRequest.count({ where: { proId: agenceId, assigneeId: null } })).toBeGreaterThan(0);
  });
});

describe("forgotten password", () => {
  it("answers the same page whether or not the account exists, and e-mails only real accounts", async () => {
    const c = client();
    const unknownAddress = uniqueEmail("personne");
    const unknown = await c.form("/forgot-password", { email: unknownAddress });
    const known = await c.form("/forgot-password", { email: "promoteur@vitrine.test" });
    expect(unknown.status).toBe(302);
    expect(known.status).toBe(302);
    expect(unknown.headers.get("location")).toBe(known.headers.get("location"));
    const page = await (await c.fetch(known.headers.get("location")!)).text();
    expect(page).toContain("Si un compte existe pour cette adresse, un e-mail vient d’être envoyé");
    await linkFrom("promoteur@vitrine.test", "/reset-password?token=");
    expect(await mailsTo(unknownAddress)).toHaveLength(0);
  });

  it("shows a field error for a malformed address", async () => {
    const res = await client().form("/forgot-password", { email: "pas-une-adresse" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Adresse e-mail invalide.");
  });

  it("resets the password once, ends every session, signs the user in, and stores only a hash", async () => {
    const email = "garage@vitrine.test";
    const before = await signedIn(email);
    expect((await before.fetch("/pro/settings")).status).toBe(200);

    await client().form("/forgot-password", { email });
    const link = await linkFrom(email, "/reset-password?token=");
    const token = new URL(link, server.baseUrl).searchParams.get("token")!;
    const [id, secret] = token.split(".");
    const row = await db.passwordResetToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);

    const browser = client();
    expect((await browser.fetch(link)).status).toBe(200);
    const short = await browser.form("/reset-password", { token, password: "court" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("au moins 10 caractères");

    const done = await browser.form("/reset-password", { token, password: "nouveau-mot-de-passe-1" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/pro");
    expect((await browser.fetch("/pro/settings")).status).toBe(200); // signed in
    expect((await before.fetch("/pro/settings")).status).toBe(302); // the old session ended

    const again = await client().form("/reset-password", { token, password: "encore-un-autre-mdp" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Ce lien n’est plus valable");
    expect((await client().fetch(link)).status).toBe(400);

    expect((await client().form("/login", { email, password: "vitrine-demo" })).status).toBe(401);
    await signedIn(email, "nouveau-mot-de-passe-1");
    // Put the demo password back for the other tests.
    await client().form("/forgot-password", { email });
    const second = await linkFrom(email, "/reset-password?token=", 2);
    const back = new URL(second, server.baseUrl).searchParams.get("token")!;
    expect((await client().form("/reset-password", { token: back, password: "vitrine-demo" })).status).toBe(302);
  });

  it("refuses an expired, unknown or tampered link and changes nothing", async () => {
    const email = "nouveau@vitrine.test";
    await client().form("/forgot-password", { email });
    const link = await linkFrom(email, "/reset-password?token=");
    const token = new URL(link, server.baseUrl).searchParams.get("token")!;
    const [id, secret] = token.split(".");

    const tampered = `${id}.${secret.slice(0, -2)}${secret.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [tampered, "", "n-importe-quoi", `${crypto.randomUUID()}.${secret}`]) {
      const res = await client().form("/reset-password", { token: bad, password: "mot-de-passe-pirate" });
      expect(res.status, bad).toBe(400);
    }
    await db.passwordResetToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await client().fetch(link);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Ce lien n’est plus valable");
    const expired = await client().form("/reset-password", { token, password: "mot-de-passe-pirate" });
    expect(expired.status).toBe(400);
    await signedIn(email); // still the old password
  });

  it("limits requests to 5 per address per hour (429) and e-mails to 3 per account per hour", async () => {
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      expect((await client(ip).form("/forgot-password", { email: uniqueEmail("x") })).status).toBe(302);
    }
    const sixth = await client(ip).form("/forgot-password", { email: uniqueEmail("x") });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    const json = await client(ip).json("/forgot-password", { method: "POST", json: { email: "a@b.fr" } });
    expect(json.status).toBe(429);
    expect((await json.json()).error.code).toBe("RATE_LIMITED");

    const email = "admin@vitrine.test";
    for (let i = 0; i < 5; i++) {
      expect((await client().form("/forgot-password", { email })).status).toBe(302);
    }
    await linkFrom(email, "/reset-password?token=", 3);
    // The later requests are answered the same but send nothing: wait until every request is handled.
    await until("the five reset requests to be handled", async () => {
      const handled = await db.passwordResetToken.count({ where: { member: { email } } });
      return handled === 3 || null;
    });
    expect(await mailsTo(email)).toHaveLength(3);
  });
});

describe("changing the password", () => {
  it("requires the current password and ends the other sessions only", async () => {
    const email = "nouveau@vitrine.test";
    const other = await signedIn(email);
    const here = await signedIn(email);
    const wrong = await here.form("/pro/settings", {
      intent: "change-password",
      currentPassword: "pas-le-bon",
      newPassword: "un-nouveau-mdp-solide",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Mot de passe actuel incorrect.");
    const short = await here.form("/pro/settings", {
      intent: "change-password",
      currentPassword: "vitrine-demo",
      newPassword: "court",
    });
    expect(short.status).toBe(400);

    const ok = await here.form("/pro/settings", {
      intent: "change-password",
      currentPassword: "vitrine-demo",
      newPassword: "un-nouveau-mdp-solide",
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Mot de passe modifié");
    expect((await here.fetch("/pro/settings")).status).toBe(200);
    expect((await other.fetch("/pro/settings")).status).toBe(302);
    await signedIn(email, "un-nouveau-mdp-solide");
    await here.form("/pro/settings", {
      intent: "change-password",
      currentPassword: "un-nouveau-mdp-solide",
      newPassword: "vitrine-demo",
    });
  });
});

describe("roles on every protected action", () => {
  let as: Record<"owner" | "manager" | "agent", Client>;
  beforeAll(async () => {
    as = {
      owner: await signedIn("agence@vitrine.test"),
      manager: await signedIn("manager@vitrine.test"),
      agent: await signedIn("agent@vitrine.test"),
    };
  });

  const forbiddenJson = async (res: Response) => {
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  };

  it("team list: the owner only (JSON and page)", async () => {
    const ok = await as.owner.json("/pro/team");
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.data.map((m: { email: string }) => m.email).sort()).toEqual([
      "agence@vitrine.test",
      "agent@vitrine.test",
      "manager@vitrine.test",
    ]);
    expect(body.data[0]).toEqual({
      id: ids.owner,
      name: expect.any(String),
      email: "agence@vitrine.test",
      role: "owner",
      active: true,
    });
    for (const role of ["manager", "agent"] as const) {
      await forbiddenJson(await as[role].json("/pro/team"));
      const page = await as[role].fetch("/pro/team");
      expect(page.status).toBe(403);
      expect(await page.text()).toContain("Seul le propriétaire du compte peut gérer l’équipe.");
    }
    expect((await as.owner.fetch("/pro/team")).status).toBe(200);
  });

  it("invitations and member changes: the owner only", async () => {
    for (const role of ["manager", "agent"] as const) {
      const invite = { name: "Paul Durand", email: uniqueEmail("paul"), role: "agent" };
      await forbiddenJson(await as[role].json("/pro/team/invitations", { method: "POST", json: invite }));
      await forbiddenJson(await as[role].json(`/pro/team/${ids.agent}`, { method: "PUT", json: { role: "manager" } }));
      const form = await as[role].form("/pro/team", { intent: "invite", ...invite });
      expect(form.status).toBe(403);
    }
    expect(await db.invitation.count()).toBe(0);
    expect((await db.member.findUniqueOrThrow({ where: { id: ids.agent } })).role).toBe("agent");
  });

  it("API tokens: the owner only", async () => {
    const ok = await as.owner.form("/pro/settings", { intent: "create-token", name: "Logiciel" });
    expect(ok.status).toBe(200);
    for (const role of ["manager", "agent"] as const) {
      const res = await as[role].form("/pro/settings", { intent: "create-token", name: "Logiciel" });
      expect(res.status).toBe(403);
      const token = await db.apiToken.findFirst({ where: { revokedAt: null, proId: agenceId } });
      const revoke = await as[role].form("/pro/settings", { intent: "revoke-token", tokenId: token!.id });
      expect(revoke.status).toBe(403);
      expect(await as[role].fetch("/pro/settings").then((r) => r.text())).not.toContain("Jetons d’API");
    }
    expect(await db.apiToken.count({ where: { proId: agenceId, revokedAt: null } })).toBe(1);
  });

  it("identity document: the owner only", async () => {
    for (const role of ["manager", "agent"] as const) {
      const form = new FormData();
      form.append(
        "document",
        new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: "application/pdf" }),
        "a.pdf",
      );
      const res = await as[role].fetch("/pro/identity", { method: "POST", body: form });
      expect(res.status).toBe(403);
    }
    const pro = await db.pro.findUniqueOrThrow({ where: { id: agenceId } });
    expect(pro.identityStatus).toBe("verified");
  });

  it("leads: owners and managers see all, an agent only theirs (others are 404)", async () => {
    const total = await db.contactRequest.count({ where: { proId: agenceId } });
    const mine = await db.contactRequest.count({ where: { proId: agenceId, assigneeId: ids.agent } });
    const count = async (c: Client) => (await (await c.json("/pro/contact-requests?limit=100")).json()).data.length;
    expect(await count(as.owner)).toBe(Math.min(total, 100));
    expect(await count(as.manager)).toBe(Math.min(total, 100));
    const agentList = (await (await as.agent.json("/pro/contact-requests?limit=100")).json()).data;
    expect(agentList).toHaveLength(mine);
    for (const lead of agentList) expect(lead.assignee).toEqual({ id: ids.agent, name: "Inès Bertrand" });

    const others = await db.contactRequest.findFirstOrThrow({
      where: { proId: agenceId, assigneeId: ids.manager, status: { not: "replied" } },
    });
    expect((await as.agent.json(`/pro/contacts/${others.id}`)).status).toBe(404);
    expect((await as.agent.fetch(`/pro/contacts/${others.id}`)).status).toBe(404);
    const put = await as.agent.json(`/pro/contact-requests/${others.id}`, {
      method: "PUT",
      json: { status: "replied" },
    });
    expect(put.status).toBe(404);
    const invalidBody = await as.agent.json(`/pro/contact-requests/${others.id}`, {
      method: "PUT",
      json: { status: 7 },
    });
    expect(invalidBody.status).toBe(404);
    const formPost = await as.agent.form(`/pro/contacts/${others.id}`, { intent: "status", status: "replied" });
    expect(formPost.status).toBe(404);
    expect((await db.contactRequest.findUniqueOrThrow({ where: { id: others.id } })).status).toBe(others.status);
    expect((await as.manager.json(`/pro/contacts/${others.id}`)).status).toBe(200);

    const own = agentList.find((l: { status: string }) => l.status !== "replied");
    const ok = await as.agent.json(`/pro/contact-requests/${own.id}`, { method: "PUT", json: { status: "replied" } });
    expect(ok.status).toBe(200);
    const audit = await db.leadAudit.findFirstOrThrow({ where: { leadId: own.id, action: "status" } });
    expect(audit).toMatchObject({ memberId: ids.agent, leadKind: "inquiry" });
    expect(JSON.parse(audit.detail)).toMatchObject({ to: "replied" });
  });

  it("reassignment: owners and managers (JSON and page), never an agent", async () => {
    const lead = await db.contactRequest.findFirstOrThrow({ where: { proId: agenceId, assigneeId: ids.agent } });
    const refused = await as.agent.json(`/pro/contact-requests/${lead.id}`, {
      method: "PUT",
      json: { assigneeId: null },
    });
    await forbiddenJson(refused);
    const page = await as.agent.form("/pro/contacts?index", { intent: "assign", id: lead.id, assigneeId: "" });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Seuls le propriétaire et les responsables peuvent attribuer une demande.");
    expect((await db.contactRequest.findUniqueOrThrow({ where: { id: lead.id } })).assigneeId).toBe(ids.agent);

    const moved = await as.manager.json(`/pro/contact-requests/${lead.id}`, {
      method: "PUT",
      json: { assigneeId: ids.manager },
    });
    expect(moved.status).toBe(200);
    expect((await moved.json()).data.assignee).toEqual({ id: ids.manager, name: "Hugo Marchand" });
    expect((await as.agent.json(`/pro/contacts/${lead.id}`)).status).toBe(404);

    const back = await as.owner.form("/pro/contacts?index", { intent: "assign", id: lead.id, assigneeId: ids.agent });
    expect(back.status).toBe(302);
    expect((await db.contactRequest.findUniqueOrThrow({ where: { id: lead.id } })).assigneeId).toBe(ids.agent);

    const outsider = await db.member.findUniqueOrThrow({ where: { email: "promoteur@vitrine.test" } });
    for (const bad of [outsider.id, "personne", 42]) {
      const res = await as.owner.json(`/pro/contact-requests/${lead.id}`, { method: "PUT", json: { assigneeId: bad } });
      expect(res.status, String(bad)).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
    const trail = await db.leadAudit.findMany({
      where: { leadId: lead.id, action: "assign" },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((a) => [a.memberId, JSON.parse(a.detail)])).toEqual([
      [ids.manager, { from: ids.agent, to: ids.manager }],
      [ids.owner, { from: ids.manager, to: ids.agent }],
    ]);
  });

  it("filters the inbox on 'Assignées à moi' and 'Non assignées'", async () => {
    const me = (await (await as.manager.json("/pro/contact-requests?assignee=me&limit=100")).json()).data;
    expect(me.length).toBeGreaterThan(0);
    for (const lead of me) expect(lead.assignee?.id).toBe(ids.manager);
    const none = (await (await as.manager.json("/pro/contact-requests?assignee=none&limit=100")).json()).data;
    expect(none.length).toBeGreaterThan(0);
    for (const lead of none) expect(lead.assignee).toBeNull();
    // An agent's "unassigned" view never widens what they see.
    expect((await (await as.agent.json("/pro/contact-requests?assignee=none")).json()).data).toEqual([]);
    expect((await as.manager.json("/pro/contact-requests?assignee=someone")).status).toBe(400);

    const html = await (await as.manager.fetch("/pro/contacts?assignee=none")).text();
    expect(html).toContain("Assignées à moi");
    expect(html).toContain("Non assignées");
    expect(html).toContain(none[0].senderName);
  });
});

describe("invitations", () => {
  let owner: Client;
  beforeAll(async () => {
    owner = await signedIn("agence@vitrine.test");
  });

  it("invites by e-mail; the invitee chooses a password once and is signed in", async () => {
    const email = uniqueEmail("sophie");
    const res = await owner.json("/pro/team/invitations", {
      method: "POST",
      json: { name: "Sophie Laurent", email: email.toUpperCase(), role: "manager" },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({ name: "Sophie Laurent", email, role: "manager" });
    const link = await linkFrom(email, "/invitation?token=");
    const token = new URL(link, server.baseUrl).searchParams.get("token")!;
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);

    const invitee = client();
    const page = await invitee.fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Agence Lumière Immobilier");
    const short = await invitee.form("/invitation", { token, name: "Sophie Laurent", password: "court" });
    expect(short.status).toBe(400);
    const ok = await invitee.form("/invitation", { token, name: "Sophie Laurent", password: "mot-de-passe-de-sophie" });
    expect(ok.status).toBe(302);
    expect((await invitee.json("/pro/contact-requests")).status).toBe(200);
    await forbiddenTeam(invitee);

    const again = await client().form("/invitation", { token, name: "Intrus", password: "mot-de-passe-intrus" });
    expect(again.status).toBe(400);
    expect(await db.member.count({ where: { email } })).toBe(1);
    await signedIn(email, "mot-de-passe-de-sophie");
  });

  async function forbiddenTeam(c: Client) {
    const res = await c.json("/pro/team");
    expect(res.status).toBe(403);
  }

  it("refuses an address that already has an account, clearly", async () => {
    for (const email of ["manager@vitrine.test", "garage@vitrine.test"]) {
      const res = await owner.json("/pro/team/invitations", {
        method: "POST",
        json: { name: "Quelqu’un", email, role: "agent" },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("DUPLICATE");
      const page = await owner.form("/pro/team", { intent: "invite", name: "Quelqu’un", email, role: "agent" });
      expect(page.status).toBe(409);
      expect(await page.text()).toContain("Un compte Vitrine existe déjà pour cette adresse e-mail");
    }
  });

  it("validates the invitation, and never invites an owner", async () => {
    const res = await owner.json("/pro/team/invitations", {
      method: "POST",
      json: { name: "X", email: "pas-une-adresse", role: "owner" },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["email", "name", "role"]);
  });

  it("refuses an expired or cancelled invitation", async () => {
    const email = uniqueEmail("tard");
    await owner.form("/pro/team", { intent: "invite", name: "Léa Tard", email, role: "agent" });
    const link = await linkFrom(email, "/invitation?token=");
    const token = new URL(link, server.baseUrl).searchParams.get("token")!;
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client().fetch(link)).status).toBe(400);
    const res = await client().form("/invitation", { token, name: "Léa Tard", password: "mot-de-passe-de-lea" });
    expect(res.status).toBe(400);
    expect(await db.member.count({ where: { email } })).toBe(0);

    const email2 = uniqueEmail("annule");
    await owner.form("/pro/team", { intent: "invite", name: "Noé Annule", email: email2, role: "agent" });
    const link2 = await linkFrom(email2, "/invitation?token=");
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: email2 } });
    expect((await owner.form("/pro/team", { intent: "cancel-invitation", invitationId: invitation.id })).status).toBe(
      302,
    );
    expect((await client().fetch(link2)).status).toBe(400);
  });
});

describe("member changes and deactivation", () => {
  it("changes roles, keeps exactly one owner, and answers 404 for another organisation's member", async () => {
    const owner = await signedIn("agence@vitrine.test");
    const promote = await owner.json(`/pro/team/${ids.agent}`, { method: "PUT", json: { role: "manager" } });
    expect(promote.status).toBe(200);
    expect((await promote.json()).data).toMatchObject({ id: ids.agent, role: "manager", active: true });
    expect((await owner.json(`/pro/team/${ids.agent}`, { method: "PUT", json: { role: "agent" } })).status).toBe(200);

    for (const body of [{ role: "manager" }, { active: false }, { role: "owner" }]) {
      const res = await owner.json(`/pro/team/${ids.owner}`, { method: "PUT", json: body });
      expect(res.status, JSON.stringify(body)).toBe(body.role === "owner" ? 400 : 409);
    }
    expect(await db.member.count({ where: { proId: agenceId, role: "owner", active: true } })).toBe(1);

    const stranger = await db.member.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    for (const body of [{ active: false }, { role: "nope" }]) {
      const res = await owner.json(`/pro/team/${stranger.id}`, { method: "PUT", json: body });
      expect(res.status).toBe(404);
    }
    const bad = await owner.json(`/pro/team/${ids.agent}`, { method: "PUT", json: { active: "oui" } });
    expect(bad.status).toBe(400);
    expect((await owner.json(`/pro/team/${ids.agent}`, { method: "PUT", json: {} })).status).toBe(400);
  });
});

describe("lead assignment", () => {
  async function submitInquiry(propertyId: string) {
    const tag = randomInt(1e9);
    const res = await client().json("/contact-requests", {
      method: "POST",
      json: {
        propertyId,
        senderName: `Lucie Acheteuse${tag}`,
        senderEmail: `lucie.${tag}@example.fr`,
        message: `Bonjour, ce bien est-il toujours disponible ? ${tag}`,
      },
    });
    expect(res.status).toBe(201);
    const id = (await res.json()).data.id as string;
    return db.contactRequest.findUniqueOrThrow({ where: { id } });
  }

  it("gives a new lead to the listing's responsible member, and e-mails them", async () => {
    const property = await db.property.findFirstOrThrow({ where: { proId: agenceId, status: "active" } });
    const agent = await signedIn("agent@vitrine.test");
    const refused = await agent.json(`/pro/properties/${property.id}`, {
      method: "PUT",
      json: { responsibleMemberId: ids.agent },
    });
    expect(refused.status).toBe(403);
    const owner = await signedIn("agence@vitrine.test");
    const outsider = await db.member.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const bad = await owner.json(`/pro/properties/${property.id}`, {
      method: "PUT",
      json: { responsibleMemberId: outsider.id },
    });
    expect(bad.status).toBe(400);
    const set = await owner.form(`/pro/properties/${property.id}`, {
      intent: "responsible",
      responsibleMemberId: ids.agent,
    });
    expect(set.status).toBe(302);
    const json = await (await owner.json(`/pro/properties/${property.id}`)).json();
    expect(json.data.responsibleMemberId).toBe(ids.agent);
    const lead = await submitInquiry(property.id);
    expect(lead.assigneeId).toBe(ids.agent);
    await until("the notification to the agent", async () =>
      (await mailsTo("agent@vitrine.test")).some((m) => m.text.includes(`/pro/contacts/${lead.id}`)),
    );
    expect((await mailsTo("agence@vitrine.test")).some((m) => m.text.includes(lead.id))).toBe(false);
    await db.property.update({ where: { id: property.id }, data: { responsibleMemberId: null } });
  });

  it("otherwise takes turns between the active agents and managers", async () => {
    const property = await db.property.findFirstOrThrow({ where: { proId: agenceId, status: "active" } });
    // Earlier tests may have added members: the turn goes round every active agent and manager.
    const rotation = await db.member.findMany({
      where: { proId: agenceId, active: true, role: { in: ["agent", "manager"] } },
      select: { id: true },
    });
    const rotationIds = rotation.map((m) => m.id).sort();
    expect(rotationIds).toEqual(expect.arrayContaining([ids.agent, ids.manager]));
    const assignees: (string | null)[] = [];
    for (let i = 0; i <= rotation.length; i++) assignees.push((await submitInquiry(property.id)).assigneeId);
    expect(assignees.slice(0, rotation.length).sort()).toEqual(rotationIds);
    expect(assignees[rotation.length]).toBe(assignees[0]);
  });

  it("answers a submitted lead with the record the owner's inbox then shows, its assignee included", async () => {
    const property = await db.property.findFirstOrThrow({ where: { proId: agenceId, status: "active" } });
    const res = await client().json("/contact-requests", {
      method: "POST",
      json: {
        propertyId: property.id,
        senderName: "Lucie Acheteuse",
        senderEmail: "lucie.inbox@example.fr",
        senderPhone: "06 12 34 56 78",
        message: "Bonjour, ce bien est-il toujours disponible ?",
      },
    });
    expect(res.status).toBe(201);
    const submitted = (await res.json()).data;
    expect(submitted.assignee).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    const owner = await signedIn("agence@vitrine.test");
    const inbox = await (await owner.json("/pro/contact-requests?limit=5")).json();
    expect(inbox.data.find((lead: { id: string }) => lead.id === submitted.id)).toEqual(submitted);
  });

  it("assigns vehicle leads too, shows the assignee in JSON, and lets only the assignee agent see it", async () => {
    const garage = await db.pro.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const owner = await db.member.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const agent = await db.member.create({
      data: {
        proId: garage.id,
        email: uniqueEmail("vendeur"),
        name: "Sipho Vendeur",
        role: "agent",
        passwordHash: owner.passwordHash,
      },
    });
    const buyerEmail = uniqueEmail("buyer");
    const res = await client().json("/api/contact-requests", {
      method: "POST",
      json: {
        fullName: "John Smith",
        email: buyerEmail,
        phone: "+27 21 555 1234",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "email",
        selectedVehicles: [{ vehicleId: 100 }],
      },
    });
    expect(res.status).toBe(201);
    const requestId = (await res.json()).contactRequestId as number;
    const lead = await until("the vehicle lead to be notified", () =>
      db.vehicleLead.findFirst({ where: { requestId, notifiedAt: { not: null } } }),
    );
    expect(lead.assigneeId).toBe(agent.id);
    await until("the dealer e-mail to the agent", async () =>
      (await mailsTo(agent.email)).some((m) => m.text.includes(buyerEmail)),
    );

    const seller = await signedIn(agent.email);
    const mine = await seller.json(`/pro/vehicle-leads/${lead.id}`);
    expect(mine.status).toBe(200);
    expect((await mine.json()).data.assignee).toEqual({ id: agent.id, name: "Sipho Vendeur" });
    const refused = await seller.json(`/pro/vehicle-leads/${lead.id}`, { method: "PUT", json: { assigneeId: null } });
    expect(refused.status).toBe(403);

    const boss = await signedIn("garage@vitrine.test");
    const moved = await boss.json(`/pro/vehicle-leads/${lead.id}`, { method: "PUT", json: { assigneeId: null } });
    expect(moved.status).toBe(200);
    expect((await moved.json()).data.assignee).toBeNull();
    expect((await seller.json(`/pro/vehicle-leads/${lead.id}`)).status).toBe(404);
    const list = await (await boss.json("/pro/vehicle-leads?assignee=none&limit=100")).json();
    expect(list.data.map((l: { id: string }) => l.id)).toContain(lead.id);
    const audit = await db.leadAudit.findFirstOrThrow({ where: { leadId: lead.id, action: "assign" } });
    expect(audit).toMatchObject({ memberId: owner.id, leadKind: "vehicle" });
  });

  it("a dealership and a developer choose who receives a vehicle's or a programme's leads (JSON and page)", async () => {
    const member = async (ownerEmail: string, name: string) => {
      const owner = await db.member.findUniqueOrThrow({ where: { email: ownerEmail } });
      return db.member.create({
        data: {
          proId: owner.proId,
          email: uniqueEmail("seller"),
          name,
          role: "agent",
          passwordHash: owner.passwordHash,
        },
      });
    };

    // Vehicle: JSON PUT by the owner; an agent may not choose.
    const seller = await member("garage@vitrine.test", "Thandi Vendeuse");
    const vehicle = await db.vehicle.findFirstOrThrow({
      where: { proId: seller.proId, status: "active", id: { not: 100 } },
    });
    const refused = await (
      await signedIn(seller.email)
    ).json(`/pro/vehicles/${vehicle.id}`, { method: "PUT", json: { responsibleMemberId: seller.id } });
    expect(refused.status).toBe(403);
    const garage = await signedIn("garage@vitrine.test");
    const set = await garage.json(`/pro/vehicles/${vehicle.id}`, {
      method: "PUT",
      json: { responsibleMemberId: seller.id },
    });
    expect(set.status).toBe(200);
    expect((await set.json()).data.responsibleMemberId).toBe(seller.id);
    const res = await client().json("/api/contact-requests", {
      method: "POST",
      json: {
        fullName: "John Smith",
        email: uniqueEmail("buyer"),
        phone: "+27 21 555 1234",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "email",
        selectedVehicles: [{ vehicleId: vehicle.id }],
      },
    });
    expect(res.status).toBe(201);
    const requestId = (await res.json()).contactRequestId as number;
    const lead = await db.vehicleLead.findFirstOrThrow({ where: { requestId, proId: seller.proId } });
    expect(lead.assigneeId).toBe(seller.id);

    // Programme: the edit page's native form, then an inquiry about the programme.
    const planner = await member("promoteur@vitrine.test", "Hugo Commercial");
    const programme = await db.programme.findFirstOrThrow({ where: { proId: planner.proId, status: "active" } });
    const developer = await signedIn("promoteur@vitrine.test");
    const saved = await developer.form(`/pro/programmes/${programme.id}`, {
      intent: "responsible",
      responsibleMemberId: planner.id,
    });
    expect(saved.status).toBe(302);
    const page = await (await developer.fetch(`/pro/programmes/${programme.id}`)).text();
    expect(page).toContain("Responsable des demandes");
    expect((await (await developer.json(`/pro/programmes/${programme.id}`)).json()).data.responsibleMemberId).toBe(
      planner.id,
    );
    const tag = randomInt(1e9);
    const inquiry = await client().json("/contact-requests", {
      method: "POST",
      json: {
        programmeId: programme.id,
        senderName: `Lucie Acheteuse${tag}`,
        senderEmail: `lucie.${tag}@example.fr`,
        message: `Bonjour, reste-t-il des T3 ? ${tag}`,
      },
    });
    expect(inquiry.status).toBe(201);
    const stored = await db.contactRequest.findUniqueOrThrow({ where: { id: (await inquiry.json()).data.id } });
    expect(stored.assigneeId).toBe(planner.id);

    await db.vehicle.update({ where: { id: vehicle.id }, data: { responsibleMemberId: null } });
    await db.programme.update({ where: { id: programme.id }, data: { responsibleMemberId: null } });
  });

  it("deactivating a member ends their sessions and tokens at once and returns their leads to the pool", async () => {
    const agentBrowser = await signedIn("agent@vitrine.test");
    expect((await agentBrowser.fetch("/pro/contacts")).status).toBe(200);
    // A token acting as the agent (as if created while they could), to show it stops too.
    const { createHash, randomBytes } = await import("node:crypto");
    const secret = `vtr_${randomBytes(24).toString("base64url")}`;
    await db.apiToken.create({
      data: {
        proId: agenceId,
        memberId: ids.agent,
        name: "Agent",
        prefix: secret.slice(0, 10),
        tokenHash: createHash("sha256").update(secret).digest("base64url"),
      },
    });
    const bearer = { authorization: `Bearer ${secret}`, accept: "application/json" };
    expect((await fetch(`${server.baseUrl}/pro/contact-requests`, { headers: bearer })).status).toBe(200);
    const leads = await db.contactRequest.findMany({ where: { assigneeId: ids.agent }, select: { id: true } });
    expect(leads.length).toBeGreaterThan(0);

    const owner = await signedIn("agence@vitrine.test");
    const res = await owner.form("/pro/team", { intent: "deactivate", memberId: ids.agent });
    expect(res.status).toBe(302);

    expect((await agentBrowser.fetch("/pro/contacts")).status).toBe(302);
    expect((await agentBrowser.json("/pro/contact-requests")).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/pro/contact-requests`, { headers: bearer })).status).toBe(401);
    expect((await client().form("/login", { email: "agent@vitrine.test", password: "vitrine-demo" })).status).toBe(401);
    expect(await db.session.count({ where: { memberId: ids.agent } })).toBe(0);
    expect(await db.contactRequest.count({ where: { assigneeId: ids.agent } })).toBe(0);
    const audits = await db.leadAudit.count({
      where: {
        leadId: { in: leads.map((l) => l.id) },
        action: "assign",
        memberId: ids.owner,
        detail: { contains: "deactivated" },
      },
    });
    expect(audits).toBe(leads.length);
    // Nothing asked of the team goes to them any more either.
    const property = await db.property.findFirstOrThrow({ where: { proId: agenceId, status: "active" } });
    const next = await submitInquiry(property.id);
    // (Earlier tests may have added members to the turn: the lead goes to one of them, never the agent.)
    expect(next.assigneeId).not.toBeNull();
    expect(next.assigneeId).not.toBe(ids.agent);

    // Reactivated: they can sign in again (nothing of the old session or token comes back).
    await owner.form("/pro/team", { intent: "reactivate", memberId: ids.agent });
    await signedIn("agent@vitrine.test");
    expect((await fetch(`${server.baseUrl}/pro/contact-requests`, { headers: bearer })).status).toBe(401);
  });

  it("leaves a lead unassigned when nobody can take it, and e-mails the owner", async () => {
    const owner = await signedIn("agence@vitrine.test");
    const team = await db.member.findMany({ where: { proId: agenceId, role: { not: "owner" }, active: true } });
    for (const m of team) await owner.json(`/pro/team/${m.id}`, { method: "PUT", json: { active: false } });
    const property = await db.property.findFirstOrThrow({ where: { proId: agenceId, status: "active" } });
    const lead = await submitInquiry(property.id);
    expect(lead.assigneeId).toBeNull();
    await until("the notification to the owner", async () =>
      (await mailsTo("agence@vitrine.test")).some((m) => m.text.includes(`/pro/contacts/${lead.id}`)),
    );
    for (const m of team) await owner.json(`/pro/team/${m.id}`, { method: "PUT", json: { active: true } });
  });
});
