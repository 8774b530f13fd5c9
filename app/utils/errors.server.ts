import { randomUUID } from "node:crypto";
import { json } from "@remix-run/node";
import { DomainError, toResponse } from "./http.server";
import { log } from "./logger.server";

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
      return json(internalErrorBody(reportError(error, args.request)), { status: 500 });
    }
  };
}
