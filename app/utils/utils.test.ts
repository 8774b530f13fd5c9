import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptPII, emailBlindIndex, encryptPII, hashPassword, verifyPassword } from "./crypto.server";
import { EnvError, parseEnv } from "./env.server";
import { decodeCursor, DomainError, encodeCursor, parsePageParams, wantsJson } from "./http.server";
import { addressKey } from "./rate-limit.server";
import { safeRedirect } from "./session.server";

describe("environment", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/vitrine.db");
    expect(env.ANONYMITY_WINDOW_SECONDS).toBe(1800);
    expect(env.SEED).toBe("demo");
    expect(env.TRUST_PROXY).toBe(0);
  });

  it("reads TRUST_PROXY as a number of hops and refuses anything else", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    for (const value of ["true", "yes", "-1", "1.5"]) {
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrowError(
        /TRUST_PROXY: must be the number of trusted proxy hops/,
      );
    }
  });

  it("names every malformed value", () => {
    expect(() => parseEnv({ PORT: "eighty", PII_ENCRYPTION_KEY: "short", SEED: "lots" })).toThrowError(EnvError);
    try {
      parseEnv({ PORT: "eighty", PII_ENCRYPTION_KEY: "short", SMTP_URL: "mail.example.com" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("PII_ENCRYPTION_KEY: must be 32 bytes encoded in base64");
      expect(message).toContain("SMTP_URL");
    }
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ PORT: "", SMTP_URL: "" }).PORT).toBe(3000);
  });

  it("generates missing secrets once and reuses them", async () => {
    const dataDir = path.join(process.env.DATA_DIR!, "secrets-test");
    const { env } = await import("./env.server");
    void env;
    // A separate module instance with secrets unset, pointing at a fresh folder.
    const saved = { ...process.env };
    try {
      delete process.env.SESSION_SECRET;
      delete process.env.PII_ENCRYPTION_KEY;
      process.env.DATA_DIR = dataDir;
      const first = await import("./env.server?first" as string);
      const a = first.env();
      const second = await import("./env.server?second" as string);
      const b = second.env();
      expect(a.SESSION_SECRET).toBe(b.SESSION_SECRET);
      expect(Buffer.from(a.PII_ENCRYPTION_KEY, "base64")).toHaveLength(32);
      const stored = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
      expect(stored.PII_ENCRYPTION_KEY).toBe(a.PII_ENCRYPTION_KEY);
      expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o077).toBe(0);
    } finally {
      Object.assign(process.env, saved);
    }
  });
});

describe("PII encryption", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const a = encryptPII("Jeanne Dupont");
    const b = encryptPII("Jeanne Dupont");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Jeanne");
    expect(decryptPII(a)).toBe("Jeanne Dupont");
    expect(decryptPII(b)).toBe("Jeanne Dupont");
  });

  it("refuses a tampered value", () => {
    const value = encryptPII("+33612345678");
    const parts = value.split(".");
    const ct = Buffer.from(parts[3], "base64url");
    ct[0] ^= 1;
    parts[3] = ct.toString("base64url");
    expect(() => decryptPII(parts.join("."))).toThrow();
  });

  it("indexes e-mails blindly and case-insensitively", () => {
    expect(emailBlindIndex("Sarah@Example.com ")).toBe(emailBlindIndex("sarah@example.com"));
    expect(emailBlindIndex("sarah@example.com")).not.toContain("sarah");
    expect(emailBlindIndex("a@example.com")).not.toBe(emailBlindIndex("b@example.com"));
  });
});

describe("passwords", () => {
  it("hashes with scrypt and verifies", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong password!", hash)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
});

describe("content negotiation", () => {
  const req = (headers: Record<string, string>) => new Request("http://x/", { headers });
  it("answers JSON to JSON bodies and JSON-preferring clients", () => {
    expect(wantsJson(req({ "content-type": "application/json" }))).toBe(true);
    expect(wantsJson(req({ accept: "application/json" }))).toBe(true);
    expect(wantsJson(req({ accept: "text/html;q=0.5, application/json" }))).toBe(true);
  });
  it("answers HTML to browsers and unspecific clients", () => {
    expect(wantsJson(req({}))).toBe(false);
    expect(wantsJson(req({ accept: "*/*" }))).toBe(false);
    expect(wantsJson(req({ accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }))).toBe(false);
  });
});

describe("cursor pagination", () => {
  it("round-trips a cursor", () => {
    const row = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id: "abc" };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
  });
  it("rejects bad cursors and limits with VALIDATION_ERROR details", () => {
    for (const query of ["limit=0", "limit=101", "limit=abc", "limit=2.5", "cursor=%%%", "cursor=bm90LWpzb24"]) {
      try {
        parsePageParams(new URL(`http://x/?${query}`));
        expect.unreachable(query);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe("VALIDATION_ERROR");
        expect((error as DomainError).details?.length).toBeGreaterThan(0);
      }
    }
    expect(parsePageParams(new URL("http://x/")).limit).toBe(20);
    expect(parsePageParams(new URL("http://x/?limit=100")).limit).toBe(100);
  });
});

describe("safeRedirect", () => {
  it("keeps local paths only", () => {
    expect(safeRedirect("/pro/properties?x=1")).toBe("/pro/properties?x=1");
    expect(safeRedirect("//evil.example")).toBe("/pro");
    expect(safeRedirect("https://evil.example")).toBe("/pro");
    expect(safeRedirect("/\\evil.example")).toBe("/pro");
    expect(safeRedirect(undefined, "/")).toBe("/");
  });
});

describe("rate-limit keys", () => {
  it("keep IPv4 addresses and key IPv6 ones by their /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("1::2:3:4:5:6:7")).toBe("1:0:2:3::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
