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
import {
  assigneeWhere,
  recordLeadAudit,
  resolveNewAssignee,
  type AssigneeFilter,
} from "~/domain/teams/assignment.server";
import { leadWhere, type LeadAccess } from "~/domain/teams/permissions";
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
  assignee: { id: string; name: string } | null;
  buyer: DealerEmailInput["buyer"];
  vehicles: { vehicleId: number | null; make: string; model: string; year: number; price: number }[];
};

function leadInclude(proId: string) {
  return {
    assignee: { select: { id: true, name: true } },
    request: {
      include: { vehicles: { where: { proId }, orderBy: { id: "asc" as const } } },
    },
  };
}

type LeadRow = NonNullable<Awaited<ReturnType<typeof findLeadRow>>>;

/** A notified lead this member may see (an agent: only theirs), else null. */
function findLeadRow(access: LeadAccess, id: string) {
  return db.vehicleLead.findFirst({
    where: { id, ...leadWhere(access), notifiedAt: { not: null } },
    include: leadInclude(access.proId),
  });
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
    assignee: row.assignee,
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

/** The dealership's notified leads this member may see, newest first, in the SPEC's cursor pages. */
export async function listVehicleLeads(
  access: LeadAccess,
  page: PageParams,
  filter: { status?: InquiryStatus; assignee?: AssigneeFilter } = {},
) {
  const rows = await db.vehicleLead.findMany({
    where: {
      ...leadWhere(access),
      notifiedAt: { not: null },
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(page.cursor),
      AND: [assigneeWhere(access, filter.assignee)],
    },
    orderBy: pageOrder,
    take: page.limit + 1,
    include: leadInclude(access.proId),
  });
  return toPage(rows, page.limit, toRecord);
}

export async function getVehicleLead(access: LeadAccess, id: string): Promise<VehicleLeadRecord> {
  if (!z.guid().safeParse(id).success) throw new DomainError("NOT_FOUND", "Lead not found");
  const row = await findLeadRow(access, id);
  if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
  return toRecord(row);
}

/** Opening a lead's detail marks a new one read, like an inquiry's; audited like a status change. */
export async function openVehicleLead(access: LeadAccess, id: string): Promise<VehicleLeadRecord> {
  const lead = await getVehicleLead(access, id);
  if (lead.status !== "new_request") return lead;
  await db.$transaction(async (tx) => {
    const { count } = await tx.vehicleLead.updateMany({
      where: { id, ...leadWhere(access), status: "new_request", notifiedAt: { not: null } },
      data: { status: "read", readAt: new Date() },
    });
    if (count === 1) {
      await recordLeadAudit(tx, {
        proId: access.proId,
        memberId: access.memberId,
        leadKind: "vehicle",
        leadId: id,
        action: "status",
        detail: { from: "new_request", to: "read" },
      });
    }
  });
  return getVehicleLead(access, id);
}

/** new → read → replied (or new → replied); the same status is a no-op; anything else is a 409. */
export async function changeVehicleLeadStatus(
  access: LeadAccess,
  id: string,
  rawStatus: unknown,
): Promise<VehicleLeadRecord> {
  const row = await findLeadRow(access, id);
  if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
  if (!isInquiryStatus(rawStatus)) {
    throw new DomainError("VALIDATION_ERROR", "Invalid status", [
      { field: "status", message: "status must be one of new_request, read, replied" },
    ]);
  }
  const kind = transitionKind(row.status, rawStatus);
  if (kind === "same") return toRecord(row);
  if (kind === "forbidden") {
    throw new DomainError("INVALID_TRANSITION", `Cannot change status from ${row.status} to ${rawStatus}`);
  }
  const now = new Date();
  // Conditional on the status we read: two clicks at once cannot both apply.
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.vehicleLead.updateMany({
      where: { id, ...leadWhere(access), status: row.status },
      data: {
        status: rawStatus,
        ...(rawStatus === "read" && !row.readAt ? { readAt: now } : {}),
        ...(rawStatus === "replied"
          ? {
              repliedAt: now,
              ...(row.readAt ? {} : { readAt: now }),
              // Answered by phone: the clock stops at the first move to replied.
              ...(row.firstResponseAt ? {} : { firstResponseAt: now }),
            }
          : {}),
      },
    });
    if (count !== 1) return false;
    await recordLeadAudit(tx, {
      proId: access.proId,
      memberId: access.memberId,
      leadKind: "vehicle",
      leadId: id,
      action: "status",
      detail: { from: row.status, to: rawStatus },
    });
    return true;
  });
  if (!changed) return changeVehicleLeadStatus(access, id, rawStatus);
  if (rawStatus === "replied") await forgetResponseBadge(access.proId);
  return getVehicleLead(access, id);
}

/** Gives a lead to another member or back to the pool: 404, then 403, then 400; audited. */
export async function assignVehicleLead(access: LeadAccess, id: string, rawAssigneeId: unknown) {
  const current = await getVehicleLead(access, id);
  const assigneeId = await resolveNewAssignee({ proId: access.proId, actor: access, raw: rawAssigneeId });
  if ((current.assignee?.id ?? null) === assigneeId) return current;
  await db.$transaction(async (tx) => {
    await tx.vehicleLead.updateMany({ where: { id, proId: access.proId }, data: { assigneeId } });
    await recordLeadAudit(tx, {
      proId: access.proId,
      memberId: access.memberId,
      leadKind: "vehicle",
      leadId: id,
      action: "assign",
      detail: { from: current.assignee?.id ?? null, to: assigneeId },
    });
  });
  return getVehicleLead(access, id);
}
