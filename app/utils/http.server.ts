import { json } from "@remix-run/node";
import { z } from "zod";

/**
 * One route serves a page and the SPEC's JSON (docs/decisions/002). A request is a JSON request
 * when its body is JSON or its Accept header prefers application/json to text/html.
 */
export function wantsJson(request: Request): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/(.+\+)?json\b/i.test(contentType)) return true;
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

export type ErrorCode =
  | "UNAUTHORIZED"
  | "CNI_REQUIRED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION_ERROR"
  | "INVALID_FAVORITE"
  | "DUPLICATE"
  | "INVALID_TRANSITION"
  | "INVALID_IMAGE"
  | "TOO_MANY_PHOTOS"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "METHOD_NOT_ALLOWED"
  | "INSUFFICIENT_STORAGE"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL";

export const STATUS_OF: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  CNI_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_ERROR: 400,
  INVALID_FAVORITE: 400,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  INVALID_IMAGE: 400,
  TOO_MANY_PHOTOS: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  METHOD_NOT_ALLOWED: 405,
  INSUFFICIENT_STORAGE: 507,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type FieldIssue = { field: string; message: string };

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

/** Domain failures carry a code; routes turn them into JSON errors or form messages. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    readonly status: number = STATUS_OF[code],
  ) {
    super(message);
  }
}

export function toResponse(error: DomainError) {
  return apiError(error.code, error.message, { details: error.details, status: error.status });
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
    throw new DomainError("VALIDATION_ERROR", "Request body must be valid JSON", [
      { field: "body", message: "Invalid JSON" },
    ]);
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new DomainError("VALIDATION_ERROR", "Request body must be a JSON object", [
      { field: "body", message: "Expected an object" },
    ]);
  }
  return body as Record<string, unknown>;
}

/** Reads a form or JSON body as a plain object of strings (forms) or values (JSON). */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  if (/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    return readJsonObject(request);
  }
  const form = await request.formData();
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

// ---- Cursor pagination: ordering createdAt DESC, id DESC; cursor = base64url of (createdAt, id).

export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string | number }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), String(row.id)])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [iso, id] = value;
    if (typeof iso !== "string" || typeof id !== "string" || !id) return null;
    const createdAt = new Date(iso);
    if (Number.isNaN(createdAt.getTime())) return null;
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
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 100) {
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
