import { randomUUID } from "node:crypto";
import { json } from "@remix-run/node";
import { isDatabaseBusy } from "./db.server";
import { DomainError, errorBody, toResponse } from "./http.server";
import { log } from "./logger.server";

/** Seconds a client is asked to wait when the database stayed locked (503). */
export const BUSY_RETRY_AFTER_SECONDS = "5";

/** The 503 answer when the database stayed busy past the wait allowed (db.server.ts). */
export function databaseBusyResponse() {
  return json(errorBody("SERVICE_UNAVAILABLE", "The service is busy, please retry shortly"), {
    status: 503,
    headers: { "Retry-After": BUSY_RETRY_AFTER_SECONDS },
  });
}

/** Logs an unexpected error once, with an id the client can quote; returns that id. */
export function reportError(error: unknown, request: Request): string {
  const existing = error && typeof error === "object" && "errorId" in error ? String(error.errorId) : undefined;
  if (existing) return existing;
  const errorId = `ERR-${randomUUID()}`;
  if (error && typeof error === "object") (error as { errorId?: string }).errorId = errorId;
  log.error("unhandled error", {
    errorId,
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
  });
  return errorId;
}

export function internalErrorBody(errorId: string) {
  return { error: { code: "INTERNAL", message: "An unexpected error occurred", errorId } };
}

/**
 * For resource routes (JSON only): a DomainError becomes its JSON error, an unexpected throw a 500
 * with an errorId — never Remix's plain-text "Unexpected Server Error".
 */
export function withJsonErrors<Args extends { request: Request }>(
  handler: (args: Args) => Promise<Response> | Response,
) {
  return async (args: Args): Promise<Response> => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response) throw error;
      if (error instanceof DomainError) return toResponse(error);
      if (isDatabaseBusy(error)) return databaseBusyResponse();
      return json(internalErrorBody(reportError(error, args.request)), { status: 500 });
    }
  };
}
