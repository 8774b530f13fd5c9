import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { replyToLead } from "~/domain/followup/replies.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { readBody } from "~/utils/http.server";

const METHOD_HINT = "Use POST to reply to a contact request";

/**
 * `POST /pro/contact-requests/:id/replies` `{message}` → 201 `{data: {id, message, createdAt, author}}`.
 * The buyer is e-mailed by a job; the inquiry becomes replied. Not visible to this member (another organisation's, or for an agent
 * one not assigned to them): 404, body unread.
 */
const postOnly = () => new DomainError("METHOD_NOT_ALLOWED", METHOD_HINT, undefined, 405, { Allow: "POST" });

export const action = /* @__PURE__ */ resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  if (request.method !== "POST") throw postOnly();
  const reply = await replyToLead({
    lead: { kind: "inquiry", id: params.id ?? "" },
    access: leadAccess(pro),
    body: () => readBody(request),
  });
  return json({ data: reply }, { status: 201 });
});

export const loader = /* @__PURE__ */ resourceRoute(() => {
  throw postOnly();
});
