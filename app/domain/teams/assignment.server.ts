import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/http.server";
import { can, type Actor, type LeadAccess } from "./permissions";

/**
 * Who handles a lead (SPEC "Teams"): the member responsible for the listing when one is set and
 * still active; otherwise the active agent or manager who has waited longest for a lead
 * (round-robin); otherwise nobody (the organisation's unassigned pool).
 */
type Tx = Prisma.TransactionClient;

export async function pickAssignee(
  tx: Tx,
  input: { proId: string; responsibleMemberId?: string | null },
): Promise<{ id: string; name: string } | null> {
  if (input.responsibleMemberId) {
    const responsible = await tx.member.findFirst({
      where: { id: input.responsibleMemberId, proId: input.proId, active: true },
      select: { id: true, name: true },
    });
    if (responsible) return responsible;
  }
  const next = await tx.member.findFirst({
    where: { proId: input.proId, active: true, role: { in: ["agent", "manager"] } },
    orderBy: [{ lastAssignedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  if (!next) return null;
  await tx.member.update({ where: { id: next.id }, data: { lastAssignedAt: new Date() }, select: { id: true } });
  return next;
}

export type LeadKind = "inquiry" | "vehicle";
export type LeadAuditAction = "status" | "assign" | "reply";

/** Who did what to a lead; written in the same transaction as the change itself. */
export async function recordLeadAudit(
  tx: Tx,
  entry: {
    proId: string;
    memberId: string | null;
    leadKind: LeadKind;
    leadId: string;
    action: LeadAuditAction;
    detail: object;
  },
) {
  await tx.leadAudit.create({ data: { ...entry, detail: JSON.stringify(entry.detail) } });
}

export function leadAuditTrail(input: { proId: string; leadKind: LeadKind; leadId: string }) {
  return db.leadAudit.findMany({
    where: input,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, action: true, detail: true, createdAt: true, member: { select: { id: true, name: true } } },
  });
}

/**
 * `assigneeId` from a form or JSON body: a member id, or null/"" for the pool. Checked against the
 * organisation's active members; refused to anyone who may not assign.
 */
export async function resolveNewAssignee(input: { proId: string; actor: Actor; raw: unknown }): Promise<string | null> {
  if (!can.assignLeads(input.actor)) throw new DomainError("FORBIDDEN", "Only owners and managers can assign leads");
  if (input.raw === null || input.raw === "") return null;
  const invalid = new DomainError("VALIDATION_ERROR", "Invalid assignee", [
    { field: "assigneeId", message: "assigneeId must be an active member of the organisation, or null" },
  ]);
  if (typeof input.raw !== "string" || input.raw.length > 64) throw invalid;
  const member = await db.member.findFirst({
    where: { id: input.raw, proId: input.proId, active: true },
    select: { id: true },
  });
  if (!member) throw invalid;
  return member.id;
}

/** The organisation's active members a lead can go to, for the reassignment menus. */
export function assignableMembers(proId: string) {
  return db.member.findMany({
    where: { proId, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

/** Inbox filters on the assignee: `me` (the member asking) or `none` (the unassigned pool). */
export const assigneeFilterSchema = z.enum(["me", "none"]);
export type AssigneeFilter = z.infer<typeof assigneeFilterSchema>;

/** The assignee part of a lead query; ANDed with the access rule, never replacing it. */
export function assigneeWhere(access: LeadAccess, filter: AssigneeFilter | undefined) {
  if (filter === "me") return { assigneeId: access.memberId };
  if (filter === "none") return { assigneeId: null };
  return {};
}

export type ListingRef =
  { kind: "property"; id: string } | { kind: "programme"; id: string } | { kind: "vehicle"; id: number };

/**
 * Chooses who receives a listing's leads (or nobody: round-robin). Not this organisation's
 * listing: 404 first; then the permission (403); then the member (400).
 */
export async function setResponsibleMember(input: { proId: string; actor: Actor; listing: ListingRef; raw: unknown }) {
  const { listing } = input;
  const where = { id: listing.id, proId: input.proId } as never;
  const exists =
    listing.kind === "property"
      ? await db.property.findFirst({ where, select: { id: true } })
      : listing.kind === "programme"
        ? await db.programme.findFirst({ where, select: { id: true } })
        : await db.vehicle.findFirst({ where, select: { id: true } });
  if (!exists) throw new DomainError("NOT_FOUND", "Listing not found");
  if (!can.chooseResponsible(input.actor)) {
    throw new DomainError("FORBIDDEN", "Only owners and managers can choose who is responsible for a listing");
  }
  let memberId: string | null = null;
  if (input.raw !== null && input.raw !== "") {
    const member =
      typeof input.raw === "string" && input.raw.length <= 64
        ? await db.member.findFirst({
            where: { id: input.raw, proId: input.proId, active: true },
            select: { id: true },
          })
        : null;
    if (!member) {
      throw new DomainError("VALIDATION_ERROR", "Invalid responsible member", [
        {
          field: "responsibleMemberId",
          message: "responsibleMemberId must be an active member of the organisation, or null",
        },
      ]);
    }
    memberId = member.id;
  }
  const data = { responsibleMemberId: memberId };
  if (listing.kind === "property")
    await db.property.updateMany({ where: { id: listing.id, proId: input.proId }, data });
  else if (listing.kind === "programme")
    await db.programme.updateMany({ where: { id: listing.id, proId: input.proId }, data });
  else await db.vehicle.updateMany({ where: { id: listing.id, proId: input.proId }, data });
  return memberId;
}
