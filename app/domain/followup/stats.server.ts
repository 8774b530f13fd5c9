/**
 * Lead statistics of an organisation (SPEC "Statistics"): the figures of `./stats` over its
 * property inquiries and vehicle leads, for the leads the member may see (an agent: theirs only),
 * and per member for owners and managers. The database does the counting: leads per day and
 * assignee (GROUP BY) and the medians (window functions) come back as a few dozen rows, whatever the
 * number of leads; only the date arithmetic differs between SQLite and PostgreSQL. Every query is
 * bounded by the organisation and a date and served by an index (docs/performance.md shows the plans):
 * ContactRequest(proId, createdAt, firstResponseAt, assigneeId),
 * VehicleLead(proId, receivedAt, firstResponseAt, assigneeId), ContactRequest(proId, status, assigneeId),
 * ContactRequest(proId, status, createdAt, id) and VehicleLead(proId, status, receivedAt).
 */
import { decryptPII } from "~/utils/crypto.server";
import { cached, invalidate } from "~/utils/cache.server";
import { Prisma } from "~/generated/prisma/client";
import { db, dbProvider, timestampParam } from "~/utils/db.server";
import { hotRows } from "~/utils/hot-read.server";
import { firstNameOf } from "~/domain/inquiries/notify.server";
import { can, leadWhere, type LeadAccess, type MemberRole } from "~/domain/teams/permissions";
import { leadPath, type LeadKind } from "./leads";
import { badgeHours, figuresOf, HOUR, windowStart, type LeadBucket, type LeadFigures } from "./stats";

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
  /** Leads not answered yet; `unread`: those still new (the navigation's badge counts the same). */
  waiting: { total: number; unread: number; oldest: WaitingLeadRow[] };
  /** Per member, for owners and managers only (null for an agent). */
  perMember: MemberLeadStats[] | null;
};

type Scope = { proId: string; assigneeId?: string };

/** An agent's scope: their own leads only (an empty fragment for owners and managers). */
function ownLeads({ assigneeId }: Scope): Prisma.Sql {
  return assigneeId === undefined ? Prisma.empty : Prisma.sql`AND "assigneeId" = ${assigneeId}`;
}

/**
 * The leads whose clock started in [since, now] (inquiries from their arrival, vehicle leads from
 * the end of their anonymity window), as a sub-query: `startedAt`, `firstResponseAt`, `assigneeId`.
 */
function windowLeads(scope: Scope, since: Date, now: Date): Prisma.Sql {
  const { proId } = scope;
  const own = ownLeads(scope);
  const [from, until] = [timestampParam(since), timestampParam(now)];
  return Prisma.sql`
    SELECT "createdAt" AS "startedAt", "firstResponseAt", "assigneeId" FROM "ContactRequest"
    WHERE "proId" = ${proId} AND "createdAt" >= ${from} AND "createdAt" <= ${until} ${own}
    UNION ALL
    SELECT "receivedAt", "firstResponseAt", "assigneeId" FROM "VehicleLead"
    WHERE "proId" = ${proId} AND "receivedAt" >= ${from} AND "receivedAt" <= ${until}
      AND "notifiedAt" IS NOT NULL ${own}`;
}

/** Per lead of `windowLeads`: its UTC day, and its first response time in whole milliseconds (null: none yet). */
function clocked(leads: Prisma.Sql): Prisma.Sql {
  return dbProvider === "postgresql"
    ? Prisma.sql`
        SELECT "startedAt", "assigneeId", to_char("startedAt", 'YYYY-MM-DD') AS "day",
               CASE WHEN "firstResponseAt" IS NULL THEN NULL
                    ELSE GREATEST(0, ROUND(EXTRACT(EPOCH FROM ("firstResponseAt" - "startedAt")) * 1000))::bigint END AS "ms"
        FROM (${leads}) AS "lead"`
    : Prisma.sql`
        SELECT "startedAt", "assigneeId", strftime('%Y-%m-%d', "startedAt") AS "day",
               CASE WHEN "firstResponseAt" IS NULL THEN NULL
                    ELSE MAX(0, CAST(ROUND((julianday("firstResponseAt") - julianday("startedAt")) * 86400000) AS INTEGER)) END AS "ms"
        FROM (${leads}) AS "lead"`;
}

