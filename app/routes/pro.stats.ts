import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { parseStatsWindow } from "~/domain/followup/stats";
import { leadStats } from "~/domain/followup/stats.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { withJsonErrors } from "~/utils/errors.server";
import { apiError } from "~/utils/http.server";
import { jsonRequest } from "./pro.contact-requests";

/**
 * `GET /pro/stats?days=7|30|90` (default 30): the dashboard's figures as JSON — leads received per
 * day, median first response, share answered within 1 h, leads still waiting (oldest first).
 */
async function loaderHandler({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(jsonRequest(request));
  const days = parseStatsWindow(new URL(request.url).searchParams.get("days"));
  if (days === null) {
    return apiError("VALIDATION_ERROR", "Invalid statistics window", {
      details: [{ field: "days", message: "days must be one of 7, 30, 90" }],
    });
  }
  return json({ data: await leadStats({ proId: pro.id, days }) }, { headers: { "Cache-Control": "no-store" } });
}

export const loader = withJsonErrors(loaderHandler);
