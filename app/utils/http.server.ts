import { json } from "@remix-run/node";
import { z } from "zod";
import { DomainError, STATUS_OF, unreadableBody, type ErrorCode, type FieldIssue } from "./errors";
import { isDigits, isJsonMediaType, isStorableText, mediaTypeOf } from "./input";

/**
 * One route serves a page and the SPEC's JSON (docs/decisions/002). A request is a JSON request
 * when its body is JSON or its Accept header prefers application/json to text/html.
 */
export function wantsJson(request: Request): boolean {
  if (isJsonMediaType(request.headers.get("content-type"))) return true;
  const accept = request.headers.get("accept");
  if (!accept) return false;
  return quality(accept, "application/json") > quality(accept, "text/html");
}

function quality(accept: string, type: string): number {
  const [major] = type.split("/");
  let best = 0;
  let bestSpecificity = -1;
  for (const part of accept.split(",")) {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === "*/*" ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    if (specificity > bestSpecificity || value > best) {
      best = Number.isFinite(value) ? value : 0;
      bestSpecificity = specificity;
    }
  }
  return best;
}

export { DomainError, STATUS_OF, type ErrorCode, type FieldIssue } from "./errors";

export type ErrorBody = {
  error: { code: ErrorCode | string; message: string; details?: FieldIssue[]; errorId?: string };
};

export function errorBody(code: ErrorCode, message: string, details?: FieldIssue[]): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** A JSON error response in the SPEC's shape. `status` defaults to the code's own. */
export function apiError(
  code: ErrorCode,
  message: string,
  init: { details?: FieldIssue[]; status?: number; headers?: HeadersInit } = {},
) {
  return json(errorBody(code, message, init.details), {
    status: init.status ?? STATUS_OF[code],
    headers: init.headers,
  });
}

export function toResponse(error: DomainError) {
  return apiError(error.code, error.message, { details: error.details, status: error.status, headers: error.headers });
}

/** zod issues → `[{field, message}]`, one per issue, in input order. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "body",
    message: issue.message,
  }));
}

/** zod issues → `{ field: [messages] }` for forms. */
export function fieldErrors(issues: FieldIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { field, message } of issues) (out[field] ??= []).push(message);
  return out;
}

/** Reads a JSON object body; anything else is a VALIDATION_ERROR. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw unreadableBody("Request body must be valid JSON", "Invalid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw unreadableBody("Request body must be a JSON object", "Expected an object");
  }
  if (!isStorableJson(body)) throw unstorableText();
  return body as Record<string, unknown>;
}

/**
 * A lone surrogate ("\ud800") cannot be encoded as UTF-8, and PostgreSQL refuses U+0000 in text:
 * such a body is refused whole, before anything reads it.
 */
function unstorableText() {
  return unreadableBody(
    "Request body holds text that is not valid Unicode or contains a NUL character",
    "Invalid text: not valid Unicode, or a NUL character",
  );
}

/** Every string (keys included) of a parsed JSON value is storable text. */
function isStorableJson(value: unknown): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value && typeof value === "object") {
    return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorableJson(item));
  }
  return true;
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * The body of a form post. Another content type, none, or bytes that do not parse as one (a
 * multipart body without its boundary…) are a VALIDATION_ERROR, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaTypeOf(request.headers.get("content-type"));
  if (!FORM_TYPES.has(type)) {
    throw unreadableBody(
      "Unsupported content type: send application/x-www-form-urlencoded, multipart/form-data or JSON",
      "Unsupported content type",
    );
  }
  try {
    return await request.formData();
  } catch {
    throw unreadableBody("Request body is not a readable form", "Unreadable form body");
  }
}

const bodies = new WeakMap<Request, Record<string, unknown>>();

/**
 * Reads a form or JSON body as a plain object of strings (forms) or values (JSON). Remembered per
 * request, so the page adapter can show the typed values again next to the errors.
 */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const known = bodies.get(request);
  if (known) return known;
  let out: Record<string, unknown>;
  if (isJsonMediaType(request.headers.get("content-type"))) {
    out = await readJsonObject(request);
  } else {
    const form = await readForm(request);
    out = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      if (!isStorableText(key) || !isStorableText(value)) throw unstorableText();
      out[key] = value;
    }
  }
  bodies.set(request, out);
  return out;
}

/** The body `readBody` read for this request (only its strings), or nothing. */
export function typedValues(request: Request): Record<string, string> {
  const body = bodies.get(request) ?? {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

// ---- Cursor pagination: ordering createdAt DESC, id DESC; cursor = base64url of (createdAt, id).

export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string | number }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), String(row.id)])).toString("base64url");
}

/** Longer than any cursor we hand out (an ISO date and a uuid, in base64url). */
const MAX_CURSOR_LENGTH = 200;
const BASE64URL = /^[\w-]*$/;

/**
 * The cursor's `(createdAt, id)`, or null when it is not one of ours: too long, not base64url, not
 * the pair we encode, or a date outside the years 0000–9999 the database can store and compare.
 */
export function decodeCursor(raw: string): Cursor | null {
  if (raw.length > MAX_CURSOR_LENGTH || !BASE64URL.test(raw)) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [iso, id] = value;
    if (typeof iso !== "string" || typeof id !== "string" || !id || id.length > 64) return null;
    const createdAt = new Date(iso);
    const year = createdAt.getUTCFullYear();
    if (Number.isNaN(createdAt.getTime()) || year < 0 || year > 9999) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

export type PageParams = { limit: number; cursor: Cursor | null };

/** Parses `?limit=` (1–100, default 20) and `?cursor=`; bad values are a VALIDATION_ERROR. */
export function parsePageParams(url: URL): PageParams {
  const details: FieldIssue[] = [];
  const rawLimit = url.searchParams.get("limit");
  let limit = 20;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!isDigits(rawLimit, 3) || limit < 1 || limit > 100) {
      details.push({ field: "limit", message: "limit must be an integer between 1 and 100" });
    }
  }
  const rawCursor = url.searchParams.get("cursor");
  let cursor: Cursor | null = null;
  if (rawCursor !== null && rawCursor !== "") {
    cursor = decodeCursor(rawCursor);
    if (!cursor) details.push({ field: "cursor", message: "cursor is invalid" });
  }
  if (details.length) throw new DomainError("VALIDATION_ERROR", "Invalid pagination parameters", details);
  return { limit, cursor };
}

/** The page parameters, or null when they are damaged (a page may then show its first page). */
export function pageParamsOrNull(url: URL): PageParams | null {
  try {
    return parsePageParams(url);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Prisma `where` fragment for rows strictly after the cursor in (createdAt DESC, id DESC) order. */
export function afterCursor(cursor: Cursor | null) {
  if (!cursor) return {};
  return {
    // The range lets SQLite seek to the cursor in the (…, createdAt, id) index instead of scanning
    // every newer row: deep pages cost what the first one does.
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const pageOrder = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Fetch limit+1 rows, then call this: the SPEC's list shape. */
export function toPage<T extends { createdAt: Date; id: string | number }, U = T>(
  rows: T[],
  limit: number,
  map: (row: T) => U = (row) => row as unknown as U,
) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return {
    data: items.map(map),
    cursor: { next: hasMore && last ? encodeCursor(last) : null },
    hasMore,
  };
}
