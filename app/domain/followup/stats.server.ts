/**
 * Lead statistics of an organisation (SPEC "Statistics"): the figures of `./stats` over its
 * property inquiries and vehicle leads. Every query is bounded by the organisation and a date and
 * served by an index (docs/performance.md shows the plans):
 * ContactRequest(proId, createdAt, firstResponseAt), VehicleLead(proId, receivedAt, firstResponseAt),
 * ContactRequest(proId, status, createdAt, id) and VehicleLead(proId, status, receivedAt).
 */
import { decryptPII } from "~/utils/crypto.server";
import { cached, invalidate } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { firstNameOf } from "~/domain/inquiries/notify.server";
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
};

export type LeadStats = LeadFigures & {
  days: number;
  since: string;
  until: string;
  waiting: { total: number; oldest: WaitingLeadRow[] };
};

/** Leads whose clock started in [since, now]: only the two dates each, read from the indexes. */
async function clockedLeads(proId: string, since: Date, now: Date): Promise<ClockedLead[]> {
  const [inquiries, vehicleLeads] = await Promise.all([
    db.contactRequest.findMany({
      where: { proId, createdAt: { gte: since, lte: now } },
      select: { createdAt: true, firstResponseAt: true },
    }),
    db.vehicleLead.findMany({
      where: { proId, receivedAt: { gte: since, lte: now }, notifiedAt: { not: null } },
      select: { receivedAt: true, firstResponseAt: true },
    }),
  ]);
  return [
    ...inquiries.map((row) => ({ startedAt: row.createdAt, firstResponseAt: row.firstResponseAt })),
    ...vehicleLeads.map((row) => ({ startedAt: row.receivedAt, firstResponseAt: row.firstResponseAt })),
  ];
}

/** Leads not answered yet (new or read), oldest first, and how many there are. */
async function waitingLeads(proId: string, now: Date) {
  const statuses = ["new_request", "read"] as const;
  const inquiryQueries = statuses.map((status) =>
    db.contactRequest.findMany({
      where: { proId, status },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: WAITING_LISTED,
      select: { id: true, createdAt: true, propertyTitle: true, senderNameEnc: true },
    }),
  );
  const vehicleQueries = statuses.map((status) =>
    db.vehicleLead.findMany({
      where: { proId, status, notifiedAt: { not: null } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: WAITING_LISTED,
      select: {
        id: true,
        receivedAt: true,
        request: { select: { fullNameEnc: true, vehicles: { where: { proId }, select: { make: true, model: true } } } },
      },
    }),
  );
  const [inquiryRows, vehicleRows, inquiryCount, vehicleCount] = await Promise.all([
    Promise.all(inquiryQueries),
    Promise.all(vehicleQueries),
    db.contactRequest.count({ where: { proId, status: { in: [...statuses] } } }),
    db.vehicleLead.count({ where: { proId, status: { in: [...statuses] }, notifiedAt: { not: null } } }),
  ]);
  const candidates = [
    ...inquiryRows.flat().map((row) => ({
      kind: "inquiry" as const,
      id: row.id,
      startedAt: row.createdAt,
      title: row.propertyTitle,
      nameEnc: row.senderNameEnc,
    })),
    ...vehicleRows.flat().map((row) => ({
      kind: "vehicle" as const,
      id: row.id,
      startedAt: row.receivedAt,
      title: row.request.vehicles.map((v) => `${v.make} ${v.model}`).join(", ") || "Véhicules",
      nameEnc: row.request.fullNameEnc,
    })),
  ]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, WAITING_LISTED);
  // Only the listed rows are decrypted.
  const oldest: WaitingLeadRow[] = candidates.map((lead) => ({
    kind: lead.kind,
    id: lead.id,
    title: lead.title,
    buyerFirstName: firstNameOf(decryptPII(lead.nameEnc)),
    receivedAt: lead.startedAt.toISOString(),
    ageSeconds: Math.max(0, Math.round((now.getTime() - lead.startedAt.getTime()) / 1000)),
    path: leadPath(lead),
  }));
  return { total: inquiryCount + vehicleCount, oldest };
}

export async function leadStats({ proId, days, now = new Date() }: { proId: string; days: number; now?: Date }) {
  const since = windowStart(now, days);
  const [leads, waiting] = await Promise.all([clockedLeads(proId, since, now), waitingLeads(proId, now)]);
  const stats: LeadStats = {
    days,
    since: since.toISOString(),
    until: now.toISOString(),
    ...leadFigures(leads, { now, days }),
    waiting,
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
      const leads = await clockedLeads(proId, since, now);
      const seconds = leads
        .filter((l) => l.firstResponseAt)
        .map((l) => Math.max(0, (l.firstResponseAt!.getTime() - l.startedAt.getTime()) / 1000));
      return badgeHours(seconds);
    },
  });
}

export function forgetResponseBadge(proId: string): void {
  invalidate(badgeKey(proId));
}
