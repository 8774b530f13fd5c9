/**
 * A dealership's follow-up of multi-vehicle requests. A lead exists from the request's creation
 * but is visible to its dealership only once notified (after the anonymity window). Statuses and
 * transitions are seed 000's, shared with property inquiries (~/domain/inquiries/status).
 */
import { z } from "zod";
import { responseClock } from "~/domain/followup/leads";
import { forgetResponseBadge } from "~/domain/followup/stats.server";
import { isInquiryStatus, transitionKind, type InquiryStatus } from "~/domain/inquiries/status";
import { decryptOptionalPII, decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { afterCursor, DomainError, pageOrder, toPage, type PageParams } from "~/utils/http.server";
import type { DealerEmailInput } from "./notify.server";

export type VehicleLeadRecord = {
  id: string;
  requestId: number;
  status: InquiryStatus;
  createdAt: string;
  notifiedAt: string;
  /** The end of the anonymity window: the response clock starts here. */
  receivedAt: string;
  firstResponseAt: string | null;
  responseSeconds: number | null;
  updatedAt: string;
  buyer: DealerEmailInput["buyer"];
  vehicles: { vehicleId: number | null; make: string; model: string; year: number; price: number }[];
};

function leadInclude(proId: string) {
  return {
    request: {
      include: { vehicles: { where: { proId }, orderBy: { id: "asc" as const } } },
    },
  };
}

type LeadRow = NonNullable<Awaited<ReturnType<typeof findLeadRow>>>;

function findLeadRow(proId: string, id: string) {
  return db.vehicleLead.findFirst({ where: { id, proId, notifiedAt: { not: null } }, include: leadInclude(proId) });
}

function toRecord(row: LeadRow): VehicleLeadRecord {
  const r = row.request;
  return {
    id: row.id,
    requestId: row.requestId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    notifiedAt: row.notifiedAt!.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    ...responseClock(row.receivedAt, row.firstResponseAt),
    updatedAt: row.updatedAt.toISOString(),
    buyer: {
      fullName: decryptPII(r.fullNameEnc),
      email: decryptPII(r.emailEnc),
      phone: decryptPII(r.phoneEnc),
      province: r.province,
      city: r.city,
      preferredContactMethod: r.preferredContactMethod,
      additionalComments: decryptOptionalPII(r.additionalCommentsEnc),
    },
    vehicles: r.vehicles.map((v) => ({
      vehicleId: v.vehicleId,
      make: v.make,
      model: v.model,
      year: v.year,
      price: v.price,
    })),
  };
}

/** The dealership's notified leads, newest first, in the SPEC's cursor pages. */
export async function listVehicleLeads(proId: string, page: PageParams, filter: { status?: InquiryStatus } = {}) {
  const rows = await db.vehicleLead.findMany({
    where: {
      proId,
      notifiedAt: { not: null },
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(page.cursor),
    },
    orderBy: pageOrder,
    take: page.limit + 1,
    include: leadInclude(proId),
  });
  return toPage(rows, page.limit, toRecord);
}

export async function getVehicleLead(proId: string, id: string): Promise<VehicleLeadRecord> {
  if (!z.guid().safeParse(id).success) throw new DomainError("NOT_FOUND", "Lead not found");
  const row = await findLeadRow(proId, id);
  if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
  return toRecord(row);
}

/** Opening a lead's detail marks a new one read, like an inquiry's. */
export async function openVehicleLead(proId: string, id: string): Promise<VehicleLeadRecord> {
  const lead = await getVehicleLead(proId, id);
  if (lead.status !== "new_request") return lead;
  await db.vehicleLead.updateMany({
    where: { id, proId, status: "new_request", notifiedAt: { not: null } },
    data: { status: "read", readAt: new Date() },
  });
  return getVehicleLead(proId, id);
}

/** new → read → replied (or new → replied); the same status is a no-op; anything else is a 409. */
export async function changeVehicleLeadStatus(
  proId: string,
  id: string,
  rawStatus: unknown,
): Promise<VehicleLeadRecord> {
  if (!isInquiryStatus(rawStatus)) {
    throw new DomainError("VALIDATION_ERROR", "Invalid status", [
      { field: "status", message: "status must be one of new_request, read, replied" },
    ]);
  }
  const row = await findLeadRow(proId, id);
  if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
  const kind = transitionKind(row.status, rawStatus);
  if (kind === "same") return toRecord(row);
  if (kind === "forbidden") {
    throw new DomainError("INVALID_TRANSITION", `Cannot change status from ${row.status} to ${rawStatus}`);
  }
  const now = new Date();
  // Conditional on the status we read: two clicks at once cannot both apply.
  const { count } = await db.vehicleLead.updateMany({
    where: { id, proId, status: row.status },
    data: {
      status: rawStatus,
      ...(rawStatus === "read" && !row.readAt ? { readAt: now } : {}),
      ...(rawStatus === "replied"
        ? {
            repliedAt: now,
            ...(row.readAt ? {} : { readAt: now }),
            ...(row.firstResponseAt ? {} : { firstResponseAt: now }),
          }
        : {}),
    },
  });
  if (count === 0) return changeVehicleLeadStatus(proId, id, rawStatus);
  if (rawStatus === "replied") forgetResponseBadge(proId);
  return getVehicleLead(proId, id);
}
