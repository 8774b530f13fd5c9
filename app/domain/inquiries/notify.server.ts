import { appLink } from "~/domain/emails/layout";
import { inquiryAcknowledgementEmail, leadNotificationEmail } from "~/domain/emails/templates";
import { defineJob } from "~/domain/jobs/queue.server";
import { decryptOptionalPII, decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { leadRecipient } from "~/domain/teams/team.server";
import { sendMail } from "~/utils/mail.server";

export const INQUIRY_NOTIFY_JOB = "inquiry.notify";
export const INQUIRY_ACKNOWLEDGE_JOB = "inquiry.acknowledge";

export type InquiryNotifyPayload = { contactRequestId: string };

/** The sender's first name only, for e-mails that must not carry the rest (reminders). */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0]?.slice(0, 40) ?? "";
}

function inquiryIdOf(payload: unknown): string {
  const id = payload && typeof payload === "object" ? (payload as { contactRequestId?: unknown }).contactRequestId : "";
  if (typeof id !== "string" || !id) throw new Error("inquiry job: payload without a contactRequestId");
  return id;
}

const notificationSelect = {
  id: true,
  propertyTitle: true,
  senderNameEnc: true,
  senderEmailEnc: true,
  senderPhoneEnc: true,
  messageEnc: true,
  proId: true,
  property: { select: { slug: true, title: true } },
  programme: { select: { slug: true, name: true } },
  pro: { select: { companyName: true } },
  assignee: { select: { email: true, name: true, active: true } },
} as const;

/** What the inquiry is about, as the e-mails name and link it: a listing, a programme, or what is left. */
function listingOf(inquiry: {
  propertyTitle: string;
  property: { slug: string; title: string } | null;
  programme: { slug: string; name: string } | null;
}): { title: string; url: string | null } {
  if (inquiry.property) {
    return { title: inquiry.property.title, url: appLink(env().APP_URL, `/properties/${inquiry.property.slug}`) };
  }
  if (inquiry.programme) {
    return { title: inquiry.programme.name, url: appLink(env().APP_URL, `/programmes/${inquiry.programme.slug}`) };
  }
  return { title: inquiry.propertyTitle, url: null };
}

/**
 * Tells the pro that a new inquiry arrived, with the buyer's message and contact details: what the
 * pro needs to call back at once (SPEC "Lead follow-up"). Sent through the job queue, enqueued in the
 * same transaction as the inquiry: an SMTP outage only delays it, a crash never loses it.
 */
export const inquiryNotifyJob = defineJob(INQUIRY_NOTIFY_JOB, async (payload: unknown) => {
  const inquiry = await db.contactRequest.findUnique({
    where: { id: inquiryIdOf(payload) },
    select: notificationSelect,
  });
  // The pro's account was deleted meanwhile (cascade): nobody to tell.
  if (!inquiry) return;
  // The assignee, else the owner (SPEC "Teams").
  const to = await leadRecipient({ proId: inquiry.proId, assignee: inquiry.assignee });
  const mail = leadNotificationEmail({
    recipientName: to.name,
    listingTitle: listingOf(inquiry).title,
    buyer: {
      name: decryptPII(inquiry.senderNameEnc),
      email: decryptPII(inquiry.senderEmailEnc),
      phone: decryptOptionalPII(inquiry.senderPhoneEnc),
    },
    message: decryptPII(inquiry.messageEnc),
    leadUrl: appLink(env().APP_URL, `/pro/contacts/${inquiry.id}`),
  });
  await sendMail({ to: to.email, ...mail });
});

/** The buyer's receipt (SPEC "Buyer acknowledgement"): never the pro's address, no Reply-To. */
export const inquiryAcknowledgeJob = defineJob(INQUIRY_ACKNOWLEDGE_JOB, async (payload: unknown) => {
  const inquiry = await db.contactRequest.findUnique({
    where: { id: inquiryIdOf(payload) },
    select: notificationSelect,
  });
  if (!inquiry) return;
  const mail = inquiryAcknowledgementEmail({
    buyerName: decryptPII(inquiry.senderNameEnc),
    listingTitle: listingOf(inquiry).title,
    listingUrl: listingOf(inquiry).url,
    message: decryptPII(inquiry.messageEnc),
    companyName: inquiry.pro.companyName,
  });
  await sendMail({ to: decryptPII(inquiry.senderEmailEnc), ...mail });
});
