/**
 * Lead statistics of an organisation (SPEC "Statistics"): the figures of `./stats` over its
 * property inquiries and vehicle leads, for the leads the member may see (an agent: theirs only),
 * and per member for owners and managers. Every query is bounded by the organisation and a date and
 * served by an index (docs/performance.md shows the plans):
 * ContactRequest(proId, createdAt, firstResponseAt, assigneeId),
 * VehicleLead(proId, receivedAt, firstResponseAt, assigneeId), ContactRequest(proId, status, assigneeId),
 * ContactRequest(proId, status, createdAt, id) and VehicleLead(proId, status, receivedAt).
 */
import { decryptPII } from "~/utils/crypto.server";
import { cached, invalidate } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { firstNameOf } from "~/domain/inquiries/notify.server";
import { can, leadWhere, type LeadAccess, type MemberRole } from "~/domain/teams/permissions";
import { leadPath, type LeadKind } from "./leads";
import { badgeHours, leadFigures, windowStart, type ClockedLead, type LeadFigures } from "./stats";

const WAITING_LISTED = 10;

export type WaitingLeadRow = {
  kind: LeadKind;
  id: string;
  title: string;
  buyerFirstName: string;
  receivedAt: string;
  ageSeconds: number;
  path: string;
  /** Who handles it (null: the unassigned pool). */
  assignee: { id: string; name: string } | null;
};

/** One member's figures (or the unassigned pool's, `member: null`), for owners and managers. */
export type MemberLeadStats = Omit<LeadFigures, "perDay"> & {
  member: { id: string; name: string; role: MemberRole; active: boolean } | null;
  waiting: number;
};

export type LeadStats = LeadFigures & {
  days: number;
  since: string;
  until: string;
  /** "organisation" for owners and managers; "own" for an agent (the leads assigned to them). */
  scope: "organisation" | "own";
  waiting: { total: number; oldest: WaitingLeadRow[] };
  /** Per member, for owners and managers only (null for an agent). */
  perMember: MemberLeadStats[] | null;
};

type Scope = { proId: string; assigneeId?: string };

type ClockedLeadOf = ClockedLead & { assigneeId: string | null };

/** Leads whose clock started in [since, now]: only the two dates and the assignee, read from the indexes. */
async function clockedLeads(scope: Scope, since: Date, now: Date): Promise<ClockedLeadOf[]> {
  const [inquiries, vehicleLeads] = await Promise.all([
    db.contactRequest.findMany({
      where: { ...scope, createdAt: { gte: since, lte: now } },
      select: { createdAt: true, firstResponseAt: true, assigneeId: true },
    }),
    db.vehicleLead.findMany({
      where: { ...scope, receivedAt: { gte: since, lte: now }, notifiedAt: { not: null } },
      select: { receivedAt: true, firstResponseAt: true, assigneeId: true },
    }),
  ]);
  return [
    ...inquiries.map((row) => ({
      startedAt: row.createdAt,
      firstResponseAt: row.firstResponseAt,
      assigneeId: row.assigneeId,
    })),
    ...vehicleLeads.map((row) => ({
      startedAt: row.receivedAt,
      firstResponseAt: row.firstResponseAt,
      assigneeId: row.assigneeId,
    })),
  ];
}

const WAITING_STATUSES = ["new_request", "read"] as const;

/**
 * How many leads wait for an answer per assignee (null: the unassigned pool). Grouped by status
 * first so that ContactRequest(proId, status, assigneeId) answers it from the index alone.
 */
