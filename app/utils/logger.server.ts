import { env } from "./env.server";

/**
 * A tiny structured logger: one JSON line per event, `info` on stdout, `warn` and `error` on stderr,
 * filtered by `LOG_LEVEL` (`silent|error|warn|info`).
 *
 * Logs must never hold personal data (SPEC "no PII in logs"). Callers pass ids, types, counts,
 * statuses and durations only — never a name, e-mail address, phone number, message body, query
 * string or request body. When in doubt, log the row's id and let an admin look it up.
 */

export type LogLevel = "error" | "warn" | "info";
export type LogFields = Record<string, unknown>;

const rank: Record<LogLevel | "silent", number> = { silent: 0, error: 1, warn: 2, info: 3 };

function threshold(): number {
  let level: string | undefined;
  try {
    level = env().LOG_LEVEL;
  } catch {
    // A broken environment is reported by whoever loads it; logging keeps working meanwhile.
    level = process.env.LOG_LEVEL;
  }
  return rank[(level ?? "info") as keyof typeof rank] ?? rank.info;
}

/** Errors serialise as `{}` by default; keep their name and message (and code, e.g. ECONNREFUSED). */
function replacer(_key: string, value: unknown) {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

function write(level: LogLevel, message: string, fields?: LogFields) {
  if (rank[level] > threshold()) return;
  let line: string;
  try {
    line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }, replacer);
  } catch {
    // Circular structures and the like: the event itself still gets out.
    line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, fieldsError: true });
  }
  (level === "info" ? process.stdout : process.stderr).write(line + "\n");
}

export const log = {
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};
