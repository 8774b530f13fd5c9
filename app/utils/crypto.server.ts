import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from "node:crypto";
import { env } from "./env.server";

/**
 * Personal data at rest (docs/decisions/005): AES-256-GCM with a random 96-bit IV per value.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` in base64url so the key can be rotated later by version.
 */
let derived: { source: string; encryption: Buffer; blindIndex: Buffer } | null = null;
function keys() {
  const source = env().PII_ENCRYPTION_KEY;
  if (derived?.source === source) return derived;
  const master = Buffer.from(source, "base64");
  derived = {
    source,
    encryption: master,
    // A separate key for blind indexes, so an index never reveals anything about the cipher key.
    blindIndex: Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "vitrine blind index", 32)),
  };
  return derived;
}

export function encryptPII(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys().encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptPII(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) {
    throw new Error("Unrecognised encrypted value");
  }
  const decipher = createDecipheriv("aes-256-gcm", keys().encryption, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function encryptOptionalPII(plaintext: string | null | undefined): string | null {
  return plaintext ? encryptPII(plaintext) : null;
}

export function decryptOptionalPII(stored: string | null | undefined): string | null {
  return stored ? decryptPII(stored) : null;
}

/** Deterministic keyed hash of an e-mail address: lets us count or find rows without the plaintext. */
export function emailBlindIndex(email: string): string {
  return createHmac("sha256", keys().blindIndex).update(email.trim().toLowerCase()).digest("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 } as const;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** scrypt password hash, stored as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const key = await scryptAsync(password, Buffer.from(salt, "base64url"));
  const expected = Buffer.from(hash, "base64url");
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash computed for unknown e-mails so that both login failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomToken());
  return decoyHash;
}

/**
 * One-time link tokens (password reset, invitation): `<row id>.<secret>`. The row is found by its
 * id; only a SHA-256 of the secret is stored and compared in constant time, so neither the
 * database nor response timings reveal a usable token.
 */
export function newLinkToken(id: string): { token: string; secretHash: string } {
  const secret = randomToken(32);
  return { token: `${id}.${secret}`, secretHash: sha256(secret) };
}

export function splitLinkToken(raw: unknown): { id: string; secret: string } | null {
  if (typeof raw !== "string" || raw.length > 200) return null;
  const match = /^([0-9a-f-]{36})\.([\w-]{20,100})$/.exec(raw);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function linkSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(sha256(secret));
  const expected = Buffer.from(storedHash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
