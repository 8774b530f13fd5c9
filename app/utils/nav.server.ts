import { db } from "./db.server";

/** New inquiries (property requests and notified vehicle leads) for the navigation badge. */
export async function unreadInquiryCount(proId: string): Promise<number> {
  const [properties, vehicles] = await Promise.all([
    db.contactRequest.count({ where: { proId, status: "new_request" } }),
    db.vehicleLead.count({ where: { proId, status: "new_request", notifiedAt: { not: null } } }),
  ]);
  return properties + vehicles;
}
