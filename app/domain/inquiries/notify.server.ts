import { defineJob } from "~/domain/jobs/queue.server";
import { decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { leadRecipient } from "~/domain/teams/team.server";
import { sendMail } from "~/utils/mail.server";

export const INQUIRY_NOTIFY_JOB = "inquiry.notify";

export type InquiryNotifyPayload = { contactRequestId: string };

/** The sender's first name only: the pro reads the rest in the inbox, behind sign-in. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0]?.slice(0, 40) ?? "";
}

/**
 * Tells the pro that a new inquiry arrived, with as little personal data as possible: the listing
 * title, the sender's first name and a link to the inbox, never the sender's e-mail, phone or
 * message. The mail goes out through the job queue, so an SMTP outage only delays it (the worker
 * retries with backoff) and a crash never loses it. One job per inquiry, enqueued in the same
 * transaction as the inquiry itself.
 */
export function inquiryNotification(input: {
  proName: string;
  propertyTitle: string;
  senderFirstName: string;
  inquiryId: string;
  appUrl: string;
}) {
  const link = `${input.appUrl.replace(/\/$/, "")}/pro/contacts/${input.inquiryId}`;
  const who = input.senderFirstName ? input.senderFirstName : "Un visiteur";
  const subject = `Nouvelle demande pour « ${input.propertyTitle} »`;
  const text = [
    `Bonjour ${input.proName},`,
    "",
    `${who} vous a envoyé une demande de contact au sujet de « ${input.propertyTitle} ».`,
    "",
    `Lisez-la et répondez depuis votre espace professionnel : ${link}`,
    "",
    "— Vitrine",
  ].join("\n");
  return { subject, text, link };
}

defineJob(INQUIRY_NOTIFY_JOB, async (payload: unknown) => {
  const { contactRequestId } = payload as InquiryNotifyPayload;
  const inquiry = await db.contactRequest.findUnique({
    where: { id: contactRequestId },
    select: {
      id: true,
      proId: true,
      propertyTitle: true,
      senderNameEnc: true,
      assignee: { select: { email: true, name: true, active: true } },
    },
  });
  // The pro's account was deleted meanwhile (cascade): nobody to tell.
  if (!inquiry) return;
  // The assignee, else the owner (SPEC "Teams").
  const to = await leadRecipient({ proId: inquiry.proId, assignee: inquiry.assignee });
  const mail = inquiryNotification({
    proName: to.name,
    propertyTitle: inquiry.propertyTitle,
    senderFirstName: firstNameOf(decryptPII(inquiry.senderNameEnc)),
    inquiryId: inquiry.id,
    appUrl: env().APP_URL,
  });
  await sendMail({ to: to.email, subject: mail.subject, text: mail.text });
});