type BucketRow = Omit<LeadBucket, "received" | "answered" | "withinHour" | "eligible"> &
  Record<"received" | "answered" | "withinHour" | "eligible", number | bigint | string>;

/**
 * The window's leads counted per UTC day and assignee by the database: a few dozen rows, whatever
 * the number of leads.
 */
async function leadBuckets(scope: Scope, since: Date, now: Date): Promise<LeadBucket[]> {
  const hourAgo = new Date(now.getTime() - HOUR * 1000);
  const waitedHour = timestampParam(hourAgo);
  const rows = await hotRows<BucketRow>(Prisma.sql`
    SELECT "day", "assigneeId", COUNT(*) AS "received", COUNT("ms") AS "answered",
           SUM(CASE WHEN "ms" <= ${HOUR * 1000} THEN 1 ELSE 0 END) AS "withinHour",
           SUM(CASE WHEN "ms" IS NOT NULL OR "startedAt" <= ${waitedHour} THEN 1 ELSE 0 END) AS "eligible"
    FROM (${clocked(windowLeads(scope, since, now))}) AS "clocked"
    GROUP BY "day", "assigneeId"`);
  return rows.map((row) => ({
    day: row.day,
    assigneeId: row.assigneeId,
    received: Number(row.received),
    answered: Number(row.answered),
    withinHour: Number(row.withinHour),
    eligible: Number(row.eligible),
  }));
}

type Medians = {
  whole: number | null;
  /** How many of the window's leads were answered (the set `whole` is the median of). */
  answered: number;
  perAssignee: Map<string | null, number>;
};

/**
 * The median first response (ms) of the window's answered leads, over them all and per assignee,
 * taken by the database: the middle row, or the mean of the two middle rows, of each ordered set;
 * and how many were answered.
 */
async function responseMedians(scope: Scope, since: Date, now: Date): Promise<Medians> {
  const middle = Prisma.sql`"i" IN (("n" + 1) / 2, ("n" + 2) / 2)`;
  const average = dbProvider === "postgresql" ? Prisma.sql`AVG("ms")::float8` : Prisma.sql`AVG("ms")`;
  const rows = await hotRows<{
    whole: number | bigint | string;
    assigneeId: string | null;
    medianMs: number | null;
    answered: number | bigint | string | null;
  }>(Prisma.sql`
    WITH "answered" AS (
      SELECT "assigneeId", "ms" FROM (${clocked(windowLeads(scope, since, now))}) AS "clocked" WHERE "ms" IS NOT NULL
    ), "ranked" AS (
      SELECT "assigneeId", "ms", ROW_NUMBER() OVER (PARTITION BY "assigneeId" ORDER BY "ms") AS "i",
             COUNT(*) OVER (PARTITION BY "assigneeId") AS "n"
      FROM "answered"
    ), "all" AS (
      SELECT "ms", ROW_NUMBER() OVER (ORDER BY "ms") AS "i", COUNT(*) OVER () AS "n" FROM "answered"
    )
    SELECT 0 AS "whole", "assigneeId", ${average} AS "medianMs", MAX("n") AS "answered"
    FROM "ranked" WHERE ${middle} GROUP BY "assigneeId"
    UNION ALL
    SELECT 1, NULL, ${average}, MAX("n") FROM "all" WHERE ${middle}`);
  const medians: Medians = { whole: null, answered: 0, perAssignee: new Map() };
  for (const row of rows) {
    const ms = row.medianMs === null ? null : Number(row.medianMs);
    if (Number(row.whole)) {
      medians.whole = ms;
      medians.answered = Number(row.answered ?? 0);
    } else if (ms !== null) medians.perAssignee.set(row.assigneeId, ms);
  }
  return medians;
}

