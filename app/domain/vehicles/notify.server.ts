/**
 * The anonymity window's end (seed 004): each dealership whose vehicles were chosen gets ONE e-mail
 * with the buyer's details and its own vehicles. Progress is kept per dealership (the lead's
 * notifiedAt), so a retry after a partial failure never writes twice to a dealership already done.
 */
import { dealershipNotificationEmail } from "~/domain/emails/templates";
import { defineJob, enqueueJob } from "~/domain/jobs/queue.server";
import { decryptOptionalPII, decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
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

/**
 * The buyer's comments are their own words, never Vitrine's: introduced as such and quoted line by
 * line (`> `), so nothing they type can pass for part of our message (a fake link, a fake signature).
 */
export function quotedComments(comments: string | null): string[] {
  if (!comments?.trim()) return ["  Commentaires de l’acheteur : (aucun)"];
  const lines = comments.replace(/\r\n?/g, "\n").split("\n");
  return [
    "  Commentaires de l’acheteur (ses propres mots, non vérifiés par Vitrine) :",
    ...lines.map((line) => `  > ${line}`),
    "  (fin des commentaires de l’acheteur)",
  ];
}

function requestIdOf(payload: unknown): number | null {
  const id = payload && typeof payload === "object" ? (payload as { requestId?: unknown }).requestId : undefined;
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export type NotifyOutcome = "missing" | "cancelled" | "already-notified" | "rescheduled" | "notified";

export async function notifyDealerships(requestId: number, now = new Date()): Promise<NotifyOutcome> {
  const request = await db.vehicleContactRequest.findUnique({
    where: { id: requestId },
    include: {
      vehicles: { orderBy: { id: "asc" } },
      leads: { include: { pro: { select: { email: true, companyName: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!request) return "missing";
  if (request.status === "cancelled") return "cancelled";
  if (request.status === "notified") return "already-notified";
  // Never a second early, whatever woke us: put ourselves back on the queue for the right time.
  if (now < request.anonymityExpiresAt) {
    await enqueueJob(db, { type: NOTIFY_JOB, payload: { requestId }, runAt: request.anonymityExpiresAt });
    return "rescheduled";
  }

  const buyer = {
    fullName: decryptPII(request.fullNameEnc),
    email: decryptPII(request.emailEnc),
    phone: decryptPII(request.phoneEnc),
    province: request.province,
    city: request.city,
    preferredContactMethod: request.preferredContactMethod,
    additionalComments: decryptOptionalPII(request.additionalCommentsEnc),
  };

  // One dealership's failing mailbox does not hold the others back; the job then fails and the
  // queue retries later with backoff, for the dealerships left only.
  const failures: unknown[] = [];
  for (const lead of request.leads) {
    if (lead.notifiedAt) continue;
    const mail = composeDealerEmail({
      requestId: request.id,
      companyName: lead.pro.companyName,
      buyer,
      vehicles: request.vehicles.filter((v) => v.proId === lead.proId),
      leadsUrl: `${env().APP_URL.replace(/\/+$/, "")}/pro/contacts/vehicles/${lead.id}`,
    });
    try {
      await sendMail({ to: lead.pro.email, ...mail });
    } catch (error) {
      failures.push(error);
      continue;
    }
    await db.vehicleLead.update({ where: { id: lead.id }, data: { notifiedAt: new Date() } });
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} dealership e-mails failed`);

  await db.vehicleContactRequest.updateMany({
    where: { id: request.id, status: "pending" },
    data: { status: "notified", notifiedAt: new Date() },
  });
  log.info("vehicle request notified", { requestId: request.id, dealerships: request.leads.length });
  return "notified";
}

/**
 * Exported and used by the submission module on purpose: package.json declares `sideEffects: false`,
 * so a module imported only for its side effect (handlers.server.ts) may be dropped by the bundler.
 */
export const notifyJob = defineJob(NOTIFY_JOB, async (payload: unknown) => {
  const requestId = requestIdOf(payload);
  if (requestId === null) throw new Error("vehicle-request.notify: payload without a valid requestId");
  await notifyDealerships(requestId);
});
