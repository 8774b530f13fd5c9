/**
 * GET /pro/vehicle-leads — the dealership's notified vehicle leads as JSON cursor pages. A browser
 * asking for HTML is sent to the inbox tab, /pro/contacts/vehicles.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isInquiryStatus } from "~/domain/inquiries/status";
import { listVehicleLeads } from "~/domain/vehicles/leads.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { assigneeFilter } from "./pro.contact-requests";
import { apiError, parsePageParams, wantsJson } from "~/utils/http.server";
import { vehicleLeadsJson } from "~/domain/vehicles/lead-routes.server";
import { withJsonErrors } from "~/utils/errors.server";

async function loaderHandler({ request }: LoaderFunctionArgs) {
  if (!wantsJson(request) && !request.headers.has("authorization")) {
    const url = new URL(request.url);
    throw redirect(`/pro/contacts/vehicles${url.search}`);
  }
  return vehicleLeadsJson(async () => {
    const pro = await requireVerifiedPro(request);
    const url = new URL(request.url);
    const page = parsePageParams(url);
    const status = url.searchParams.get("status");
    if (status !== null && status !== "" && !isInquiryStatus(status)) {
      return apiError("VALIDATION_ERROR", "Invalid status filter", {
        details: [{ field: "status", message: "status must be one of new_request, read, replied" }],
      });
    }
    return json(
      await listVehicleLeads(leadAccess(pro), page, {
        status: status ? (status as never) : undefined,
        assignee: assigneeFilter(url),
      }),
    );
  });
}

function actionHandler() {
  return apiError("METHOD_NOT_ALLOWED", "Method not allowed", { headers: { Allow: "GET" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
