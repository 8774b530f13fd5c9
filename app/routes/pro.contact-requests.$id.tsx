import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { assignInquiry, changeInquiryStatus, getInquiry, inquiryJson } from "~/domain/inquiries/inquiries.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { apiError, DomainError, readJsonObject, toResponse } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * `PUT /pro/contact-requests/:id` `{status?, assigneeId?}` (seed 000, SPEC "Teams"):
 * new_request→read, read→replied, new_request→replied; same status 200 no-op; other moves 409;
 * unknown value 400; not visible to this member 404. `assigneeId` (a member id or null) reassigns
 * the lead: owners and managers only (403 FORBIDDEN otherwise).
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  if (request.method !== "PUT") {
    return apiError("METHOD_NOT_ALLOWED", "Use PUT to change a contact request's status", {
      headers: { Allow: "PUT" },
    });
  }
  try {
    const access = leadAccess(pro);
    const id = params.id ?? "";
    await getInquiry(access, id); // not visible to this member: 404 whatever the body
    const body = await readJsonObject(request);
    let inquiry = "assigneeId" in body ? await assignInquiry(access, id, body.assigneeId) : null;
    if (!inquiry || "status" in body) inquiry = await changeInquiryStatus(access, id, body.status);
    return json({ data: inquiryJson(inquiry) });
  } catch (error) {
    if (error instanceof DomainError) return toResponse(error);
    throw error;
  }
}

async function loaderHandler() {
  return apiError("METHOD_NOT_ALLOWED", "Use PUT to change a contact request's status", { headers: { Allow: "PUT" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