async function waitingPerAssignee(scope: Scope): Promise<Map<string | null, number>> {
  const [inquiries, vehicleLeads] = await Promise.all([
    db.contactRequest.groupBy({
      by: ["status", "assigneeId"],
      where: { ...scope, status: { in: [...WAITING_STATUSES] } },
      _count: { _all: true },
    }),
    db.vehicleLead.groupBy({
      by: ["status", "assigneeId"],
      where: { ...scope, status: { in: [...WAITING_STATUSES] }, notifiedAt: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string | null, number>();
  for (const row of [...inquiries, ...vehicleLeads]) {
    counts.set(row.assigneeId, (counts.get(row.assigneeId) ?? 0) + row._count._all);
  }
  return counts;
}

/** Leads not answered yet (new or read), oldest first. */
async function oldestWaitingLeads(scope: Scope, now: Date): Promise<WaitingLeadRow[]> {
  const { proId } = scope;
  const statuses = WAITING_STATUSES;
  const inquiryQueries = statuses.map((status) =>
    db.contactRequest.findMany({
      where: { ...scope, status },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: WAITING_LISTED,
      select: {
        id: true,
        createdAt: true,
        propertyTitle: true,
        senderNameEnc: true,
        assignee: { select: { id: true, name: true } },
      },
    }),
  );
  const vehicleQueries = statuses.map((status) =>
    db.vehicleLead.findMany({
      where: { ...scope, status, notifiedAt: { not: null } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: WAITING_LISTED,
      select: {
        id: true,
        receivedAt: true,
        assignee: { select: { id: true, name: true } },
        request: { select: { fullNameEnc: true, vehicles: { where: { proId }, select: { make: true, model: true } } } },
      },
    }),
  );
  const [inquiryRows, vehicleRows] = await Promise.all([Promise.all(inquiryQueries), Promise.all(vehicleQueries)]);
  const candidates = [
    ...inquiryRows.flat().map((row) => ({
      kind: "inquiry" as const,
      id: row.id,
      startedAt: row.createdAt,
      title: row.propertyTitle,
      nameEnc: row.senderNameEnc,
      assignee: row.assignee,
    })),
    ...vehicleRows.flat().map((row) => ({
      kind: "vehicle" as const,
      id: row.id,
      startedAt: row.receivedAt,
      title: row.request.vehicles.map((v) => `${v.make} ${v.model}`).join(", ") || "Véhicules",
      nameEnc: row.request.fullNameEnc,
      assignee: row.assignee,
    })),
  ]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, WAITING_LISTED);
  // Only the listed rows are decrypted.
  return candidates.map((lead) => ({
    kind: lead.kind,
    id: lead.id,
    title: lead.title,
    buyerFirstName: firstNameOf(decryptPII(lead.nameEnc)),
    receivedAt: lead.startedAt.toISOString(),
    ageSeconds: Math.max(0, Math.round((now.getTime() - lead.startedAt.getTime()) / 1000)),
    path: leadPath(lead),
    assignee: lead.assignee,
  }));
}

/**
 * Owners' and managers' view per member: every active member, anyone inactive who still holds
 * leads in the window or waiting, and the unassigned pool when it has any. Owner first, then by name.
 */
async function figuresPerMember(input: {
  proId: string;
  leads: ClockedLeadOf[];
  waiting: Map<string | null, number>;
  now: Date;
  days: number;
}): Promise<MemberLeadStats[]> {
  const involved = new Set<string>();
  for (const lead of input.leads) if (lead.assigneeId) involved.add(lead.assigneeId);
  for (const [assigneeId] of input.waiting) if (assigneeId) involved.add(assigneeId);
  const members = await db.member.findMany({
    where: { proId: input.proId, OR: [{ active: true }, { id: { in: [...involved] } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true, active: true },
  });
  const rank = { owner: 0, manager: 1, agent: 2 } as const;
  members.sort((a, b) => rank[a.role] - rank[b.role]);
  const rowOf = (member: MemberLeadStats["member"]): MemberLeadStats => {
    const id = member?.id ?? null;
    const { perDay: _perDay, ...figures } = leadFigures(
      input.leads.filter((lead) => lead.assigneeId === id),
      { now: input.now, days: input.days },
    );
    return { member, ...figures, waiting: input.waiting.get(id) ?? 0 };
  };
  const rows = members.map(rowOf);
  const pool = rowOf(null);
  if (pool.received > 0 || pool.waiting > 0) rows.push(pool);
  return rows;
}

/** The dashboard's and `GET /pro/stats`'s figures, for what this member may see. */
export async function leadStats({ access, days, now = new Date() }: { access: LeadAccess; days: number; now?: Date }) {
  const since = windowStart(now, days);
  const scope: Scope = leadWhere(access);
  const organisation = can.seeAllLeads(access);
  const [leads, waiting, oldest] = await Promise.all([
    clockedLeads(scope, since, now),
    waitingPerAssignee(scope),
    oldestWaitingLeads(scope, now),
  ]);
  const stats: LeadStats = {
    days,
    since: since.toISOString(),
    until: now.toISOString(),
    scope: organisation ? "organisation" : "own",
    ...leadFigures(leads, { now, days }),
    waiting: { total: [...waiting.values()].reduce((sum, n) => sum + n, 0), oldest },
    perMember: organisation ? await figuresPerMember({ proId: access.proId, leads, waiting, now, days }) : null,
  };
  return stats;
}

// ---- The listing badge.

const BADGE_TTL_MS = 10 * 60_000;
const badgeKey = (proId: string) => `response-badge:${proId}`;

/**
 * N of "Répond généralement en moins de N h" for a pro, or null. Public pages show it, so the figure
 * is cached (10 minutes, per instance) and dropped whenever one of the pro's leads is answered here.
 */
export function responseBadgeHours(proId: string, now: Date = new Date()): Promise<number | null> {
  return cached({
    key: badgeKey(proId),
    ttl: BADGE_TTL_MS,
    getFreshValue: async () => {
      const since = new Date(now.getTime() - 90 * 24 * 3600 * 1000);
      const leads = await clockedLeads({ proId }, since, now);
      const seconds = leads
        .filter((l) => l.firstResponseAt)
        .map((l) => Math.max(0, (l.firstResponseAt!.getTime() - l.startedAt.getTime()) / 1000));
      return badgeHours(seconds);
    },
  });
}

export async function forgetResponseBadge(proId: string): Promise<void> {
  await invalidate(badgeKey(proId));
}
