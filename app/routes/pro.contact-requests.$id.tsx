import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listReplies } from "~/domain/followup/replies.server";
import { changeInquiryStatus, getInquiry, inquiryJson } from "~/domain/inquiries/inquiries.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { readJsonObject } from "~/utils/http.server";

const putOnly = () =>
  new DomainError("METHOD_NOT_ALLOWED", "Use PUT to change a contact request's status", undefined, 405, {
    Allow: "GET, PUT",
  });

/**
 * `PUT /pro/contact-requests/:id` `{status}` (seed 000): new_request→read, read→replied,
 * new_request→replied; same status 200 no-op; other moves 409; unknown value 400; not this pro's 404
 * (checked before the body is read, so another pro's request learns nothing from its body).
 */
export const action = resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  if (request.method !== "PUT") throw putOnly();
  const id = params.id ?? "";
  await getInquiry(pro.id, id);
  const body = await readJsonObject(request);
  const inquiry = await changeInquiryStatus(pro.id, id, body.status);
  return json({ data: inquiryJson(inquiry) });
});

/** `GET /pro/contact-requests/:id`: the inquiry with its conversation (`replies`, oldest first). */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  const inquiry = await getInquiry(pro.id, params.id ?? "");
  const replies = await listReplies({ kind: "inquiry", id: inquiry.id });
  return json({ data: { ...inquiryJson(inquiry), replies } }, { headers: { "Cache-Control": "no-store" } });
});
