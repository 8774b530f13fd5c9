import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { findTeamMember, updateMember } from "~/domain/teams/team.server";
import { requirePermission, requireVerifiedPro } from "~/utils/auth.server";
import { withJsonErrors } from "~/utils/errors.server";
import { apiError, readJsonObject } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";

/**
 * `PUT /pro/team/:memberId` `{role?, active?}` (owner only): another organisation's member is a 404
 * whatever the body; the owner keeps their role and access (409).
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const asJson = jsonRequest(request);
  const pro = await requireVerifiedPro(asJson);
  requirePermission(asJson, pro, "manageTeam");
  if (request.method !== "PUT") {
    return apiError("METHOD_NOT_ALLOWED", "Use PUT to change a member", { headers: { Allow: "PUT" } });
  }
  const memberId = params.memberId ?? "";
  await findTeamMember({ proId: pro.id, memberId }); // 404 before the body is read
  const body = await readJsonObject(request);
  const member = await updateMember({ proId: pro.id, actorId: pro.member.id, memberId, raw: body });
  return json({ data: member });
}

function loaderHandler() {
  return apiError("METHOD_NOT_ALLOWED", "Use PUT to change a member", { headers: { Allow: "PUT" } });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
