import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listReplies } from "~/domain/followup/replies.server";
import { changeInquiryStatus, getInquiry, inquiryJson } from "~/domain/inquiries/inquiries.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { apiError, DomainError, readJsonObject, toResponse } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * `PUT /pro/contact-requests/:id` `{status}` (seed 000): new_request→read, read→replied,
 * new_request→replied; same status 200 no-op; other moves 409; unknown value 400; not this pro's 404.
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  if (request.method !== "PUT") {
    return apiError("METHOD_NOT_ALLOWED", "Use PUT to change a contact request's status", {
      headers: { Allow: "GET, PUT" },
    });
  }
  try {
    const body = await readJsonObject(request);
    const inquiry = await changeInquiryStatus(pro.id, params.id ?? "", body.status);
    return json({ data: inquiryJson(inquiry) });
  } catch (error) {
    if (error instanceof DomainError) return toResponse(error);
    throw error;
  }
}

/** `GET /pro/contact-requests/:id`: the inquiry with its conversation (`replies`, oldest first). */
async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  const inquiry = await getInquiry(pro.id, params.id ?? "");
  const replies = await listReplies({ kind: "inquiry", id: inquiry.id });
  return json({ data: { ...inquiryJson(inquiry), replies } }, { headers: { "Cache-Control": "no-store" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
