import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { startServer, type TestServer } from "../helpers/server";

/**
 * The anonymous page cache (docs/decisions/043) against two real instances sharing one database:
 * hits keep a fresh CSP nonce, signed-in visitors never get a cached page, and a change through
 * either instance shows at once through both.
 */
let first: TestServer;
let second: TestServer;
let agence: Client;

const SHARED = [
  "DATABASE_URL",
  "UPLOADS_DIR",
  "PRIVATE_DIR",
  "DATA_DIR",
  "MAIL_OUTBOX_DIR",
  "SESSION_SECRET",
  "PII_ENCRYPTION_KEY",
];

beforeAll(async () => {
  first = await startServer({ seed: "demo" });
  second = await startServer({
    env: Object.fromEntries(SHARED.map((name) => [name, first.env[name]])),
  });
  agence = new Client(first.baseUrl);
  await agence.login("agence@vitrine.test");
}, 180_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

const cspNonce = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
const bodyNonces = (html: string) => [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);

async function anonymous(server: TestServer, path: string, headers: Record<string, string> = {}) {
  return fetch(server.baseUrl + path, { headers: { "accept-encoding": "identity", ...headers } });
}

async function rawBody(server: TestServer, path: string, encoding: string) {
  const { request } = await import("node:http");
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(server.baseUrl + path, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function untilHit(server: TestServer, path: string) {
  for (let i = 0; i < 50; i++) {
    const res = await anonymous(server, path);
    await res.arrayBuffer();
    if (res.headers.get("x-cache") === "HIT") return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} never came from the cache`);
}

describe("anonymous page cache", () => {
  it("serves a hit with a fresh nonce in both the CSP header and the page", async () => {
    await untilHit(first, "/properties?city=Lyon");
    const a = await anonymous(first, "/properties?city=Lyon");
    const b = await anonymous(first, "/properties?city=Lyon");
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    expect(a.headers.get("x-cache")).toBe("HIT");
    expect(b.headers.get("x-cache")).toBe("HIT");
    const [nonceA, nonceB] = [cspNonce(a), cspNonce(b)];
    expect(nonceA).toBeTruthy();
    expect(nonceA).not.toBe(nonceB);
    expect(new Set(bodyNonces(htmlA))).toEqual(new Set([nonceA]));
    expect(new Set(bodyNonces(htmlB))).toEqual(new Set([nonceB]));
    expect(htmlA.split(nonceA!).join("N")).toBe(htmlB.split(nonceB!).join("N"));
    expect(a.headers.get("cache-control")).toContain("s-maxage=");
    expect(a.headers.get("cache-control")).toContain("stale-while-revalidate=");
  });

  it("stores a page from its second request on, not a URL asked for once", async () => {
    const path = "/properties?city=Marseille&rooms=2";
    const states: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await anonymous(first, path);
      await res.text();
      states.push(res.headers.get("x-cache"));
    }
    expect(states).toEqual(["MISS", "MISS"]);
    await untilHit(first, path);
  });

  it("normalizes the query: the same filters in another order share one entry", async () => {
    await untilHit(first, "/properties?type=appartement&city=Paris");
    const res = await anonymous(first, "/properties?city=Paris&type=appartement");
    expect(res.headers.get("x-cache")).toBe("HIT");
  });

  it("stores brotli and gzip variants that decode to the page with the response's nonce", async () => {
    await untilHit(first, "/");
    for (const encoding of ["br", "gzip"]) {
      const { headers, body } = await rawBody(first, "/", encoding);
      expect(headers["x-cache"]).toBe("HIT");
      expect(headers["content-encoding"]).toBe(encoding);
      const html = (encoding === "br" ? zlib.brotliDecompressSync(body) : zlib.gunzipSync(body)).toString();
      const nonce = /'nonce-([^']+)'/.exec(String(headers["content-security-policy"]))?.[1];
      expect(html).toContain("</html>");
      expect(new Set(bodyNonces(html))).toEqual(new Set([nonce]));
    }
  });

  it("answers a revalidation with 304 and no CSP that would replace the kept page's", async () => {
    await untilHit(first, "/programmes");
    const hit = await anonymous(first, "/programmes");
    await hit.text();
    const etag = hit.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const revalidated = await anonymous(first, "/programmes", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("content-security-policy")).toBeNull();
    expect(await revalidated.text()).toBe("");
  });

  it("never serves a cached page to a signed-in pro, nor caches theirs", async () => {
    await untilHit(first, "/properties");
    const signedIn = await agence.fetch("/properties");
    const html = await signedIn.text();
    expect(signedIn.headers.get("x-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control") ?? "").not.toContain("public");
    expect(html).toContain("Se déconnecter");
    const visitor = await anonymous(first, "/properties");
    expect(await visitor.text()).not.toContain("Se déconnecter");
  });

  it("never answers JSON or a request with any cookie from the cache", async () => {
    await untilHit(first, "/vehicles");
    const withCookie = await anonymous(first, "/vehicles", { cookie: "vitrine_viewer=x" });
    expect(withCookie.headers.get("x-cache")).toBeNull();
    const json = await anonymous(first, "/vehicles", { accept: "application/json" });
    expect(json.headers.get("x-cache")).toBeNull();
  });

  it("shows a change made through one instance at once through both", async () => {
    const list = await agence.json("/pro/properties?limit=50");
    const { data } = (await list.json()) as { data: { id: string; slug: string; status: string; title: string }[] };
    const listing = data.find((p) => p.status === "active")!;
    const path = `/properties/${listing.slug}`;
    await untilHit(first, path);
    await untilHit(second, path);

    const title = `Appartement rénové ${Date.now()}`;
    const saved = await agence.json(`/pro/properties/${listing.id}`, { method: "PUT", json: { title } });
    expect(saved.status).toBe(200);

    for (const server of [second, first]) {
      const page = await anonymous(server, path);
      expect(page.headers.get("x-cache")).not.toBe("HIT");
      expect(await page.text()).toContain(title);
    }

    // Withdrawn from sale: the public page is gone at once on both instances.
    await untilHit(second, path);
    const drafted = await agence.json(`/pro/properties/${listing.id}`, { method: "PUT", json: { status: "draft" } });
    expect(drafted.status).toBe(200);
    expect((await anonymous(second, path)).status).toBe(404);
    expect((await anonymous(first, path)).status).toBe(404);
  });
});
