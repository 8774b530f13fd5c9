import { randomUUID } from "node:crypto";
import { z } from "zod";
import { enqueueJobs } from "~/domain/jobs/queue.server";
import { decryptOptionalPII, decryptPII, encryptOptionalPII, encryptPII } from "~/utils/crypto.server";
import { Prisma } from "~/generated/prisma/client";
import { db, timestampParam } from "~/utils/db.server";
import { hotRows } from "~/utils/hot-read.server";
import { DomainError, fieldIssues, toPage, type FieldIssue, type PageParams } from "~/utils/http.server";
import { createLimiter } from "~/utils/rate-limit.server";
import {
  assigneeWhere,
  pickAssignee,
  recordLeadAudit,
  resolveNewAssignee,
  type AssigneeFilter,
} from "~/domain/teams/assignment.server";
import { leadWhere, type LeadAccess } from "~/domain/teams/permissions";
import { responseClock } from "~/domain/followup/leads";
import { forgetResponseBadge } from "~/domain/followup/stats.server";
import { firstReminder } from "~/domain/followup/reminders.server";
import { INQUIRY_ACKNOWLEDGE_JOB, INQUIRY_NOTIFY_JOB } from "./notify.server";
import { isInquiryStatus, transitionKind, type InquiryStatus } from "./status";
import { formValuesOf, inquirySchema, isHoneypotFilled, type InquiryFormValues, type InquiryInput } from "./validation";

/** One inquiry as the API and the pages see it: sender details decrypted, status in API terms. */
export type Inquiry = {
  id: string;
  propertyId: string | null;
  proId: string;
  propertyTitle: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string | null;
  message: string;
  status: InquiryStatus;
  readAt: string | null;
  repliedAt: string | null;
  /** The first answer (reply through Vitrine or move to replied): SPEC "Response time". */
  firstResponseAt: string | null;
  responseSeconds: number | null;
  createdAt: string;
  updatedAt: string;
  property: { id: string; slug: string; title: string } | null;
  assignee: { id: string; name: string } | null;
  programmeId: string | null;
  lotId: string | null;
  /** For a programme inquiry: the programme (null once deleted) and the lot asked about, if any. */
  programme: { id: string; slug: string; name: string } | null;
  lot: { id: string; reference: string } | null;
};

const inquirySelect = {
  id: true,
  propertyId: true,
  programmeId: true,
  lotId: true,
  programme: { select: { id: true, slug: true, name: true } },
  lot: { select: { id: true, reference: true } },
  proId: true,
  propertyTitle: true,
  senderNameEnc: true,
  senderEmailEnc: true,
  senderPhoneEnc: true,
  messageEnc: true,
  status: true,
  readAt: true,
  repliedAt: true,
  firstResponseAt: true,
  createdAt: true,
  updatedAt: true,
  property: { select: { id: true, slug: true, title: true } },
  assignee: { select: { id: true, name: true } },
} as const;

type InquiryRow = {
  id: string;
  propertyId: string | null;
  proId: string;
  propertyTitle: string;
  senderNameEnc: string;
  senderEmailEnc: string;
  senderPhoneEnc: string | null;
  messageEnc: string;
  status: InquiryStatus;
  readAt: Date | null;
  repliedAt: Date | null;
  firstResponseAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  property: { id: string; slug: string; title: string } | null;
  assignee: { id: string; name: string } | null;
  programmeId: string | null;
  lotId: string | null;
  programme: { id: string; slug: string; name: string } | null;
  lot: { id: string; reference: string } | null;
};

function toInquiry(row: InquiryRow): Inquiry {
  return {
    id: row.id,
    propertyId: row.propertyId,
    proId: row.proId,
    propertyTitle: row.propertyTitle,
    senderName: decryptPII(row.senderNameEnc),
    senderEmail: decryptPII(row.senderEmailEnc),
    senderPhone: decryptOptionalPII(row.senderPhoneEnc),
    message: decryptPII(row.messageEnc),
    status: row.status,
    readAt: row.readAt?.toISOString() ?? null,
    repliedAt: row.repliedAt?.toISOString() ?? null,
    ...responseClock(row.createdAt, row.firstResponseAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    property: row.property,
    assignee: row.assignee,
    programmeId: row.programmeId,
    lotId: row.lotId,
    programme: row.programme,
    lot: row.lot,
  };
}

// ---- Submit (seed 001): rate limit → validation → honeypot → property lookup → create + notify.

/** 5 submissions a minute per client address, counted before anything else (seed 001). */
const submitLimiter = createLimiter({ keyPrefix: "inquiry-submit", points: 5, durationSeconds: 60 });

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfter: number) {
    super("RATE_LIMITED", "Too many contact requests, please try again later", undefined, undefined, {
      "Retry-After": String(retryAfter),
    });
  }
}

