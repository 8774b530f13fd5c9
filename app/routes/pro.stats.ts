import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { parseStatsWindow } from "~/domain/followup/stats";
import { leadStats } from "~/domain/followup/stats.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { resourceRoute } from "~/utils/errors.server";

/**
 * `GET /pro/stats?days=7|30|90` (default 30): the dashboard's figures as JSON — leads received per
 * day, median first response, share answered within 1 h, leads still waiting (oldest first), and
 * per member for owners and managers (`perMember`; an agent's figures cover their own leads only).
 */
export const loader = /* @__PURE__ */ resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  const days = parseStatsWindow(new URL(request.url).searchParams.get("days"));
  if (days === null) {
    throw new DomainError("VALIDATION_ERROR", "Invalid statistics window", [
      { field: "days", message: "days must be one of 7, 30, 90" },
    ]);
  }
  return json(
    { data: await leadStats({ access: leadAccess(pro), days }) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
