/**
 * The anonymity window's end (seed 004): each dealership whose vehicles were chosen gets ONE e-mail
 * with the buyer's details and its own vehicles — exactly once, across crashes and retries, each
 * dealership in its own job (docs/decisions/020).
 */
import { appLink } from "~/domain/emails/layout";
import { dealershipNotificationEmail } from "~/domain/emails/templates";
import { defineJob, enqueueJob } from "~/domain/jobs/queue.server";
import { decryptOptionalPII, decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { leadRecipient } from "~/domain/teams/team.server";
import { sendMail } from "~/utils/mail.server";
import { formatRand, METHOD_LABELS } from "./labels";
import type { ContactMethod } from "./validation";

export const NOTIFY_JOB = "vehicle-request.notify";

export type DealerEmailInput = {
  requestId: number;
  companyName: string;
  buyer: {
    fullName: string;
    email: string;
    phone: string;
    province: string;
    city: string;
    preferredContactMethod: ContactMethod;
    additionalComments: string | null;
  };
  vehicles: { make: string; model: string; year: number; price: number }[];
  leadsUrl: string;
};

/** The dealership's e-mail, from the shared templates (~/domain/emails). */
export function composeDealerEmail(input: DealerEmailInput) {
  return dealershipNotificationEmail({
    requestId: input.requestId,
    companyName: input.companyName,
    buyer: { ...input.buyer, preferredContactMethod: METHOD_LABELS[input.buyer.preferredContactMethod] },
    vehicles: input.vehicles.map((v) => ({ label: `${v.make} ${v.model} (${v.year}) — ${formatRand(v.price)}` })),
    leadUrl: input.leadsUrl,
  });
}

function requestIdOf(payload: unknown): number | null {
  const id = payload && typeof payload === "object" ? (payload as { requestId?: unknown }).requestId : undefined;
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export type NotifyOutcome = "missing" | "cancelled" | "already-notified" | "rescheduled" | "dispatched";

/**
 * The window's end: one notification job per dealership, enqueued once (the request's dispatchedAt
 * and the jobs are written in one transaction), so that a dealership whose mail server is down —
 * or whose send was cut by a crash — never holds the others back.
 */
export async function notifyDealerships(requestId: number, now = new Date()): Promise<NotifyOutcome> {
  const request = await db.vehicleContactRequest.findUnique({
    where: { id: requestId },
    select: { status: true, anonymityExpiresAt: true, dispatchedAt: true, leads: { select: { id: true } } },
  });
  if (!request) return "missing";
  if (request.status === "cancelled") return "cancelled";
  if (request.status === "notified" || request.dispatchedAt) return "already-notified";
  // Never a second early, whatever woke us: put ourselves back on the queue for the right time.
  if (now < request.anonymityExpiresAt) {
    await enqueueJob(db, { type: NOTIFY_JOB, payload: { requestId }, runAt: request.anonymityExpiresAt });
    return "rescheduled";
  }
  const dispatched = await db.$transaction(async (tx) => {
    const claimed = await tx.vehicleContactRequest.updateMany({
      where: { id: requestId, status: "pending", dispatchedAt: null },
      data: { dispatchedAt: now },
    });
    if (claimed.count !== 1) return false;
    for (const lead of request.leads) {
      await enqueueJob(tx, { type: DEALERSHIP_NOTIFY_JOB, payload: { leadId: lead.id } });
    }
    return true;
  });
  if (!dispatched) return "already-notified";
  log.info("vehicle request dispatched", { requestId, dealerships: request.leads.length });
  return "dispatched";
}

/** An attempt that started this long ago and never finished is taken to have died (crash). */
export const SEND_LEASE_MS = 2 * 60_000;

export type DealershipOutcome = "missing" | "cancelled" | "already-notified" | "notified";

/**
 * Sends one dealership its e-mail, exactly once (docs/decisions/020):
 * 1. the intent is recorded first (`mailSendingAt`, with a Message-ID fixed for the lead), and only
 *    one attempt at a time holds it;
 * 2. the mail is sent with that Message-ID — in the `.eml` outbox the file is named after it, so a
 *    repeated send writes nothing; over SMTP, an attempt found unfinished (the process died between
 *    the server's acceptance and step 3) is sent again with the same Message-ID, logged as such;
 * 3. `notifiedAt` records the success, and the request is `notified` once no dealership is left.
 * `afterSend` lets tests stop the process between steps 2 and 3.
 */
export async function notifyDealership(
  leadId: string,
  { now = new Date(), afterSend }: { now?: Date; afterSend?: () => void | Promise<void> } = {},
): Promise<DealershipOutcome> {
  const lead = await db.vehicleLead.findUnique({
    where: { id: leadId },
    include: {
      pro: { select: { companyName: true } },
      assignee: { select: { email: true, name: true, active: true } },
      request: { include: { vehicles: { orderBy: { id: "asc" } } } },
    },
  });
  if (!lead) return "missing";
  if (lead.notifiedAt) return "already-notified";
  const { request } = lead;
  if (request.status === "cancelled") return "cancelled";

  const messageId = lead.mailMessageId ?? `<vehicle-lead.${lead.id}@${new URL(env().APP_URL).hostname}>`;
  const claimed = await db.vehicleLead.updateMany({
    where: {
      id: lead.id,
      notifiedAt: null,
      OR: [{ mailSendingAt: null }, { mailSendingAt: { lt: new Date(now.getTime() - SEND_LEASE_MS) } }],
    },
    data: { mailSendingAt: now, mailMessageId: messageId },
  });
  if (claimed.count !== 1) {
    // Another attempt holds the send (or has just finished it): the queue tries again later.
    throw new Error("another attempt is sending this dealership e-mail");
  }
  if (lead.mailSendingAt) {
    log.warn("dealership e-mail: an earlier attempt's outcome is unknown, sending with the same Message-ID", {
      leadId: lead.id,
      requestId: request.id,
    });
  }

  const mail = composeDealerEmail({
    requestId: request.id,
    companyName: lead.pro.companyName,
    buyer: {
      fullName: decryptPII(request.fullNameEnc),
      email: decryptPII(request.emailEnc),
      phone: decryptPII(request.phoneEnc),
      province: request.province,
      city: request.city,
      preferredContactMethod: request.preferredContactMethod,
      additionalComments: decryptOptionalPII(request.additionalCommentsEnc),
    },
    vehicles: request.vehicles.filter((v) => v.proId === lead.proId),
    leadsUrl: appLink(env().APP_URL, `/pro/contacts/vehicles/${lead.id}`),
  });
  try {
    // To the member handling the lead, else the owner (docs/decisions/031).
    const { email: to } = await leadRecipient({ proId: lead.proId, assignee: lead.assignee });
    await sendMail({ to, ...mail, messageId });
  } catch (error) {
    // Refused or unreachable: nothing was delivered, the next attempt may start at once.
    await db.vehicleLead.updateMany({ where: { id: lead.id, notifiedAt: null }, data: { mailSendingAt: null } });
    throw error;
  }
  await afterSend?.();
  await db.vehicleLead.update({ where: { id: lead.id }, data: { notifiedAt: new Date() } });
  const done = await db.vehicleContactRequest.updateMany({
    where: { id: request.id, status: "pending", leads: { every: { notifiedAt: { not: null } } } },
    data: { status: "notified", notifiedAt: new Date() },
  });
  if (done.count === 1) log.info("vehicle request notified", { requestId: request.id });
  return "notified";
}

function leadIdOf(payload: unknown): string | null {
  const id = payload && typeof payload === "object" ? (payload as { leadId?: unknown }).leadId : undefined;
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : null;
}

export const DEALERSHIP_NOTIFY_JOB = "vehicle-lead.notify";

/**
 * Exported and used by the submission module on purpose: package.json declares `sideEffects: false`,
 * so a module imported only for its side effect (handlers.server.ts) may be dropped by the bundler.
 */
export const notifyJob = defineJob(NOTIFY_JOB, async (payload: unknown) => {
  const requestId = requestIdOf(payload);
  if (requestId === null) throw new Error("vehicle-request.notify: payload without a valid requestId");
  await notifyDealerships(requestId);
});

export const notifyDealershipJob = defineJob(DEALERSHIP_NOTIFY_JOB, async (payload: unknown) => {
  const leadId = leadIdOf(payload);
  if (leadId === null) throw new Error("vehicle-lead.notify: payload without a valid leadId");
  await notifyDealership(leadId);
});
