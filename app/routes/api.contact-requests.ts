/**
 * POST /api/contact-requests — seed 004's contract, with its own response shapes (not the SPEC's
 * generic error body): 201, 422 with every error, 400 for a non-object body, 429, 500 with errorId.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { submitVehicleContactRequest } from "~/domain/vehicles/submission.server";
import { readViewerToken, serializeViewerToken } from "~/domain/vehicles/viewer.server";
import { log } from "~/utils/logger.server";
import { clientIp } from "~/utils/rate-limit.server";

const NOT_AN_OBJECT = "Request body must be a JSON object";

export function loader() {
  return json({ success: false, message: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();

  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return json({ success: false, message: NOT_AN_OBJECT }, { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return json({ success: false, message: NOT_AN_OBJECT }, { status: 400 });
  }

  try {
    const result = await submitVehicleContactRequest(body as Record<string, unknown>, {
      ip: clientIp(context),
      viewerToken: await readViewerToken(request),
    });
    switch (result.kind) {
      case "created":
        return json(
          { success: true, contactRequestId: result.id, message: result.message, nextUrl: result.nextUrl },
          { status: 201, headers: { "Set-Cookie": await serializeViewerToken(result.viewerToken) } },
        );
      case "invalid":
        return json({ success: false, message: "Validation failed", errors: result.errors }, { status: 422 });
      case "rate_limited":
        return json(
          { success: false, message: result.message },
          { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
        );
    }
  } catch (error) {
    const errorId = newErrorId();
    log.error("contact request failed", {
      errorId,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
    });
    return json(
      { success: false, message: "An unexpected error occurred. Please try again later.", errorId },
      { status: 500 },
    );
  }
}

/** Like the contract's "ERR-2025-10-30-001": the day, then a random suffix to find the log line. */
function newErrorId() {
  return `ERR-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
}
