/**
 * The server's own defences (docs/security.md, "Server"): body caps whatever the transfer
 * encoding, origin checks on every unsafe method, sign-in throttling that counts first, proxy hops,
 * IPv6 keys, identity documents, no-store on personal answers, HSTS and session hygiene.
 */
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

let ipCounter = 0;
/** A fresh client address for each visitor, so limits of one test never touch another. */
const freshIp = () => {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};
const visitor = (ip = freshIp()) => new Client(server.baseUrl, { "x-forwarded-for": ip });
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.fr`;

function database(s: TestServer) {
  return new Database(s.env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
}

async function register(client: Client, email = uniqueEmail("pro")) {
  const res = await client.form("/register", {
    companyName: "Agence du Port",
    name: "Camille Martin",
    email,
    password: "un-mot-de-passe-solide",
    kind: "agency",
  });
  expect(res.status).toBe(302);
  return email;
}

/**
 * Streams `total` bytes as a chunked body (no Content-Length) and stops as soon as the server
 * answers. Returns the answer and how many bytes the server let through before it.
 */
function streamChunked(
  s: TestServer,
  pathname: string,
  options: { total: number; headers: Record<string, string> },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; sent: number }> {
  const url = new URL(s.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: pathname,
      method: "POST",
      headers: { origin: s.baseUrl, "transfer-encoding": "chunked", ...options.headers },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d) => (body += d));
      response.on("end", () => {
        answered = true;
        resolve({ status: response.statusCode!, body, headers: response.headers, sent });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      while (!answered && sent < options.total) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          await new Promise<void>((resume) => {
            request.once("drain", resume);
            request.once("response", () => resume());
            request.once("close", resume);
          });
        }
      }
      if (!answered) request.end();
    })();
  });
}

function multipart(parts: number, boundary = "vitrine-test-boundary") {
  const body = Array.from(
    { length: parts },
    (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="field${i}"\r\n\r\nvalue\r\n`,
  ).join("");
  return { body: `${body}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

describe("request bodies are capped whatever their transfer encoding", () => {
  const HUGE = 300 * 1024 * 1024;

  it("cuts an anonymous chunked JSON body at 1 MB with 413 and reads no further", async () => {
    const result = await streamChunked(server, "/api/contact-requests", {
      total: HUGE,
      headers: { "content-type": "application/json", accept: "application/json" },
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "Request body too large: the limit is 1 MB" },
    });
    expect(result.headers.connection).toBe("close");
    // The client could push only what fits in the socket buffers after the cap: far from 300 MB.
    expect(result.sent).toBeLessThan(48 * 1024 * 1024);
    const health = await fetch(server.baseUrl + "/healthz");
    expect(await health.text()).toBe("ok");
  });

  it("answers a chunked form over the cap with a clear page, on every route", async () => {
    for (const pathname of ["/register", "/login", "/contact-requests", "/vehicles/contact"]) {
      const result = await streamChunked(server, pathname, {
        total: HUGE,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "text/html",
          "x-forwarded-for": freshIp(),
        },
      });
      expect(result.status, pathname).toBe(413);
      expect(result.headers["content-type"]).toContain("text/html");
      expect(result.body).toContain("Envoi trop volumineux");
      expect(result.sent).toBeLessThan(48 * 1024 * 1024);
    }
  });

  it("cuts a chunked multipart body sent to a route that takes no upload at 1 MB", async () => {
    const result = await streamChunked(server, "/login", {
      total: HUGE,
      headers: { "content-type": "multipart/form-data; boundary=abc", accept: "application/json" },
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(48 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading it", async () => {
    const url = new URL(server.baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({
        host: url.hostname,
        port: url.port,
        path: "/api/contact-requests",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(HUGE), accept: "application/json" },
      });
      request.on("response", (response) => {
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on("error", reject);
      request.write("{");
    });
    expect(status).toBe(413);
  });

  it("refuses a multipart body of more than 50 parts and accepts 50", async () => {
    const tooMany = multipart(51);
    const refused = await fetch(server.baseUrl + "/login", {
      method: "POST",
      headers: { "content-type": tooMany.type, accept: "application/json", "x-forwarded-for": freshIp() },
      body: tooMany.body,
    });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "Too many parts: a multipart body holds at most 50" },
    });
    const fifty = multipart(50);
    const read = await fetch(server.baseUrl + "/login", {
      method: "POST",
      headers: { "content-type": fifty.type, accept: "application/json", "x-forwarded-for": freshIp() },
      body: fifty.body,
    });
    expect(read.status).toBe(400);
    expect((await read.json()).error.code).toBe("VALIDATION_ERROR");
  });
});

describe("every unsafe method is origin-checked, cookie or not", () => {
  const credentials = { email: "agence@vitrine.test", password: "vitrine-demo" };

  it("refuses login CSRF through a data request with 403 and no session", async () => {
    const res = await fetch(server.baseUrl + "/login?_data=routes%2Flogin", {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(credentials),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-site request refused" } });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("answers a cross-site document post with 403, not Remix's empty 500", async () => {
    const res = await fetch(server.baseUrl + "/login", {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(credentials),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(server.logs()).not.toContain("does not match `origin`");
  });

  it("refuses a cross-site registration and writes nothing", async () => {
    const email = uniqueEmail("csrf");
    const sources: Record<string, string>[] = [
      { origin: "https://attacker.example" },
      { referer: "https://attacker.example/page" },
      { origin: "null" },
    ];
    for (const headers of sources) {
      const res = await fetch(server.baseUrl + "/register?_data=routes%2Fregister", {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": freshIp() },
        body: new URLSearchParams({
          companyName: "Société piégée",
          name: "Victime",
          email,
          password: "un-mot-de-passe-solide",
          kind: "agency",
        }),
        redirect: "manual",
      });
      expect(res.status).toBe(403);
    }
    const db = database(server);
    expect(db.prepare("SELECT COUNT(*) AS n FROM Pro WHERE email = ?").get(email)).toEqual({ n: 0 });
    db.close();
  });

  it("lets programs without Origin, Referer or cookie through, and refuses a foreign Origin even with a bearer token", async () => {
    const anonymous = await fetch(server.baseUrl + "/api/contact-requests", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
      body: JSON.stringify({}),
    });
    expect(anonymous.status).toBe(422);

    const pro = visitor();
    await pro.login("agence@vitrine.test");
    const created = await pro.form("/pro/settings", { intent: "create-token", name: "Intégration" });
    const token = /data-testid="new-token">([^<]+)</.exec(await created.text())![1];
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" };
    const programme = await fetch(server.baseUrl + "/pro/properties", {
      method: "POST",
      headers: bearer,
      body: JSON.stringify({ title: "Jeton sans origine" }),
    });
    expect(programme.status).toBe(400);
    const foreign = await fetch(server.baseUrl + "/pro/properties", {
      method: "POST",
      headers: { ...bearer, origin: "https://attacker.example" },
      body: JSON.stringify({ title: "Jeton d’une autre origine" }),
    });
    expect(foreign.status).toBe(403);
  });
});

describe("sign-in throttling counts each attempt before the password is checked", () => {
  async function attempts(count: number, make: (i: number) => { ip: string; email: string }) {
    return Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const { ip, email } = make(i);
        const res = await visitor(ip).form("/login", { email, password: "pas-le-bon-mot-de-passe" });
        return res.status;
      }),
    );
  }
  const tally = (statuses: number[]) => ({
    401: statuses.filter((s) => s === 401).length,
    429: statuses.filter((s) => s === 429).length,
  });

  it("holds 30 parallel wrong passwords for one account, from 30 addresses, at 10", async () => {
    const email = await register(visitor());
    const statuses = await attempts(30, () => ({ ip: freshIp(), email }));
    expect(tally(statuses)).toEqual({ 401: 10, 429: 20 });
  });

  it("holds 30 parallel wrong passwords from one address, on 30 accounts, at 10", async () => {
    const ip = freshIp();
    const statuses = await attempts(30, (i) => ({ ip, email: `inconnu-${i}-${Date.now()}@example.fr` }));
    expect(tally(statuses)).toEqual({ 401: 10, 429: 20 });
  });

  it("gives the attempt back when the password is right", async () => {
    const ip = freshIp();
    const email = await register(visitor());
    for (let i = 0; i < 9; i += 1) {
      expect((await visitor(ip).form("/login", { email, password: "pas-le-bon-mot-de-passe" })).status).toBe(401);
    }
    expect((await visitor(ip).form("/login", { email, password: "un-mot-de-passe-solide" })).status).toBe(302);
    expect((await visitor(ip).form("/login", { email, password: "pas-le-bon-mot-de-passe" })).status).toBe(401);
    expect((await visitor(ip).form("/login", { email, password: "pas-le-bon-mot-de-passe" })).status).toBe(429);
  });
});

describe("rate limits take their point before the work", () => {
  it("hold 8 parallel vehicle requests from one address at 5, invalid ones costing nothing", async () => {
    const ip = freshIp();
    const body = () => ({
      fullName: "John Smith",
      email: uniqueEmail("john"),
      phone: "+27 21 555 1234",
      province: "Western Cape",
      city: "Cape Town",
      preferredContactMethod: "email",
      selectedVehicles: [{ vehicleId: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000 }],
    });
    const post = (json: unknown) => visitor(ip).json("/api/contact-requests", { method: "POST", json });
    expect((await post({ ...body(), email: "pas-une-adresse" })).status).toBe(422);
    const statuses = await Promise.all(Array.from({ length: 8 }, async () => (await post(body())).status));
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });
});

describe("client addresses", () => {
  const failLogin = (forwardedFor: string) =>
    new Client(server.baseUrl, { "x-forwarded-for": forwardedFor }).form("/login", {
      email: `inconnu-${Math.random().toString(36).slice(2)}@example.fr`,
      password: "pas-le-bon-mot-de-passe",
    });

  it("ignore addresses a client writes on the left of X-Forwarded-For (TRUST_PROXY=1)", async () => {
    const client = freshIp();
    for (let i = 0; i < 10; i += 1) expect((await failLogin(`192.0.2.${i + 1}, ${client}`)).status).toBe(401);
    expect((await failLogin(`192.0.2.200, ${client}`)).status).toBe(429);
  });

  it("key IPv6 clients by their /64", async () => {
    const network = `2001:db8:${(ipCounter += 1).toString(16)}:1`;
    for (let i = 0; i < 10; i += 1) expect((await failLogin(`${network}::${(i + 1).toString(16)}`)).status).toBe(401);
    expect((await failLogin(`${network}:ffff:ffff:ffff:ffff`)).status).toBe(429);
    expect((await failLogin(`${network.replace(/:1$/, ":2")}::1`)).status).toBe(401);
  });
});

describe("TRUST_PROXY=2 behind a TLS-terminating proxy (APP_URL https)", () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({ env: { TRUST_PROXY: "2", APP_URL: "https://vitrine.example" } });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  it("takes the second address from the right, whatever the client adds", async () => {
    const failLogin = (forwardedFor: string) =>
      new Client(proxied.baseUrl, { "x-forwarded-for": forwardedFor }).form("/login", {
        email: `inconnu-${Math.random().toString(36).slice(2)}@example.fr`,
        password: "pas-le-bon-mot-de-passe",
      });
    for (let i = 0; i < 10; i += 1) {
      expect((await failLogin(`198.18.0.${i + 1}, 203.0.113.50, 10.0.0.${i + 1}`)).status).toBe(401);
    }
    expect((await failLogin("198.18.1.1, 203.0.113.50, 10.0.0.99")).status).toBe(429);
    expect((await failLogin("203.0.113.50, 203.0.113.51, 10.0.0.1")).status).toBe(401);
  });

  it("sends HSTS on every response when APP_URL is https", async () => {
    for (const pathname of ["/", "/healthz", "/robots.txt", "/pas-une-page"]) {
      const res = await fetch(proxied.baseUrl + pathname);
      expect(res.headers.get("strict-transport-security"), pathname).toBe("max-age=31536000; includeSubDomains");
    }
    const plain = await fetch(server.baseUrl + "/");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("personal answers are never stored", () => {
  it("carry Cache-Control: no-store on pro and admin pages and JSON", async () => {
    const pro = visitor();
    await pro.login("agence@vitrine.test");
    for (const pathname of ["/pro", "/pro/contacts", "/pro/settings", "/pro?_data=routes%2Fpro"]) {
      const res = await pro.fetch(pathname);
      expect(res.headers.get("cache-control"), pathname).toBe("no-store");
    }
    const json = await pro.json("/pro/contact-requests");
    expect(json.status).toBe(200);
    expect(json.headers.get("cache-control")).toBe("no-store");
    const admin = visitor();
    await admin.login("admin@vitrine.test");
    const identities = await admin.fetch("/admin/identities");
    expect(identities.status).toBe(200);
    expect(identities.headers.get("cache-control")).toBe("no-store");
    const signedOut = await fetch(server.baseUrl + "/pro/settings", { redirect: "manual" });
    expect(signedOut.headers.get("cache-control")).toBe("no-store");
  });
});

describe("sessions and API tokens", () => {
  it("signing in again ends the browser's previous session", async () => {
    const browser = visitor();
    await browser.login("agence@vitrine.test");
    const first = browser.cookies.get("vitrine_session")!;
    await browser.login("agence@vitrine.test");
    expect(browser.cookies.get("vitrine_session")).not.toBe(first);
    const old = await fetch(server.baseUrl + "/pro/contact-requests", {
      headers: { cookie: `vitrine_session=${first}`, accept: "application/json" },
    });
    expect(old.status).toBe(401);
    expect((await browser.json("/pro/contact-requests")).status).toBe(200);
  });

  it("sign out everywhere says tokens stay valid, or revokes them when asked", async () => {
    const email = await register(visitor());
    const pro = visitor();
    await pro.login(email, "un-mot-de-passe-solide");
    const settings = await (await pro.fetch("/pro/settings")).text();
    expect(settings).toContain("Révoquer aussi tous mes jetons d’API");
    expect(settings).toContain("vos jetons d’API restent valides");

    const tokenOf = async (client: Client) => {
      const created = await client.form("/pro/settings", { intent: "create-token", name: "Logiciel" });
      return /data-testid="new-token">([^<]+)</.exec(await created.text())![1];
    };
    const bearerStatus = async (token: string) =>
      (
        await fetch(server.baseUrl + "/pro/settings", {
          headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        })
      ).status;

    const kept = await tokenOf(pro);
    await pro.form("/pro/settings", { intent: "logout-everywhere" });
    expect(await bearerStatus(kept)).toBe(200);

    await pro.login(email, "un-mot-de-passe-solide");
    const revoked = await tokenOf(pro);
    const res = await pro.form("/pro/settings", { intent: "logout-everywhere", revokeTokens: "on" });
    expect(res.status).toBe(302);
    expect(await bearerStatus(revoked)).toBe(401);
    expect(await bearerStatus(kept)).toBe(401);
  });
});

describe("identity documents", () => {
  async function png(options: { width: number; height: number; sixteenBits?: boolean }) {
    const image = sharp({
      create: { width: options.width, height: options.height, channels: 3, background: { r: 200, g: 180, b: 40 } },
    });
    return (options.sixteenBits ? image.toColourspace("rgb16") : image).png({ compressionLevel: 9 }).toBuffer();
  }
  const upload = (client: Client, bytes: Buffer) => {
    const form = new FormData();
    form.append("document", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "cni.png");
    return client.fetch("/pro/identity", { method: "POST", body: form });
  };

  it("are stored readable by the server's user only and served to admins as attachments", async () => {
    const client = visitor();
    const email = await register(client);
    expect((await upload(client, await png({ width: 300, height: 200 }))).status).toBe(302);
    const db = database(server);
    const row = db.prepare("SELECT id, identityDocPath FROM Pro WHERE email = ?").get(email) as {
      id: string;
      identityDocPath: string;
    };
    db.close();
    const root = server.env.PRIVATE_DIR;
    const file = path.join(root, row.identityDocPath);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    for (const folder of [root, path.join(root, "identity"), path.dirname(file), path.join(root, "tmp")]) {
      expect(fs.statSync(folder).mode & 0o777, folder).toBe(0o700);
    }

    const admin = visitor();
    await admin.login("admin@vitrine.test");
    const res = await admin.fetch(`/admin/identities/${row.id}/document`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="piece-identite-${row.id}.png"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("decode within bounded memory, six large 16-bit images at once", async () => {
    const bomb = await png({ width: 6000, height: 6000, sixteenBits: true });
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const client = visitor();
        await register(client);
        return client;
      }),
    );
    const before = memoryBytes(server.pid(), "VmRSS");
    const statuses = await Promise.all(clients.map(async (client) => (await upload(client, bomb)).status));
    expect(statuses).toEqual([302, 302, 302, 302, 302, 302]);
    // Each image is 6000 × 6000 × 3 × 2 bytes = 216 MB as a bitmap: six decoded whole would add over 1 GB.
    expect(memoryBytes(server.pid(), "VmHWM") - before).toBeLessThan(300 * 1024 * 1024);
  });

  it("are limited per address, and so are registrations", async () => {
    const ip = freshIp();
    const client = visitor(ip);
    await register(client);
    const junk = Buffer.from("pas une image");
    for (let i = 0; i < 20; i += 1) expect((await upload(client, junk)).status).toBe(400);
    const limited = await upload(client, junk);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);

    const registrations = freshIp();
    for (let i = 0; i < 10; i += 1) await register(visitor(registrations));
    const refused = await visitor(registrations).form("/register", {
      companyName: "Agence de trop",
      name: "Camille Martin",
      email: uniqueEmail("trop"),
      password: "un-mot-de-passe-solide",
      kind: "agency",
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Trop de comptes créés depuis cette adresse");
  });
});

/** The process's resident memory now (VmRSS) or at its peak (VmHWM): bounds that need no timing. */
function memoryBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`))!;
  return Number.parseInt(line.slice(field.length + 1).trim(), 10) * 1024;
}
