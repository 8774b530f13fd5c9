/**
 * Replies written in Vitrine (SPEC "Lead follow-up"). A reply is stored encrypted, moves its lead to
 * replied and starts the response clock's end in one transaction with the job that e-mails it to the
 * buyer, so a mail outage delays the e-mail (retried with backoff, visible at /admin/jobs) and never
 * loses the reply.
 */
import { z } from "zod";
import { appLink } from "~/domain/emails/layout";
import { leadReplyEmail } from "~/domain/emails/templates";
import { defineJob, enqueueJob, type JobClient } from "~/domain/jobs/queue.server";
import { recordLeadAudit } from "~/domain/teams/assignment.server";
import { leadWhere, type LeadAccess } from "~/domain/teams/permissions";
import { decryptPII, encryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, fieldIssues } from "~/utils/http.server";
import { sendMail } from "~/utils/mail.server";
import type { LeadRef } from "./leads";
import { forgetResponseBadge } from "./stats.server";

export const REPLY_SEND_JOB = "lead.reply.send";
export const REPLY_MAX = 5000;

export const replySchema = z.object({
  message: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z
      .string({ error: "Écrivez votre réponse." })
      .min(1, { error: "Écrivez votre réponse." })
      .max(REPLY_MAX, { error: `Votre réponse ne doit pas dépasser ${REPLY_MAX} caractères.` }),
  ),
});

export type ReplyRecord = {
  id: string;
  message: string;
  createdAt: string;
  author: { id: string; name: string };
};

