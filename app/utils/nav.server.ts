import { newLeadCount } from "~/domain/followup/stats.server";
import { getCurrentPro, leadAccess } from "./auth.server";
import { env } from "./env.server";
import { wantsJson } from "./http.server";

/**
 * What the frame of every page shows (app/root.tsx): the signed-in pro, if any, the badge of
 * unread leads, and the site's origin. The root route imports nothing else from the server: each
 * server module a route imports becomes an empty module in the browser build, and one shared with
 * other routes an extra request on every page.
 */
export async function siteFrame(request: Request) {
  const pro = await getCurrentPro(request);
  // A JSON answer carries the leaf route's data only (entry.server): no badge to count for it.
  const unread =
    pro && pro.identityStatus === "verified" && !wantsJson(request) ? await newLeadCount(leadAccess(pro)) : 0;
  return {
    pro: pro
      ? {
          name: pro.member.name,
          companyName: pro.companyName,
          role: pro.role,
          verified: pro.identityStatus === "verified",
        }
      : null,
    unread,
    origin: env().APP_URL,
  };
}
