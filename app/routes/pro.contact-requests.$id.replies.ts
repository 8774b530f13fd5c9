import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { replyToLead } from "~/domain/followup/replies.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { withJsonErrors } from "~/utils/errors.server";
import { apiError, readBody } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";

const METHOD_HINT = "Use POST to reply to a contact request";

/**
 * `POST /pro/contact-requests/:id/replies` `{message}` → 201 `{data: {id, message, createdAt, author}}`.
 * The buyer is e-mailed by a job; the inquiry becomes replied. Not this pro's: 404, body unread.
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  if (request.method !== "POST") return apiError("METHOD_NOT_ALLOWED", METHOD_HINT, { headers: { Allow: "POST" } });
  const reply = await replyToLead({
    lead: { kind: "inquiry", id: params.id ?? "" },
    proId: pro.id,
    authorId: pro.id,
    body: () => readBody(request),
  });
  return json({ data: reply }, { status: 201 });
}

async function loaderHandler() {
  return apiError("METHOD_NOT_ALLOWED", METHOD_HINT, { headers: { Allow: "POST" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
