import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { InvitationSchema, inviteMember } from "~/domain/teams/team.server";
import { requirePermission, requireVerifiedPro } from "~/utils/auth.server";
import { withJsonErrors } from "~/utils/errors.server";
import { apiError, DomainError, fieldIssues, readJsonObject } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";

/** `POST /pro/team/invitations` `{name, email, role}` → 201 `{data}` (owner only). */
async function actionHandler({ request }: ActionFunctionArgs) {
  const asJson = jsonRequest(request);
  const pro = await requireVerifiedPro(asJson);
  requirePermission(asJson, pro, "manageTeam");
  if (request.method !== "POST") {
    return apiError("METHOD_NOT_ALLOWED", "Use POST to invite a member", { headers: { Allow: "POST" } });
  }
  const parsed = InvitationSchema.safeParse(await readJsonObject(request));
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid invitation", fieldIssues(parsed.error));
  const invitation = await inviteMember({ proId: pro.id, invitedBy: pro.member, invitation: parsed.data });
  return json({ data: invitation }, { status: 201 });
}

function loaderHandler() {
  return apiError("METHOD_NOT_ALLOWED", "Use POST to invite a member", { headers: { Allow: "POST" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
