/**
 * GET /pro/vehicle-leads/:id and PUT /pro/vehicle-leads/:id {status?, assigneeId?} — one lead of the
 * dealership (an agent: only one assigned to them; only owners and managers reassign).
 * A native form may POST here too (intent=status): it is redirected back to the inbox tab.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { listReplies } from "~/domain/followup/replies.server";
import { assignVehicleLead, changeVehicleLeadStatus, getVehicleLead } from "~/domain/vehicles/leads.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";
import { readBody, wantsJson } from "~/utils/http.server";

export const loader = /* @__PURE__ */ resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const lead = await getVehicleLead(leadAccess(pro), params.id ?? "");
  const replies = await listReplies({ kind: "vehicle", id: lead.id });
  return json({ data: { ...lead, replies } }, { headers: { "Cache-Control": "no-store" } });
});

export const action = /* @__PURE__ */ resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "PUT" && request.method !== "POST") {
    throw new DomainError("METHOD_NOT_ALLOWED", "Method not allowed", undefined, 405, { Allow: "GET, PUT" });
  }
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  const access = leadAccess(pro);
  await getVehicleLead(access, id); // a lead this member may not see is a 404 whatever the body
  const body = await readBody(request);
  let lead = "assigneeId" in body ? await assignVehicleLead(access, id, body.assigneeId) : null;
  if (!lead || "status" in body) lead = await changeVehicleLeadStatus(access, id, body.status);
  if (request.method === "POST" && !wantsJson(request)) return redirect("/pro/contacts/vehicles");
  return json({ data: lead });
});
