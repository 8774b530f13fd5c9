import { randomUUID } from "node:crypto";
import { apiError, DomainError, toResponse } from "~/utils/http.server";
import { log } from "~/utils/logger.server";

/**
 * The JSON lead endpoints are resource routes (no page): thrown responses pass through, domain
 * errors become the SPEC's error body, anything else a logged 500 with an errorId.
 */
export async function vehicleLeadsJson(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof DomainError) return toResponse(error);
    const errorId = `ERR-${randomUUID()}`;
    log.error("vehicle leads request failed", {
      errorId,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
    });
    const response = apiError("INTERNAL", "An unexpected error occurred");
    const body = (await response.json()) as { error: Record<string, unknown> };
    body.error.errorId = errorId;
    return new Response(JSON.stringify(body), {
      status: 500,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
}