/**
 * How many leads wait for an answer (new or read; the statuses as stored) per assignee (null: the
 * unassigned pool), and how many of them nobody has opened yet, both kinds in one statement. Each
 * kind is grouped by status first so that ContactRequest(proId, status, assigneeId) answers it from
 * the index alone.
 */
async function waitingLeads(scope: Scope): Promise<{ perAssignee: Map<string | null, number>; unread: number }> {
  const own = ownLeads(scope);
  const rows = await hotRows<{
    assigneeId: string | null;
    waiting: number | bigint | string;
    unread: number | bigint | string;
  }>(Prisma.sql`
    SELECT "assigneeId", CAST(SUM("n") AS BIGINT) AS "waiting",
           CAST(SUM(CASE WHEN "status" = 'new' THEN "n" ELSE 0 END) AS BIGINT) AS "unread"
    FROM (
      SELECT "status", "assigneeId", COUNT(*) AS "n" FROM "ContactRequest"
      WHERE "proId" = ${scope.proId} AND "status" IN ('new', 'read') ${own}
      GROUP BY "status", "assigneeId"
      UNION ALL
      SELECT "status", "assigneeId", COUNT(*) FROM "VehicleLead"
      WHERE "proId" = ${scope.proId} AND "status" IN ('new', 'read') AND "notifiedAt" IS NOT NULL ${own}
      GROUP BY "status", "assigneeId"
    ) AS "counted"
    GROUP BY "assigneeId"`);
  return {
    perAssignee: new Map(rows.map((row) => [row.assigneeId, Number(row.waiting)])),
    unread: rows.reduce((sum, row) => sum + Number(row.unread), 0),
  };
}

type WaitingCandidate = {
  kind: LeadKind;
  id: string;
  startedAt: Date | string;
  title: string | null;
  nameEnc: string;
  requestId: number | bigint | string | null;
  assigneeId: string | null;
  assigneeName: string | null;
};

/**
 * Leads not answered yet (new or read), oldest first, in one statement: the oldest few of each kind
 * and status (each read in order from ContactRequest(proId, status, createdAt, id) or
 * VehicleLead(proId, status, receivedAt)), then the oldest of those.
 */
async function oldestWaitingLeads(scope: Scope, now: Date): Promise<WaitingLeadRow[]> {
  const { proId } = scope;
  const own = ownLeads(scope);
  // The statuses as stored (ContactStatus: new_request is "new").
  const branches = ["new", "read"].flatMap((status) => [
    Prisma.sql`SELECT * FROM (
      SELECT 'inquiry' AS "kind", "id", "createdAt" AS "startedAt", "propertyTitle" AS "title",
             "senderNameEnc" AS "nameEnc", CAST(NULL AS INTEGER) AS "requestId", "assigneeId"
      FROM "ContactRequest" WHERE "proId" = ${proId} AND "status" = ${Prisma.raw(`'${status}'`)} ${own}
      ORDER BY "createdAt", "id" LIMIT ${WAITING_LISTED}) AS ${Prisma.raw(`"inquiries_${status}"`)}`,
    Prisma.sql`SELECT * FROM (
      SELECT 'vehicle', "lead"."id", "lead"."receivedAt", CAST(NULL AS TEXT), "request"."fullNameEnc",
             "lead"."requestId", "lead"."assigneeId"
      FROM "VehicleLead" AS "lead" JOIN "VehicleContactRequest" AS "request" ON "request"."id" = "lead"."requestId"
      WHERE "lead"."proId" = ${proId} AND "lead"."status" = ${Prisma.raw(`'${status}'`)}
        AND "lead"."notifiedAt" IS NOT NULL ${own}
      ORDER BY "lead"."receivedAt", "lead"."id" LIMIT ${WAITING_LISTED}) AS ${Prisma.raw(`"vehicles_${status}"`)}`,
  ]);
  const rows = await hotRows<WaitingCandidate>(Prisma.sql`
    SELECT "waiting".*, "member"."name" AS "assigneeName"
    FROM (${Prisma.join(branches, " UNION ALL ")}) AS "waiting"
    LEFT JOIN "Member" AS "member" ON "member"."id" = "waiting"."assigneeId"
    ORDER BY "waiting"."startedAt", "waiting"."id"
    LIMIT ${WAITING_LISTED}`);
  // The vehicles the listed vehicle leads are about, this dealership's only.
  const requestIds = rows.flatMap((row) => (row.requestId === null ? [] : [Number(row.requestId)]));
  const vehicles = requestIds.length
    ? await db.vehicleContactRequestVehicle.findMany({
        where: { requestId: { in: requestIds }, proId },
        orderBy: { id: "asc" },
        select: { requestId: true, make: true, model: true },
      })
    : [];
  // Only the listed rows are decrypted.
  return rows.map((row) => {
    const startedAt = new Date(row.startedAt);
    const title =
      row.kind === "inquiry"
        ? (row.title ?? "")
        : vehicles
            .filter((v) => v.requestId === Number(row.requestId))
            .map((v) => `${v.make} ${v.model}`)
            .join(", ") || "Véhicules";
    return {
      kind: row.kind,
      id: row.id,
      title,
      buyerFirstName: firstNameOf(decryptPII(row.nameEnc)),
      receivedAt: startedAt.toISOString(),
      ageSeconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
      path: leadPath({ kind: row.kind, id: row.id }),
      assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
    };
  });
}

