import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const base64Key32 = z.string().refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Z0-9+/]+={0,2}$/i.test(v), {
  message: "must be 32 bytes encoded in base64 (e.g. `openssl rand -base64 32`)",
});

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(
      /^(?:file:|postgres(?:ql)?:\/\/).+/,
      "must be a SQLite URL such as file:./data/vitrine.db or a PostgreSQL URL such as postgresql://user:password@host:5432/vitrine",
    )
    .default("file:./data/vitrine.db"),
  /// PostgreSQL connections per process (SQLite uses one).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /// Worker processes `npm start` runs, one per core at most (docs/decisions/025).
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  UPLOADS_DIR: z.string().min(1).default("./uploads"),
  /// Identity documents live here, outside the public uploads.
  PRIVATE_DIR: z.string().min(1).default("./data/private"),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PII_ENCRYPTION_KEY: base64Key32.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Vitrine <no-reply@vitrine.test>"),
  MAIL_OUTBOX_DIR: z.string().min(1).default("./data/mail"),
  APP_URL: z.string().url("must be an absolute URL such as https://vitrine.example").optional(),
  ANONYMITY_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600)
    .default(1800),
  /// A lead still new this long after it arrived triggers a reminder e-mail (SPEC "Lead follow-up").
  LEAD_REMINDER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .default(1800),
  /// Then one more reminder per period while it stays new.
  LEAD_REMINDER_REPEAT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365 * 24 * 3600)
    .default(86400),
  SEED: z.enum(["demo", "none"]).default("demo"),
  /// The number of trusted proxy hops in front of the app (SPEC "Scale-out"); 0 or unset: none.
  TRUST_PROXY: z.coerce
    .number({ error: "must be the number of trusted proxy hops, e.g. 1" })
    .int("must be the number of trusted proxy hops, e.g. 1")
    .min(0, "must be the number of trusted proxy hops, e.g. 1")
    .max(10, "more than 10 proxy hops is surely a mistake")
    .default(0),
  RATE_LIMIT_DISABLED: booleanFlag.default(false),
  /// Whether this process runs the job worker (off in all but one process of a cluster).
  JOB_WORKER: booleanFlag.default(true),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /// How long a database write may wait for a lock held by another process before a 503.
  DB_BUSY_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(4000),
  LOG_LEVEL: z.enum(["silent", "error", "warn", "info"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema> & {
  SESSION_SECRET: string;
  PII_ENCRYPTION_KEY: string;
  /// Key used for blind indexes (HMAC), derived from the PII key.
  APP_URL: string;
};

export class EnvError extends Error {}

/** Empty strings count as unset so that `FOO= npm start` behaves like no FOO. */
function cleaned(source: Record<string, string | undefined>) {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof EnvSchema> {
  const result = EnvSchema.safeParse(cleaned(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * Secrets that are not set are generated once into DATA_DIR/secrets.json and reused, so a
 * fresh clone starts without configuration. Real deployments set them (README).
 */
function loadOrCreateSecrets(dataDir: string, wanted: { SESSION_SECRET?: string; PII_ENCRYPTION_KEY?: string }) {
  if (wanted.SESSION_SECRET && wanted.PII_ENCRYPTION_KEY) {
    return { SESSION_SECRET: wanted.SESSION_SECRET, PII_ENCRYPTION_KEY: wanted.PII_ENCRYPTION_KEY };
  }
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Record<"SESSION_SECRET" | "PII_ENCRYPTION_KEY", string>> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = false;
  if (!stored.SESSION_SECRET) {
    stored.SESSION_SECRET = randomBytes(32).toString("base64url");
    changed = true;
  }
  if (!stored.PII_ENCRYPTION_KEY) {
    stored.PII_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    // Written whole under a temporary name, then linked into place only if no other process
    // (two instances starting together) got there first: theirs wins, and both use the same keys.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    try {
      if (fs.existsSync(file)) fs.renameSync(temp, file);
      else fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      stored = JSON.parse(fs.readFileSync(file, "utf8"));
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const generated = [
    !wanted.SESSION_SECRET && "SESSION_SECRET",
    !wanted.PII_ENCRYPTION_KEY && "PII_ENCRYPTION_KEY",
  ].filter(Boolean);
  if (generated.length && process.env.NODE_ENV !== "test") {
    console.warn(
      `[vitrine] ${generated.join(" and ")} not set: using the value stored in ${file}. Set them in production.`,
    );
  }
  return {
    SESSION_SECRET: wanted.SESSION_SECRET ?? stored.SESSION_SECRET!,
    PII_ENCRYPTION_KEY: wanted.PII_ENCRYPTION_KEY ?? stored.PII_ENCRYPTION_KEY!,
  };
}

function load(): Env {
  const parsed = parseEnv(process.env);
  const secrets = loadOrCreateSecrets(parsed.DATA_DIR, parsed);
  return {
    ...parsed,
    ...secrets,
    APP_URL: parsed.APP_URL ?? `http://localhost:${parsed.PORT}`,
  };
}

let cached: Env | undefined;

/** The validated environment, read once. */
export function env(): Env {
  cached ??= load();
  return cached;
}
