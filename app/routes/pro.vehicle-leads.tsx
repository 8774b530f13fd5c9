/**
 * GET /pro/vehicle-leads — the dealership's notified vehicle leads as JSON cursor pages. A browser
 * asking for HTML is sent to the inbox tab, /pro/contacts/vehicles.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isInquiryStatus } from "~/domain/inquiries/status";
import { listVehicleLeads } from "~/domain/vehicles/leads.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { parsePageParams, wantsJson } from "~/utils/http.server";
import { assigneeFilter } from "./pro.contact-requests";

export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (!wantsJson(request) && !request.headers.has("authorization")) {
    throw redirect(`/pro/contacts/vehicles${url.search}`);
  }
  const pro = await requireVerifiedPro(request);
  const page = parsePageParams(url);
  const status = url.searchParams.get("status");
  if (status !== null && status !== "" && !isInquiryStatus(status)) {
    throw new DomainError("VALIDATION_ERROR", "Invalid status filter", [
      { field: "status", message: "status must be one of new_request, read, replied" },
    ]);
  }
  return json(
    await listVehicleLeads(leadAccess(pro), page, {
      status: status ? status : undefined,
      assignee: assigneeFilter(url),
    }),
  );
});

export const action = resourceRoute(() => {
  throw new DomainError("METHOD_NOT_ALLOWED", "Method not allowed", undefined, 405, { Allow: "GET" });
});