/**
 * Owners' and managers' view per member: every active member, anyone inactive who still holds
 * leads in the window or waiting, and the unassigned pool when it has any. Owner first, then by name.
 */
async function figuresPerMember(input: {
  proId: string;
  buckets: LeadBucket[];
  medians: Medians;
  waiting: Map<string | null, number>;
  now: Date;
  days: number;
}): Promise<MemberLeadStats[]> {
  const involved = new Set<string>();
  for (const bucket of input.buckets) if (bucket.assigneeId) involved.add(bucket.assigneeId);
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
    const { perDay: _perDay, ...figures } = figuresOf(
      input.buckets.filter((bucket) => bucket.assigneeId === id),
      input.medians.perAssignee.get(id) ?? null,
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
  const [buckets, medians, waiting, oldest] = await Promise.all([
    leadBuckets(scope, since, now),
    responseMedians(scope, since, now),
    waitingLeads(scope),
    oldestWaitingLeads(scope, now),
  ]);
  const stats: LeadStats = {
    days,
    since: since.toISOString(),
    until: now.toISOString(),
    scope: organisation ? "organisation" : "own",
    ...figuresOf(buckets, medians.whole, { now, days }),
    waiting: {
      total: [...waiting.perAssignee.values()].reduce((sum, n) => sum + n, 0),
      unread: waiting.unread,
      oldest,
    },
    perMember: organisation
      ? await figuresPerMember({ proId: access.proId, buckets, medians, waiting: waiting.perAssignee, now, days })
      : null,
  };
  return stats;
}

// ---- New leads.

/** New leads (property inquiries and notified vehicle leads) this member sees: the navigation's badge. */
export async function newLeadCount(access: LeadAccess): Promise<number> {
  const scope = leadWhere(access);
  const own = ownLeads(scope);
  const [row] = await hotRows<{ n: number | bigint | string }>(Prisma.sql`
    SELECT (SELECT COUNT(*) FROM "ContactRequest" WHERE "proId" = ${scope.proId} AND "status" = 'new' ${own})
         + (SELECT COUNT(*) FROM "VehicleLead"
            WHERE "proId" = ${scope.proId} AND "status" = 'new' AND "notifiedAt" IS NOT NULL ${own}) AS "n"`);
  return Number(row.n);
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
      const { answered, whole } = await responseMedians({ proId }, since, now);
      return badgeHours(answered, whole);
    },
  });
}

export async function forgetResponseBadge(proId: string): Promise<void> {
  await invalidate(badgeKey(proId));
}
