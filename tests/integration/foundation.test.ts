import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: "demo", env: { TRUST_PROXY: "1" } });
});
afterAll(async () => {
  await server?.stop();
});

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.fr`;

async function register(client: Client, email = uniqueEmail("pro")) {
  const res = await client.form("/register", {
    companyName: "Agence du Port",
    name: "Camille Martin",
    email,
    password: "un-mot-de-passe-solide",
    kind: "agency",
  });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe("/pro/identity");
  return email;
}

function multipartWith(name: string, filename: string, type: string, bytes: Buffer) {
  const form = new FormData();
  form.append(name, new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

describe("site layout and headers", () => {
  it("renders the French home page with a nonce-based CSP that matches the scripts", async () => {
    const res = await fetch(server.baseUrl + "/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("Annonces");
    expect(html).toContain("Programmes neufs");
    expect(html).toContain("Dernières annonces");
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const second = await fetch(server.baseUrl + "/");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("answers unknown API paths and unknown pages with a 404", async () => {
    const api = await fetch(server.baseUrl + "/api/nothing-here", { method: "POST" });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "NOT_FOUND", message: "Unknown API endpoint" } });
    const page = await fetch(server.baseUrl + "/pas-une-page");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Page introuvable");
    const json = await fetch(server.baseUrl + "/pas-une-page", { headers: { accept: "application/json" } });
    expect(json.status).toBe(404);
    expect((await json.json()).error.code).toBe("NOT_FOUND");
  });

  it("sends the browser build's scripts as compressed at build time, with their caching headers", async () => {
    // The page names its scripts; the framework's chunk is the largest.
    const home = await (await fetch(server.baseUrl + "/")).text();
    const scripts = [...home.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(3);
    const fileOf = (url: string) => path.resolve("public", url.slice(1));
    const [url] = scripts.sort((a, b) => fs.statSync(fileOf(b)).size - fs.statSync(fileOf(a)).size);
    const file = fileOf(url);

    const brotli = await rawGet(url, { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.status).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]?.toLowerCase()).toBe("text/javascript; charset=utf-8");
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotli.headers.vary).toBe("Accept-Encoding");
    expect(brotli.body.equals(fs.readFileSync(`${file}.br`))).toBe(true);
    expect(brotli.body.length).toBeLessThan(fs.statSync(file).size / 3);

    const gzip = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(fs.readFileSync(`${file}.gz`))).toBe(true);

    const plain = await rawGet(url, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(fs.readFileSync(file))).toBe(true);

    const revalidated = await rawGet(url, { "accept-encoding": "br", "if-none-match": String(brotli.headers.etag) });
    expect(revalidated.status).toBe(304);

    const missing = await rawGet("/build/_shared/chunk-NOTHERE.js", { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
  });

  it("serves public/'s own files for an hour, and nothing below or beside them", async () => {
    const icon = await rawGet("/favicon.svg", {});
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
    expect(icon.body.equals(fs.readFileSync("public/favicon.svg"))).toBe(true);
    // A path under a file, a dotfile, and the server's own files are not public/'s entries.
    for (const url of ["/favicon.svg/x", "/.env", "/server.ts", "/package.json"]) {
      const res = await rawGet(url, {});
      expect(res.status, url).toBe(404);
      expect(res.body.toString(), url).not.toContain('"dependencies"');
    }
  });

  it("does not leak the query string into the request log", async () => {
    await fetch(server.baseUrl + "/properties?city=secret-value@example.com");
    await new Promise((r) => setTimeout(r, 100));
    expect(server.logs()).not.toContain("secret-value@example.com");
  });
});

describe("authentication", () => {
  it("redirects pages and answers 401 to JSON when signed out", async () => {
    const page = await fetch(server.baseUrl + "/pro/settings", { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fpro%2Fsettings");
    const json = await fetch(server.baseUrl + "/pro", { headers: { accept: "application/json" } });
    expect(json.status).toBe(401);
    expect(await json.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Authentication required" } });
  });

  it("gives the same answer for a wrong password and an unknown e-mail", async () => {
    const client = new Client(server.baseUrl, { "x-forwarded-for": "198.51.100.1" });
    const wrongPassword = await client.form("/login", { email: "agence@vitrine.test", password: "pas-le-bon-mdp" });
    const unknown = await client.form("/login", { email: "personne@vitrine.test", password: "pas-le-bon-mdp" });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrongPassword.text();
    const b = await unknown.text();
    expect(a).toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(b).toContain("Adresse e-mail ou mot de passe incorrect.");
  });

  it("shows field errors and keeps what was typed", async () => {
    const client = new Client(server.baseUrl);
    const res = await client.form("/register", {
      companyName: "A",
      name: "",
      email: "pas-un-email",
      password: "court",
      kind: "boulangerie",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Le nom de la société doit contenir au moins 2 caractères.");
    expect(html).toContain("Adresse e-mail invalide.");
    expect(html).toContain("Le mot de passe doit contenir au moins 10 caractères.");
    expect(html).toContain("Choisissez votre activité.");
    expect(html).toContain('value="pas-un-email"');
  });

  it("refuses a second account with the same e-mail", async () => {
    const email = await register(new Client(server.baseUrl));
    const again = await new Client(server.baseUrl).form("/register", {
      companyName: "Autre",
      name: "Autre Nom",
      email: email.toUpperCase(),
      password: "un-mot-de-passe-solide",
      kind: "agency",
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Un compte existe déjà avec cette adresse e-mail.");
  });

  it("throttles sign-in after 10 failures for an account", async () => {
    const client = new Client(server.baseUrl, { "x-forwarded-for": "198.51.100.7" });
    const email = await register(new Client(server.baseUrl));
    for (let i = 0; i < 10; i++) {
      const res = await client.form("/login", { email, password: "mauvais-mot-de-passe" });
      expect(res.status).toBe(401);
    }
    const blocked = await client.form("/login", { email, password: "un-mot-de-passe-solide" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Trop de tentatives de connexion");
  });

  it("follows only local redirectTo targets", async () => {
    const client = new Client(server.baseUrl);
    const res = await client.form("/login", {
      email: "agence@vitrine.test",
      password: "vitrine-demo",
      redirectTo: "https://evil.example/",
    });
    // Another host is refused with a field error (SPEC: an unusual redirectTo is a clear 4xx).
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    const local = await new Client(server.baseUrl).form("/login", {
      email: "agence@vitrine.test",
      password: "vitrine-demo",
      redirectTo: "/pro/settings",
    });
    expect(local.headers.get("location")).toBe("/pro/settings");
    expect(local.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(local.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
  });

  it("signs out, and signs out everywhere", async () => {
    const a = new Client(server.baseUrl);
    const b = new Client(server.baseUrl);
    await a.login("promoteur@vitrine.test");
    await b.login("promoteur@vitrine.test");
    expect((await a.fetch("/pro")).status).toBe(200);
    const out = await a.fetch("/logout", { method: "POST" });
    expect(out.status).toBe(302);
    expect((await a.fetch("/pro")).status).toBe(302);
    expect((await b.fetch("/pro")).status).toBe(200);

    const c = new Client(server.baseUrl);
    await c.login("promoteur@vitrine.test");
    const everywhere = await c.form("/pro/settings", { intent: "logout-everywhere" });
    expect(everywhere.status).toBe(302);
    expect((await b.fetch("/pro")).status).toBe(302);
  });

  it("refuses a cross-site form post and writes nothing", async () => {
    const client = new Client(server.baseUrl);
    await client.login("agence@vitrine.test");
    const res = await client.form(
      "/pro/settings",
      { intent: "create-token", name: "Jeton pirate" },
      {
        headers: { origin: "https://evil.example" },
      },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    const page = await (await client.fetch("/pro/settings")).text();
    expect(page).not.toContain("Jeton pirate");
  });
});

describe("API tokens", () => {
  it("are shown once, accepted as bearer tokens, and revocable", async () => {
    const client = new Client(server.baseUrl);
    await client.login("agence@vitrine.test");
    const created = await client.form("/pro/settings", { intent: "create-token", name: "Logiciel métier" });
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = /(vtr_[\w-]{20,})/.exec(html)![1];

    const api = new Client(server.baseUrl, { authorization: `Bearer ${secret}` });
    const ok = await api.json("/pro/properties");
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.length).toBeGreaterThan(0);

    const settings = await (await client.fetch("/pro/settings")).text();
    expect(settings).not.toContain(secret);
    const tokenId = /name="tokenId" value="([^"]+)"/.exec(settings)![1];
    await client.form("/pro/settings", { intent: "revoke-token", tokenId });
    const revoked = await api.json("/pro/properties");
    expect(revoked.status).toBe(401);
    const garbage = await new Client(server.baseUrl, { authorization: "Bearer vtr_nope" }).json("/pro/properties");
    expect(garbage.status).toBe(401);
  });
});

describe("identity gate", () => {
  it("holds a new pro until an admin approves the document they upload", async () => {
    const pro = new Client(server.baseUrl);
    await register(pro);
    // Gated: pages go to /pro/identity, JSON gets CNI_REQUIRED.
    const gated = await pro.fetch("/pro");
    expect(gated.headers.get("location")).toBe("/pro/identity");
    const json = await pro.json("/pro");
    expect(json.status).toBe(403);
    expect((await json.json()).error.code).toBe("CNI_REQUIRED");

    const privateDir = server.env.PRIVATE_DIR;
    const filesBefore = listFiles(privateDir);

    // A text file named like an image is refused and nothing is stored.
    const fake = await pro.fetch("/pro/identity", {
      method: "POST",
      body: multipartWith("document", "cni.jpg", "image/jpeg", Buffer.from("not really a picture")),
    });
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("Le fichier doit être une image JPEG, PNG, WebP ou un PDF valide.");
    // A truncated JPEG is refused too.
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#8899aa" } })
      .jpeg()
      .toBuffer();
    const truncated = await pro.fetch("/pro/identity", {
      method: "POST",
      body: multipartWith("document", "cni.jpg", "image/jpeg", jpeg.subarray(0, jpeg.length / 2)),
    });
    expect(truncated.status).toBe(400);
    expect(listFiles(privateDir)).toEqual(filesBefore);
    expect(await (await pro.fetch("/pro/identity")).text()).toContain("fournit une pièce d’identité");

    // A real PNG is accepted: pending.
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const sent = await pro.fetch("/pro/identity", {
      method: "POST",
      body: multipartWith("document", "scan.bin", "application/octet-stream", png),
    });
    expect(sent.status).toBe(302);
    expect(await (await pro.fetch("/pro/identity")).text()).toContain("en cours de vérification");
    const stored = listFiles(privateDir).filter((f) => !filesBefore.includes(f));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/identity\/.+\.png$/);
    // Not under the public uploads.
    expect(stored[0].startsWith(path.resolve(server.env.UPLOADS_DIR))).toBe(false);

    // The admin sees it and can open the document; the pro cannot.
    const admin = new Client(server.baseUrl);
    await admin.login("admin@vitrine.test");
    const list = await (await admin.fetch("/admin/identities")).text();
    expect(list).toContain("Agence du Port");
    const proId = /\/admin\/identities\/([0-9a-f-]{36})\/document/.exec(list)![1];
    const doc = await admin.fetch(`/admin/identities/${proId}/document`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get("content-type")).toBe("image/png");
    expect(doc.headers.get("cache-control")).toContain("no-store");
    expect(Buffer.from(await doc.arrayBuffer()).equals(png)).toBe(true);
    expect((await pro.fetch(`/admin/identities/${proId}/document`)).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/admin/identities/${proId}/document`, { redirect: "manual" })).status).toBe(
      302,
    );

    // Rejection needs a reason; then approval after a new upload.
    const noReason = await admin.form("/admin/identities", { intent: "reject", proId, reason: "" });
    expect(noReason.status).toBe(400);
    const rejected = await admin.form("/admin/identities", { intent: "reject", proId, reason: "Document illisible" });
    expect(rejected.status).toBe(200);
    expect(await (await pro.fetch("/pro/identity")).text()).toContain("Document illisible");

    await pro.fetch("/pro/identity", { method: "POST", body: multipartWith("document", "cni.png", "image/png", png) });
    // The replaced document's file is gone: one document per pro.
    expect(listFiles(privateDir).filter((f) => f.includes(proId))).toHaveLength(1);
    const approved = await admin.form("/admin/identities", { intent: "approve", proId });
    expect(approved.status).toBe(200);
    const dashboard = await pro.fetch("/pro");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Bonjour Camille Martin");
  });

  it("keeps pros out of the admin pages", async () => {
    const pro = new Client(server.baseUrl);
    await pro.login("agence@vitrine.test");
    expect((await pro.fetch("/admin/identities")).status).toBe(403);
    expect((await pro.json("/admin/identities")).status).toBe(403);
  });
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !path.relative(dir, file).startsWith(`tmp${path.sep}`))
    .sort();
}

