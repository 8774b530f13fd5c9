import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { inquiryJson, listInquiries } from "~/domain/inquiries/inquiries.server";
import { assigneeFilterSchema } from "~/domain/teams/assignment.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError, parsePageParams, toResponse } from "~/utils/http.server";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * `GET /pro/contact-requests` (seed 000): the pro's inquiries, newest first, cursor pages, each with
 * `property: {id, slug, title} | null` and `assignee: {id, name} | null`; `?assignee=me|none` filters. A resource route: always JSON, and only this loader runs
 * (the pro layout's page redirects do not apply to API clients).
 */
async function loaderHandler({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  try {
    const url = new URL(request.url);
    const page = await listInquiries(leadAccess(pro), parsePageParams(url), { assignee: assigneeFilter(url) });
    return json({ ...page, data: page.data.map(inquiryJson) });
  } catch (error) {
    if (error instanceof DomainError) return toResponse(error);
    throw error;
  }
}

/** `?assignee=me|none` (SPEC "Teams"); anything else is a VALIDATION_ERROR. */
export function assigneeFilter(url: URL) {
  const raw = url.searchParams.get("assignee");
  if (raw === null || raw === "") return undefined;
  const parsed = assigneeFilterSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("VALIDATION_ERROR", "Invalid assignee filter", [
      { field: "assignee", message: "assignee must be me or none" },
    ]);
  }
  return parsed.data;
}

/** An API path: authentication failures answer 401/403 JSON whatever the Accept header says. */
export function jsonRequest(request: Request) {
  if (request.headers.get("accept")?.includes("application/json")) return request;
  const headers = new Headers(request.headers);
  headers.set("accept", "application/json");
  return new Request(request.url, { method: request.method, headers });
}

export const loader = withJsonErrors(loaderHandler);