const replySelect = {
  id: true,
  messageEnc: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

function toReply(row: {
  id: string;
  messageEnc: string;
  createdAt: Date;
  author: { id: string; name: string };
}): ReplyRecord {
  return {
    id: row.id,
    message: decryptPII(row.messageEnc),
    createdAt: row.createdAt.toISOString(),
    author: row.author,
  };
}

/** The conversation's replies, oldest first. Callers have already checked the lead is the pro's. */
export async function listReplies(lead: LeadRef): Promise<ReplyRecord[]> {
  const rows = await db.leadReply.findMany({
    where: lead.kind === "inquiry" ? { contactRequestId: lead.id } : { vehicleLeadId: lead.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: replySelect,
  });
  return rows.map(toReply);
}

const isUuid = (id: string) => z.guid().safeParse(id).success;

/**
 * The lead if this member may see it (their organisation's, visible to the dealership, and for an
 * agent assigned to them), else null: the query holds the ownership.
 */
async function findVisibleLead(lead: LeadRef, access: LeadAccess): Promise<{ id: string } | null> {
  if (!isUuid(lead.id)) return null;
  const where = { id: lead.id, ...leadWhere(access) };
  if (lead.kind === "inquiry") return db.contactRequest.findFirst({ where, select: { id: true } });
  return db.vehicleLead.findFirst({ where: { ...where, notifiedAt: { not: null } }, select: { id: true } });
}

/**
 * Replies to a lead as the member in `access`. Visibility first (404 whatever the body: another
 * organisation's lead, or for an agent a lead not assigned to them), then the message (1–5,000
 * characters after trimming; VALIDATION_ERROR with a `message` field error).
 */
export async function replyToLead({
  lead,
  access,
  body,
}: {
  lead: LeadRef;
  access: LeadAccess;
  /** Read only once visibility is established: someone else's lead is a 404 whatever its body. */
  body: () => Promise<Record<string, unknown>>;
}): Promise<ReplyRecord> {
  const { proId } = access;
  if (!(await findVisibleLead(lead, access))) {
    throw new DomainError("NOT_FOUND", lead.kind === "inquiry" ? "Contact request not found" : "Lead not found");
  }
  let raw: Record<string, unknown>;
  try {
    raw = await body();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("VALIDATION_ERROR", "Request body must be a form or a JSON object", [
      { field: "body", message: "Unreadable body" },
    ]);
  }
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid reply", fieldIssues(parsed.error));

  // The insert comes first: on SQLite a transaction that reads before its first write cannot take
  // the write lock once another instance has committed ("database is locked").
  const row = await db.$transaction(async (tx) => {
    const created = await tx.leadReply.create({
      data: {
        ...(lead.kind === "inquiry" ? { contactRequestId: lead.id } : { vehicleLeadId: lead.id }),
        authorId: access.memberId,
        messageEnc: encryptPII(parsed.data.message),
      },
      select: replySelect,
    });
    const { from } = await markResponded(tx, { lead, proId, at: created.createdAt });
    await recordLeadAudit(tx, {
      proId,
      memberId: access.memberId,
      leadKind: lead.kind,
      leadId: lead.id,
      action: "reply",
      detail: { replyId: created.id, ...(from ? { from, to: "replied" } : {}) },
    });
    await enqueueJob(tx, { type: REPLY_SEND_JOB, payload: { replyId: created.id } });
    return created;
  });
  await forgetResponseBadge(proId);
  return toReply(row);
}

/**
 * The lead is answered at `at`: status replied (read too if it was not), and the response clock
 * stops at its first answer only. Conditional updates, so a later answer never moves the clock and
 * two answers at once cannot both claim the move. Returns the status it left (null when it was
 * already replied).
 */
export async function markResponded(
  tx: JobClient,
  { lead, proId, at }: { lead: LeadRef; proId: string; at: Date },
): Promise<{ from: "new_request" | "read" | null }> {
  const where = { id: lead.id, proId };
  const update = (step: {
    where: { readAt?: null; firstResponseAt?: null; status?: "new_request" | "read" };
    data: { readAt?: Date; firstResponseAt?: Date; status?: "replied"; repliedAt?: Date };
  }) =>
    lead.kind === "inquiry"
      ? tx.contactRequest.updateMany({ where: { ...where, ...step.where }, data: step.data })
      : tx.vehicleLead.updateMany({ where: { ...where, ...step.where }, data: step.data });
  await update({ where: { readAt: null }, data: { readAt: at } });
  await update({ where: { firstResponseAt: null }, data: { firstResponseAt: at } });
  for (const from of ["new_request", "read"] as const) {
    const { count } = await update({ where: { status: from }, data: { status: "replied", repliedAt: at } });
    if (count === 1) return { from };
  }
  return { from: null };
}

// ---- Sending (the job).

function replyIdOf(payload: unknown): string {
  const id = payload && typeof payload === "object" ? (payload as { replyId?: unknown }).replyId : undefined;
  if (typeof id !== "string" || !id) throw new Error("lead.reply.send: payload without a replyId");
  return id;
}

/** What the buyer's e-mail needs, for either kind of lead. */
async function replyContext(replyId: string) {
  const reply = await db.leadReply.findUnique({
    where: { id: replyId },
    select: {
      id: true,
      messageEnc: true,
      sentAt: true,
      author: { select: { name: true, email: true, pro: { select: { companyName: true } } } },
      contactRequest: {
        select: {
          senderNameEnc: true,
          senderEmailEnc: true,
          propertyTitle: true,
          property: { select: { slug: true, title: true } },
        },
      },
      vehicleLead: {
        select: {
          proId: true,
          request: {
            select: {
              fullNameEnc: true,
              emailEnc: true,
              vehicles: { select: { proId: true, make: true, model: true, year: true } },
            },
          },
        },
      },
    },
  });
  if (!reply) return null;
  const appUrl = env().APP_URL;
  if (reply.contactRequest) {
    const inquiry = reply.contactRequest;
    return {
      reply,
      buyerName: decryptPII(inquiry.senderNameEnc),
      buyerEmail: decryptPII(inquiry.senderEmailEnc),
      listingTitle: inquiry.property?.title ?? inquiry.propertyTitle,
      listingUrl: inquiry.property ? appLink(appUrl, `/properties/${inquiry.property.slug}`) : null,
    };
  }
  const lead = reply.vehicleLead!;
  const vehicles = lead.request.vehicles.filter((v) => v.proId === lead.proId);
  return {
    reply,
    buyerName: decryptPII(lead.request.fullNameEnc),
    buyerEmail: decryptPII(lead.request.emailEnc),
    listingTitle: vehicles.map((v) => `${v.make} ${v.model} (${v.year})`).join(", ") || "votre demande",
    listingUrl: appLink(appUrl, "/vehicles"),
  };
}

/**
 * E-mails one reply to its buyer, `Reply-To` its author so the buyer's answer reaches them. Once
 * sent, `sentAt` is set and a repeat of the job does nothing.
 */
export async function sendReply(replyId: string): Promise<"sent" | "already-sent" | "missing"> {
  const context = await replyContext(replyId);
  if (!context) return "missing";
  const { reply } = context;
  if (reply.sentAt) return "already-sent";
  const mail = leadReplyEmail({
    buyerName: context.buyerName,
    listingTitle: context.listingTitle,
    listingUrl: context.listingUrl,
    message: decryptPII(reply.messageEnc),
    authorName: reply.author.name,
    companyName: reply.author.pro.companyName,
  });
  await sendMail({ to: context.buyerEmail, replyTo: reply.author.email, ...mail });
  await db.leadReply.updateMany({ where: { id: reply.id, sentAt: null }, data: { sentAt: new Date() } });
  return "sent";
}

export const replySendJob = defineJob(REPLY_SEND_JOB, async (payload: unknown) => {
  await sendReply(replyIdOf(payload));
});
