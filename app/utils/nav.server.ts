import { leadWhere, type LeadAccess } from "~/domain/teams/permissions";
import { getCurrentPro, leadAccess } from "./auth.server";
import { db } from "./db.server";
import { env } from "./env.server";

/**
 * What the frame of every page shows (app/root.tsx): the signed-in pro, if any, the badge of
 * unread leads, and the site's origin. The root route imports nothing else from the server: each
 * server module a route imports becomes an empty module in the browser build, and one shared with
 * other routes an extra request on every page.
 */
export async function siteFrame(request: Request) {
  const pro = await getCurrentPro(request);
  const unread = pro && pro.identityStatus === "verified" ? await unreadInquiryCount(leadAccess(pro)) : 0;
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

/** New inquiries (property requests and notified vehicle leads) this member sees, for the navigation badge. */
export async function unreadInquiryCount(access: LeadAccess): Promise<number> {
  const where = leadWhere(access);
  const [properties, vehicles] = await Promise.all([
    db.contactRequest.count({ where: { ...where, status: "new_request" } }),
    db.vehicleLead.count({ where: { ...where, status: "new_request", notifiedAt: { not: null } } }),
  ]);
  return properties + vehicles;
}