/** Validation failure that also carries what the visitor typed, for the form to show again. */
export class InquiryValidationError extends DomainError {
  constructor(
    details: FieldIssue[],
    readonly values: InquiryFormValues,
  ) {
    super("VALIDATION_ERROR", "Invalid contact request", details);
  }
}

export type SubmitResult = {
  /** The created inquiry, or a look-alike that was never stored when a bot filled the honeypot. */
  inquiry: Inquiry;
  stored: boolean;
};

/**
 * The one way an inquiry enters the system, for the JSON endpoint and the property page alike.
 * Throws RateLimitedError (429), InquiryValidationError (400) or DomainError NOT_FOUND (404).
 */
export async function submitInquiry(raw: Record<string, unknown>, from: { clientIp: string }): Promise<SubmitResult> {
  const limit = await submitLimiter.consume(from.clientIp);
  if (!limit.ok) throw new RateLimitedError(limit.retryAfter);

  const parsed = inquirySchema.safeParse(raw);
  if (!parsed.success) throw new InquiryValidationError(fieldIssues(parsed.error), formValuesOf(raw));
  const input = parsed.data;

  if (isHoneypotFilled(input.website)) return { inquiry: await honeypotLookAlike(input), stored: false };

  const subject = await findInquirySubject(input);

  // The row and its notification commit together: an inquiry is never stored without its e-mail job.
  // The insert comes first and the assignee after it: on SQLite a transaction that reads before its
  // first write cannot take the write lock once another instance has committed ("database is
  // locked"); written first, it waits for the lock, then reads under it. Four statements for a pro
  // without a team (the insert, the assignee looked for, the reminder, the three jobs), two more
  // when a member gets the lead. The answer is built from what was written, not read back: a
  // returned relation costs Prisma one more statement each (docs/performance.md).
  const id = randomUUID();
  const now = new Date();
  const assignee = await db.$transaction(async (tx) => {
    await tx.contactRequest.create({
      data: {
        id,
        propertyId: subject.property?.id ?? null,
        programmeId: subject.programme?.id ?? null,
        lotId: subject.lot?.id ?? null,
        proId: subject.proId,
        propertyTitle: subject.title,
        senderNameEnc: encryptPII(input.senderName),
        senderEmailEnc: encryptPII(input.senderEmail),
        senderPhoneEnc: encryptOptionalPII(input.senderPhone),
        messageEnc: encryptPII(input.message),
        status: "new_request",
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    const chosen = await pickAssignee(tx, {
      proId: subject.proId,
      responsibleMemberId: subject.responsibleMemberId,
    });
    if (chosen) {
      await tx.contactRequest.update({
        where: { id },
        data: { assigneeId: chosen.id, updatedAt: now },
        select: { id: true },
      });
    }
    const reminder = await firstReminder(tx, { lead: { kind: "inquiry", id }, startedAt: now });
    await enqueueJobs(tx, [
      { type: INQUIRY_NOTIFY_JOB, payload: { contactRequestId: id } },
      { type: INQUIRY_ACKNOWLEDGE_JOB, payload: { contactRequestId: id } },
      reminder,
    ]);
    return chosen;
  });
  return { inquiry: submittedInquiry({ id, at: now, subject, input, assignee }), stored: true };
}

/** An inquiry as it was just written: what the visitor sent, about what, to whom. */
function submittedInquiry(written: {
  id: string;
  at: Date;
  subject: Pick<InquirySubject, "proId" | "title" | "property" | "programme" | "lot">;
  input: InquiryInput;
  assignee: { id: string; name: string } | null;
}): Inquiry {
  const { subject, input } = written;
  const at = written.at.toISOString();
  return {
    id: written.id,
    propertyId: subject.property?.id ?? null,
    proId: subject.proId,
    propertyTitle: subject.title,
    senderName: input.senderName,
    senderEmail: input.senderEmail,
    senderPhone: input.senderPhone ?? null,
    message: input.message,
    status: "new_request",
    readAt: null,
    repliedAt: null,
    ...responseClock(written.at, null),
    createdAt: at,
    updatedAt: at,
    property: subject.property,
    assignee: written.assignee,
    programmeId: subject.programme?.id ?? null,
    lotId: subject.lot?.id ?? null,
    programme: subject.programme,
    lot: subject.lot,
  };
}

type InquirySubject = {
  proId: string;
  title: string;
  /** The member who receives the listing's leads, if one is chosen (SPEC "Teams"). */
  responsibleMemberId: string | null;
  property: { id: string; slug: string; title: string } | null;
  programme: { id: string; slug: string; name: string } | null;
  lot: { id: string; reference: string } | null;
};

/**
 * What the inquiry is about, and whose inbox it lands in: an active property, or an active
 * programme (and one of its lots). Anything else is a 404; a lot of another programme is a 400.
 */
async function findInquirySubject(input: InquiryInput): Promise<InquirySubject> {
  if (input.propertyId) {
    const property = await findContactableProperty(input.propertyId);
    if (!property) throw new DomainError("NOT_FOUND", "Property not found");
    return {
      proId: property.proId,
      title: property.title,
      responsibleMemberId: property.responsibleMemberId,
      property: { id: property.id, slug: property.slug, title: property.title },
      programme: null,
      lot: null,
    };
  }
  const programme = await findContactableProgramme(input.programmeId ?? "");
  if (!programme) throw new DomainError("NOT_FOUND", "Programme not found");
  const lot = input.lotId ? programme.lots.find((candidate) => candidate.id === input.lotId) : undefined;
  if (input.lotId && !lot) {
    throw new InquiryValidationError(
      [{ field: "lotId", message: "Ce lot ne fait pas partie du programme." }],
      formValuesOf(input as Record<string, unknown>),
    );
  }
  return {
    proId: programme.proId,
    title: programme.name,
    responsibleMemberId: programme.responsibleMemberId,
    property: null,
    programme: { id: programme.id, slug: programme.slug, name: programme.name },
    lot: lot ?? null,
  };
}

/** Only active programmes take inquiries (drafts and archived ones answer like unknown ones). */
export async function findContactableProgramme(id: string) {
  if (!z.guid().safeParse(id).success) return null;
  return db.programme.findFirst({
    where: { id, status: "active" },
    select: {
      id: true,
      slug: true,
      name: true,
      proId: true,
      responsibleMemberId: true,
      lots: { select: { id: true, reference: true } },
    },
  });
}

/** Only active listings take inquiries: drafts and sold ones answer like unknown ones. */
export async function findContactableProperty(id: string) {
  if (!z.guid().safeParse(id).success) return null;
  return db.property.findFirst({
    where: { id, status: "active" },
    select: { id: true, slug: true, title: true, proId: true, responsibleMemberId: true },
  });
}

/** Same shape as a real answer so a bot cannot tell its submission was dropped. */
async function honeypotLookAlike(input: InquiryInput): Promise<Inquiry> {
  const property = input.propertyId ? await findContactableProperty(input.propertyId) : null;
  const programme = input.programmeId ? await findContactableProgramme(input.programmeId) : null;
  const lot = programme?.lots.find((l) => l.id === input.lotId) ?? null;
  const subject = {
    proId: property?.proId ?? programme?.proId ?? randomUUID(),
    title: property?.title ?? programme?.name ?? "",
    property: property ? { id: property.id, slug: property.slug, title: property.title } : null,
    programme: programme ? { id: programme.id, slug: programme.slug, name: programme.name } : null,
    lot,
  };
  return submittedInquiry({ id: randomUUID(), at: new Date(), subject, input, assignee: null });
}

/**
 * The API record (SPEC `{data}`): `property`, `programme` and `lot` summaries, and `propertyTitle`
 * (the title snapshot that outlives the listing; the programme's name for a programme inquiry).
 */
export function inquiryJson(inquiry: Inquiry) {
  return inquiry;
}

// ---- The pro's inbox (seed 000).

export const statusFilterSchema = z.enum(["new_request", "read", "replied"]);

/**
 * One page of the organisation's inquiries that this member may see, newest first. Ownership is
 * in the query; the (proId, createdAt, id), (proId, status, …) or (proId, assigneeId, …) index
 * serves it, so a deep page costs the same as the first. Only the page's rows are decrypted.
 */
export async function listInquiries(
  access: LeadAccess,
  page: PageParams,
  filter: { status?: InquiryStatus; assignee?: AssigneeFilter } = {},
) {
  const rows = await hotRows<JoinedInquiryRow>(Prisma.sql`
    SELECT "c"."id", "c"."propertyId", "c"."programmeId", "c"."lotId", "c"."proId", "c"."propertyTitle",
           "c"."senderNameEnc", "c"."senderEmailEnc", "c"."senderPhoneEnc", "c"."messageEnc", "c"."status",
           "c"."readAt", "c"."repliedAt", "c"."firstResponseAt", "c"."createdAt", "c"."updatedAt", "c"."assigneeId",
           "property"."slug" AS "propertySlug", "property"."title" AS "propertyName",
           "programme"."slug" AS "programmeSlug", "programme"."name" AS "programmeName",
           "lot"."reference" AS "lotReference", "assignee"."name" AS "assigneeName"
    FROM "ContactRequest" AS "c"
    LEFT JOIN "Property" AS "property" ON "property"."id" = "c"."propertyId"
    LEFT JOIN "Programme" AS "programme" ON "programme"."id" = "c"."programmeId"
    LEFT JOIN "Lot" AS "lot" ON "lot"."id" = "c"."lotId"
    LEFT JOIN "Member" AS "assignee" ON "assignee"."id" = "c"."assigneeId"
    WHERE ${inboxConditions(access, page, filter)}
    ORDER BY "c"."createdAt" DESC, "c"."id" DESC
    LIMIT ${page.limit + 1}`);
  return toPage(rows.map(fromJoinedRow), page.limit, toInquiry);
}

/**
 * The inbox page's conditions, as `leadWhere`, `assigneeWhere` and `afterCursor` state them for
 * Prisma: the organisation always, an agent's own leads only, the filters, then the rows after the
 * cursor (with the range that lets the database seek in the (proId, …, createdAt, id) index).
 */
function inboxConditions(
  access: LeadAccess,
  page: PageParams,
  filter: { status?: InquiryStatus; assignee?: AssigneeFilter },
): Prisma.Sql {
  const scope = leadWhere(access);
  const conditions = [Prisma.sql`"c"."proId" = ${scope.proId}`];
  if (scope.assigneeId !== undefined) conditions.push(Prisma.sql`"c"."assigneeId" = ${scope.assigneeId}`);
  // A literal from the fixed list of stored statuses (new_request is stored as "new").
  if (filter.status) conditions.push(Prisma.sql`"c"."status" = ${Prisma.raw(`'${STORED_STATUS[filter.status]}'`)}`);
  const assignee = assigneeWhere(access, filter.assignee);
  if ("assigneeId" in assignee) {
    conditions.push(
      assignee.assigneeId === null
        ? Prisma.sql`"c"."assigneeId" IS NULL`
        : Prisma.sql`"c"."assigneeId" = ${assignee.assigneeId}`,
    );
  }
  if (page.cursor) {
    const at = timestampParam(page.cursor.createdAt);
    conditions.push(
      Prisma.sql`"c"."createdAt" <= ${at} AND ("c"."createdAt" < ${at} OR ("c"."createdAt" = ${at} AND "c"."id" < ${page.cursor.id}))`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

const STORED_STATUS: Record<InquiryStatus, string> = { new_request: "new", read: "read", replied: "replied" };

/** A row of the inbox's statement: the inquiry's columns and its relations' few fields. */
type JoinedInquiryRow = Omit<
  InquiryRow,
  | "status"
  | "readAt"
  | "repliedAt"
  | "firstResponseAt"
  | "createdAt"
  | "updatedAt"
  | "property"
  | "assignee"
  | "programme"
  | "lot"
> & {
  status: string;
  readAt: Date | string | null;
  repliedAt: Date | string | null;
  firstResponseAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  assigneeId: string | null;
  propertySlug: string | null;
  propertyName: string | null;
  programmeSlug: string | null;
  programmeName: string | null;
  lotReference: string | null;
  assigneeName: string | null;
};

/** Dates come back as `Date` from PostgreSQL and as ISO text from SQLite. */
function fromJoinedRow(row: JoinedInquiryRow): InquiryRow {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    propertyId: row.propertyId,
    proId: row.proId,
    propertyTitle: row.propertyTitle,
    senderNameEnc: row.senderNameEnc,
    senderEmailEnc: row.senderEmailEnc,
    senderPhoneEnc: row.senderPhoneEnc,
    messageEnc: row.messageEnc,
    status: row.status === "new" ? "new_request" : (row.status as InquiryStatus),
    readAt: date(row.readAt),
    repliedAt: date(row.repliedAt),
    firstResponseAt: date(row.firstResponseAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    property:
      row.propertyId !== null && row.propertySlug !== null && row.propertyName !== null
        ? { id: row.propertyId, slug: row.propertySlug, title: row.propertyName }
        : null,
    assignee:
      row.assigneeId !== null && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
    programmeId: row.programmeId,
    lotId: row.lotId,
    programme:
      row.programmeId !== null && row.programmeSlug !== null && row.programmeName !== null
        ? { id: row.programmeId, slug: row.programmeSlug, name: row.programmeName }
        : null,
    lot: row.lotId !== null && row.lotReference !== null ? { id: row.lotId, reference: row.lotReference } : null,
  };
}

/** One inquiry this member may see, or a 404 for anything else (unknown, malformed, not theirs). */
export async function getInquiry(access: LeadAccess, id: string): Promise<Inquiry> {
  if (!z.guid().safeParse(id).success) throw new DomainError("NOT_FOUND", "Contact request not found");
  const row = await db.contactRequest.findFirst({ where: { id, ...leadWhere(access) }, select: inquirySelect });
  if (!row) throw new DomainError("NOT_FOUND", "Contact request not found");
  return toInquiry(row);
}

/** Opening the detail marks a new inquiry read (SPEC); other statuses stay as they are. */
export async function openInquiry(access: LeadAccess, id: string): Promise<Inquiry> {
  const inquiry = await getInquiry(access, id);
  if (inquiry.status !== "new_request") return inquiry;
  await db.$transaction(async (tx) => {
    const { count } = await tx.contactRequest.updateMany({
      where: { id, ...leadWhere(access), status: "new_request" },
      data: { status: "read", readAt: new Date() },
    });
    if (count === 1) {
      await recordLeadAudit(tx, {
        proId: access.proId,
        memberId: access.memberId,
        leadKind: "inquiry",
        leadId: id,
        action: "status",
        detail: { from: "new_request", to: "read" },
      });
    }
  });
  return getInquiry(access, id);
}

function invalidStatus() {
  return new DomainError("VALIDATION_ERROR", "Invalid status", [
    { field: "status", message: "status must be one of new_request, read, replied" },
  ]);
}

/**
 * Moves an inquiry along seed 000's diagram. Same status: no-op. Not in the diagram: 409.
 * Unknown value: 400. Not visible to this member: 404. The update is conditional on the status we
 * checked, so two concurrent clicks cannot skip the diagram; the audit row commits with it.
 */
export async function changeInquiryStatus(access: LeadAccess, id: string, rawStatus: unknown): Promise<Inquiry> {
  if (!isInquiryStatus(rawStatus)) {
    await getInquiry(access, id); // not theirs: 404 whatever the body
    throw invalidStatus();
  }
  const to = rawStatus;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getInquiry(access, id);
    const kind = transitionKind(current.status, to);
    if (kind === "same") return current;
    if (kind === "forbidden") {
      throw new DomainError("INVALID_TRANSITION", `Cannot change status from ${current.status} to ${to}`);
    }
    const now = new Date();
    const changed = await db.$transaction(async (tx) => {
      const { count } = await tx.contactRequest.updateMany({
        where: { id, ...leadWhere(access), status: current.status },
        data: {
          status: to,
          ...(to === "read" ? { readAt: now } : {}),
          ...(to === "replied"
            ? {
                repliedAt: now,
                ...(current.readAt ? {} : { readAt: now }),
                // Answered by phone: the clock stops at the first move to replied.
                ...(current.firstResponseAt ? {} : { firstResponseAt: now }),
              }
            : {}),
        },
      });
      if (count !== 1) return false;
      await recordLeadAudit(tx, {
        proId: access.proId,
        memberId: access.memberId,
        leadKind: "inquiry",
        leadId: id,
        action: "status",
        detail: { from: current.status, to },
      });
      return true;
    });
    if (changed) {
      if (to === "replied") await forgetResponseBadge(access.proId);
      return getInquiry(access, id);
    }
  }
  throw new DomainError("INVALID_TRANSITION", "The status changed meanwhile, please retry");
}

/**
 * Gives an inquiry to another member (or back to the pool). Visibility first (404), then the
 * permission (403), then the body (400). Recorded in the audit trail.
 */
export async function assignInquiry(access: LeadAccess, id: string, rawAssigneeId: unknown): Promise<Inquiry> {
  const current = await getInquiry(access, id);
  const assigneeId = await resolveNewAssignee({ proId: access.proId, actor: access, raw: rawAssigneeId });
  if ((current.assignee?.id ?? null) === assigneeId) return current;
  await db.$transaction(async (tx) => {
    await tx.contactRequest.updateMany({ where: { id, proId: access.proId }, data: { assigneeId } });
    await recordLeadAudit(tx, {
      proId: access.proId,
      memberId: access.memberId,
      leadKind: "inquiry",
      leadId: id,
      action: "assign",
      detail: { from: current.assignee?.id ?? null, to: assigneeId },
    });
  });
  return getInquiry(access, id);
}
