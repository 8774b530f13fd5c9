import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { inquiryJson, listInquiries } from "~/domain/inquiries/inquiries.server";
import { assigneeFilterSchema } from "~/domain/teams/assignment.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { parsePageParams } from "~/utils/http.server";

/**
 * `GET /pro/contact-requests` (seed 000): the inquiries this member may see, newest first, cursor
 * pages, each with `property: {id, slug, title} | null` and `assignee: {id, name} | null`;
 * `?assignee=me|none` filters (SPEC "Teams"). A resource route: always JSON, and only this loader
 * runs (the pro layout's page redirects do not apply to API clients).
 */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  const url = new URL(request.url);
  const page = await listInquiries(leadAccess(pro), parsePageParams(url), { assignee: assigneeFilter(url) });
  return json({ ...page, data: page.data.map(inquiryJson) });
});

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
