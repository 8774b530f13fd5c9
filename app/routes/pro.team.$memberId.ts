import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { findTeamMember, updateMember } from "~/domain/teams/team.server";
import { requirePermission, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { readJsonObject } from "~/utils/http.server";

const putOnly = () =>
  new DomainError("METHOD_NOT_ALLOWED", "Use PUT to change a member", undefined, 405, { Allow: "PUT" });

/**
 * `PUT /pro/team/:memberId` `{role?, active?}` (owner only): another organisation's member is a 404
 * whatever the body; the owner keeps their role and access (409).
 */
export const action = resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  requirePermission(request, pro, "manageTeam", { json: true });
  if (request.method !== "PUT") throw putOnly();
  const memberId = params.memberId ?? "";
  await findTeamMember({ proId: pro.id, memberId }); // 404 before the body is read
  const body = await readJsonObject(request);
  const member = await updateMember({ proId: pro.id, actorId: pro.member.id, memberId, raw: body });
  return json({ data: member });
});

export const loader = resourceRoute(() => {
  throw putOnly();
});
