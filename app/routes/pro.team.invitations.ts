import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { InvitationSchema, inviteMember } from "~/domain/teams/team.server";
import { requirePermission, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { fieldIssues, readJsonObject } from "~/utils/http.server";

const postOnly = () =>
  new DomainError("METHOD_NOT_ALLOWED", "Use POST to invite a member", undefined, 405, { Allow: "POST" });

/** `POST /pro/team/invitations` `{name, email, role}` → 201 `{data}` (owner only). */
export const action = resourceRoute(async ({ request }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  requirePermission(request, pro, "manageTeam", { json: true });
  if (request.method !== "POST") throw postOnly();
  const parsed = InvitationSchema.safeParse(await readJsonObject(request));
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid invitation", fieldIssues(parsed.error));
  const invitation = await inviteMember({ proId: pro.id, invitedBy: pro.member, invitation: parsed.data });
  return json({ data: invitation }, { status: 201 });
});

export const loader = resourceRoute(() => {
  throw postOnly();
});
