import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { inquiryJson, listInquiries } from "~/domain/inquiries/inquiries.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError, parsePageParams, toResponse } from "~/utils/http.server";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * `GET /pro/contact-requests` (seed 000): the pro's inquiries, newest first, cursor pages, each with
 * `property: {id, slug, title} | null`. A resource route: always JSON, and only this loader runs
 * (the pro layout's page redirects do not apply to API clients).
 */
async function loaderHandler({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  try {
    const page = await listInquiries(pro.id, parsePageParams(new URL(request.url)));
    return json({ ...page, data: page.data.map(inquiryJson) });
  } catch (error) {
    if (error instanceof DomainError) return toResponse(error);
    throw error;
  }
}

/** An API path: authentication failures answer 401/403 JSON whatever the Accept header says. */
export function jsonRequest(request: Request) {
  if (request.headers.get("accept")?.includes("application/json")) return request;
  const headers = new Headers(request.headers);
  headers.set("accept", "application/json");
  return new Request(request.url, { method: request.method, headers });
}

export const loader = withJsonErrors(loaderHandler);