describe("unexpected errors", () => {
  it("answer 500 with an errorId, log the details, and never show a stack trace", async () => {
    // A row that cannot be decrypted (e.g. written under another key) makes the inbox fail.
    const file = server.env.DATABASE_URL.replace(/^file:/, "");
    const sqlite = new Database(file);
    const garage = sqlite.prepare("SELECT id FROM Pro WHERE email = ?").get("garage@vitrine.test") as { id: string };
    sqlite
      .prepare(
        `INSERT INTO ContactRequest (id, propertyId, proId, propertyTitle, senderNameEnc, senderEmailEnc, senderPhoneEnc, messageEnc, status, createdAt, updatedAt)
         SELECT 'broken-row', propertyId, ?, propertyTitle, 'v1.AAAA.BBBB.CCCC', senderEmailEnc, NULL, messageEnc, status, createdAt, updatedAt
         FROM ContactRequest LIMIT 1`,
      )
      .run(garage.id);
    sqlite.close();

    const client = new Client(server.baseUrl);
    await client.login("garage@vitrine.test");
    const json = await client.json("/pro/contact-requests");
    expect(json.status).toBe(500);
    const body = await json.json();
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.errorId).toMatch(/^ERR-/);
    expect(JSON.stringify(body)).not.toMatch(/at |\.ts:|stack/i);

    const page = await client.fetch("/pro/contacts");
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain("Une erreur est survenue");
    expect(html).not.toMatch(/at [A-Za-z]+ \(|\.server\.ts/);

    await new Promise((r) => setTimeout(r, 100));
    expect(server.logs()).toContain(body.error.errorId);
  });
});

/** A GET whose body is returned as sent, without the decompression fetch applies. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(server.baseUrl + url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}
