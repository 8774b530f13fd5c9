import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listReplies } from "~/domain/followup/replies.server";
import { assignInquiry, changeInquiryStatus, getInquiry, inquiryJson } from "~/domain/inquiries/inquiries.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { readJsonObject } from "~/utils/http.server";

const putOnly = () =>
  new DomainError("METHOD_NOT_ALLOWED", "Use PUT to change a contact request's status", undefined, 405, {
    Allow: "GET, PUT",
  });

/**
 * `PUT /pro/contact-requests/:id` `{status?, assigneeId?}` (seed 000, SPEC "Teams"):
 * new_request→read, read→replied, new_request→replied; same status 200 no-op; other moves 409;
 * unknown value 400; not visible to this member 404 (checked before the body is read, so a request
 * about someone else's lead learns nothing from its body). `assigneeId` (a member id or null)
 * reassigns the lead: owners and managers only (403 FORBIDDEN otherwise).
 */
export const action = /* @__PURE__ */ resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  if (request.method !== "PUT") throw putOnly();
  const access = leadAccess(pro);
  const id = params.id ?? "";
  await getInquiry(access, id);
  const body = await readJsonObject(request);
  let inquiry = "assigneeId" in body ? await assignInquiry(access, id, body.assigneeId) : null;
  if (!inquiry || "status" in body) inquiry = await changeInquiryStatus(access, id, body.status);
  return json({ data: inquiryJson(inquiry) });
});

/** `GET /pro/contact-requests/:id`: the inquiry with its conversation (`replies`, oldest first). */
export const loader = /* @__PURE__ */ resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  const inquiry = await getInquiry(leadAccess(pro), params.id ?? "");
  const replies = await listReplies({ kind: "inquiry", id: inquiry.id });
  return json({ data: { ...inquiryJson(inquiry), replies } }, { headers: { "Cache-Control": "no-store" } });
});
