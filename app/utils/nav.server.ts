import { leadWhere, type LeadAccess } from "~/domain/teams/permissions";
import { db } from "./db.server";

/** New inquiries (property requests and notified vehicle leads) this member sees, for the navigation badge. */
export async function unreadInquiryCount(access: LeadAccess): Promise<number> {
  const where = leadWhere(access);
  const [properties, vehicles] = await Promise.all([
    db.contactRequest.count({ where: { ...where, status: "new_request" } }),
    db.vehicleLead.count({ where: { ...where, status: "new_request", notifiedAt: { not: null } } }),
  ]);
  return properties + vehicles;
}
