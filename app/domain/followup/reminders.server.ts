/**
 * Reminders about leads still waiting for an answer (SPEC "Lead follow-up", docs/decisions/035).
 *
 * Each (lead, period) has one `LeadReminder` row, unique on (leadKey, period), created together
 * with the one job that handles it: the first in the transaction that creates the lead, each next
 * one in the transaction that claims the previous. A worker claims a reminder with a conditional
 * update (`sentAt` from null to now) before sending, so however many workers and restarts there
 * are, one e-mail at most leaves per lead and period, never before it is due, none once the lead is
 * read or replied. It goes to the lead's assignee, else the organisation's owner; none goes to a
 * member who switched reminders off, nor to anyone else in their place.
 */
import { firstNameOf } from "~/domain/inquiries/notify.server";
import { appLink } from "~/domain/emails/layout";
import { leadReminderEmail, type WaitingLead } from "~/domain/emails/templates";
import { defineJob, enqueueJob, type EnqueueOptions, type JobClient } from "~/domain/jobs/queue.server";
import { decryptPII } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { leadKey, leadPath, parseLeadKey, type LeadRef } from "./leads";

export const REMINDER_JOB = "lead.remind";
/** How many other waiting leads a reminder lists. */
const OTHERS_LISTED = 5;
/** A vehicle lead whose dealership e-mail is still on its way is looked at again this much later. */
const NOT_YET_VISIBLE_RETRY_MS = 60_000;

/** Arrival + LEAD_REMINDER_SECONDS, then one LEAD_REMINDER_REPEAT_SECONDS more per period. */
export function reminderDueAt(startedAt: Date, period: number): Date {
  const { LEAD_REMINDER_SECONDS, LEAD_REMINDER_REPEAT_SECONDS } = env();
  return new Date(startedAt.getTime() + (LEAD_REMINDER_SECONDS + period * LEAD_REMINDER_REPEAT_SECONDS) * 1000);
}

/**
 * Schedules the reminder of `period` for a lead whose clock started at `startedAt`, unless it
 * exists. Call it inside the transaction that creates the lead (period 0).
 */
export async function scheduleReminder(
  tx: JobClient,
  { lead, startedAt, period }: { lead: LeadRef; startedAt: Date; period: number },
): Promise<void> {
  const existing = await tx.leadReminder.findUnique({ where: { leadKey_period: { leadKey: leadKey(lead), period } } });
  if (existing) return;
  await enqueueJob(tx, await createReminder(tx, { lead, startedAt, period }));
}

/**
 * The first reminder of a lead created in the same transaction, which therefore has none yet: its
 * row is written and its job returned, for the caller to enqueue with the lead's other jobs.
 */
export async function firstReminder(tx: JobClient, { lead, startedAt }: { lead: LeadRef; startedAt: Date }) {
  return createReminder(tx, { lead, startedAt, period: 0 });
}

async function createReminder(
  tx: JobClient,
  { lead, startedAt, period }: { lead: LeadRef; startedAt: Date; period: number },
): Promise<EnqueueOptions> {
  const dueAt = reminderDueAt(startedAt, period);
  const row = await tx.leadReminder.create({ data: { leadKey: leadKey(lead), period, dueAt }, select: { id: true } });
  return { type: REMINDER_JOB, payload: { reminderId: row.id }, runAt: dueAt };
}

type Recipient = { memberId: string; email: string; name: string; remindersEnabled: boolean; isOwner: boolean };

type LeadState = {
  status: "new_request" | "read" | "replied";
  startedAt: Date;
  /** False while a vehicle lead's dealership has not been told yet. */
  visible: boolean;
  /** A withdrawn vehicle request. */
  gone: boolean;
  proId: string;
  listingTitle: string;
  buyerFirstName: string;
  /** The lead's assignee if active, else the organisation's owner (SPEC "Reminders"). */
  recipient: Recipient;
};

const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  leadRemindersEnabled: true,
} as const;

type MemberRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  leadRemindersEnabled: boolean;
};

/** The assignee while active, else the owner: who a lead's reminder goes to. */
async function reminderRecipient(
  client: JobClient,
  proId: string,
  assignee: MemberRow | null,
): Promise<Recipient | null> {
  const member =
    assignee?.active === true
      ? assignee
      : await client.member.findFirst({ where: { proId, role: "owner", active: true }, select: memberSelect });
  if (!member) return null;
  return {
    memberId: member.id,
    email: member.email,
    name: member.name,
    remindersEnabled: member.leadRemindersEnabled,
    isOwner: member.role === "owner",
  };
}

/** The lead as a reminder needs it, read through `client` (the claim's transaction, or `db`). */
async function leadState(client: JobClient, lead: LeadRef): Promise<LeadState | null> {
  if (lead.kind === "inquiry") {
    const row = await client.contactRequest.findUnique({
      where: { id: lead.id },
      select: {
        status: true,
        createdAt: true,
        proId: true,
        propertyTitle: true,
        senderNameEnc: true,
        assignee: { select: memberSelect },
      },
    });
    if (!row) return null;
    const recipient = await reminderRecipient(client, row.proId, row.assignee);
    if (!recipient) return null;
    return {
      status: row.status,
      startedAt: row.createdAt,
      visible: true,
      gone: false,
      proId: row.proId,
      listingTitle: row.propertyTitle,
      buyerFirstName: firstNameOf(decryptPII(row.senderNameEnc)),
      recipient,
    };
  }
  const row = await client.vehicleLead.findUnique({
    where: { id: lead.id },
    select: {
      status: true,
      receivedAt: true,
      notifiedAt: true,
      proId: true,
      assignee: { select: memberSelect },
      request: {
        select: { status: true, fullNameEnc: true, vehicles: { select: { proId: true, make: true, model: true } } },
      },
    },
  });
  if (!row) return null;
  const recipient = await reminderRecipient(client, row.proId, row.assignee);
  if (!recipient) return null;
  return {
    status: row.status,
    startedAt: row.receivedAt,
    visible: row.notifiedAt !== null,
    gone: row.request.status === "cancelled",
    proId: row.proId,
    listingTitle: vehicleTitle(row.request.vehicles.filter((v) => v.proId === row.proId)),
    buyerFirstName: firstNameOf(decryptPII(row.request.fullNameEnc)),
    recipient,
  };
}

function vehicleTitle(vehicles: { make: string; model: string }[]): string {
  return vehicles.map((v) => `${v.make} ${v.model}`).join(", ") || "Véhicules";
}

/**
 * The recipient's other leads still new, oldest first, with the total count: those assigned to them,
 * and for the owner the unassigned pool too (its reminders go to them).
 */
async function otherWaitingLeads({
  proId,
  recipient,
  except,
  now,
}: {
  proId: string;
  recipient: Recipient;
  except: LeadRef;
  now: Date;
}) {
  const mine = recipient.isOwner
    ? { OR: [{ assigneeId: recipient.memberId }, { assigneeId: null }] }
    : { assigneeId: recipient.memberId };
  const notThis = (kind: LeadRef["kind"]) => (except.kind === kind ? { id: { not: except.id } } : {});
  const inquiryWhere = { proId, status: "new_request" as const, ...mine, ...notThis("inquiry") };
  const vehicleWhere = {
    proId,
    status: "new_request" as const,
    notifiedAt: { not: null },
    ...mine,
    ...notThis("vehicle"),
  };
  const [inquiries, inquiryCount, vehicleLeads, vehicleCount] = await Promise.all([
    db.contactRequest.findMany({
      where: inquiryWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: OTHERS_LISTED + 1,
      select: { id: true, createdAt: true, propertyTitle: true, senderNameEnc: true },
    }),
    db.contactRequest.count({ where: inquiryWhere }),
    db.vehicleLead.findMany({
      where: vehicleWhere,
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: OTHERS_LISTED + 1,
      select: {
        id: true,
        receivedAt: true,
        request: { select: { fullNameEnc: true, vehicles: { where: { proId }, select: { make: true, model: true } } } },
      },
    }),
    db.vehicleLead.count({ where: vehicleWhere }),
  ]);
  const appUrl = env().APP_URL;
  const all = [
    ...inquiries.map((row) => ({
      ref: { kind: "inquiry" as const, id: row.id },
      startedAt: row.createdAt,
      title: row.propertyTitle,
      nameEnc: row.senderNameEnc,
    })),
    ...vehicleLeads.map((row) => ({
      ref: { kind: "vehicle" as const, id: row.id },
      startedAt: row.receivedAt,
      title: vehicleTitle(row.request.vehicles),
      nameEnc: row.request.fullNameEnc,
    })),
  ]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    .slice(0, OTHERS_LISTED);
  const others: WaitingLead[] = all.map((l) => ({
    listingTitle: l.title,
    buyerFirstName: firstNameOf(decryptPII(l.nameEnc)),
    waitingSeconds: Math.round((now.getTime() - l.startedAt.getTime()) / 1000),
    url: appLink(appUrl, leadPath(l.ref)),
  }));
  return { others, total: inquiryCount + vehicleCount };
}

export type ReminderOutcome = "sent" | "skipped" | "already-handled" | "not-due" | "missing";

const unhandled = { sentAt: null, skippedAt: null, claimedAt: null } as const;

/** Handles one reminder row; safe to run twice or on several workers at once. */
export async function runReminder(reminderId: string, now: Date = new Date()): Promise<ReminderOutcome> {
  const reminder = await db.leadReminder.findUnique({ where: { id: reminderId } });
  if (!reminder) return "missing";
  if (reminder.sentAt || reminder.skippedAt || reminder.claimedAt) return "already-handled";
  const lead = parseLeadKey(reminder.leadKey);
  const seen = lead ? await leadState(db, lead) : null;
  if (!lead || !seen || seen.gone) {
    await db.leadReminder.updateMany({ where: { id: reminder.id, ...unhandled }, data: { skippedAt: now } });
    return "skipped";
  }
  // Woken early (a clock moved, a job run by hand) or the lead is not visible yet: look again later.
  if (now < reminder.dueAt || !seen.visible) {
    const runAt = now < reminder.dueAt ? reminder.dueAt : new Date(now.getTime() + NOT_YET_VISIBLE_RETRY_MS);
    await enqueueJob(db, { type: REMINDER_JOB, payload: { reminderId: reminder.id }, runAt });
    return "not-due";
  }

  // The claim: whoever flips the row first owns this period. It writes before it reads (on SQLite a
  // transaction that reads first cannot take the write lock once another instance has committed),
  // then decides under the claim on the lead as it is now: a lead read or replied meanwhile, or a
  // recipient who switched reminders off, turns the claim into a skip. The next period is scheduled
  // in the same transaction while the lead waits, also when the recipient switched reminders off
  // (switching them back on resumes at the next period).
  const claim = await db.$transaction(async (tx) => {
    const { count } = await tx.leadReminder.updateMany({
      where: { id: reminder.id, ...unhandled },
      data: { claimedAt: now },
    });
    if (count !== 1) return null;
    const state = await leadState(tx, lead);
    const stillWaiting = state !== null && !state.gone && state.status === "new_request";
    if (stillWaiting) await scheduleReminder(tx, { lead, startedAt: state.startedAt, period: reminder.period + 1 });
    if (stillWaiting && state.recipient.remindersEnabled) return { wanted: true as const, state };
    await tx.leadReminder.update({ where: { id: reminder.id }, data: { claimedAt: null, skippedAt: now } });
    return { wanted: false as const };
  });
  if (!claim) return "already-handled";
  if (!claim.wanted) return "skipped";
  const { state } = claim;

  try {
    const appUrl = env().APP_URL;
    const { others, total } = await otherWaitingLeads({
      proId: state.proId,
      recipient: state.recipient,
      except: lead,
      now,
    });
    const mail = leadReminderEmail({
      recipientName: state.recipient.name,
      lead: {
        listingTitle: state.listingTitle,
        buyerFirstName: state.buyerFirstName,
        waitingSeconds: Math.round((now.getTime() - state.startedAt.getTime()) / 1000),
        url: appLink(appUrl, leadPath(lead)),
      },
      others,
      othersTotal: total,
      settingsUrl: appLink(appUrl, "/pro/settings"),
    });
    await sendMail({ to: state.recipient.email, ...mail });
  } catch (error) {
    // Not sent: give the claim back so the job's retry can take it again.
    await db.leadReminder.updateMany({
      where: { id: reminder.id, claimedAt: now, sentAt: null },
      data: { claimedAt: null },
    });
    throw error;
  }
  // Only now is it sent. A crash just before this line leaves the period claimed and never sent
  // again: for a reminder, at most once is the better failure (docs/decisions/035).
  await db.leadReminder.updateMany({ where: { id: reminder.id, claimedAt: now }, data: { sentAt: new Date() } });
  return "sent";
}

// ---- Each member's choice (/pro/settings).

export async function leadRemindersEnabled(memberId: string): Promise<boolean> {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { leadRemindersEnabled: true } });
  return member?.leadRemindersEnabled ?? false;
}

/** Switching off skips the periods that fall due meanwhile; switching back on resumes at the next one. */
export async function setLeadReminders({ memberId, enabled }: { memberId: string; enabled: boolean }) {
  await db.member.update({ where: { id: memberId }, data: { leadRemindersEnabled: enabled } });
}

function reminderIdOf(payload: unknown): string {
  const id = payload && typeof payload === "object" ? (payload as { reminderId?: unknown }).reminderId : undefined;
  if (typeof id !== "string" || !id) throw new Error("lead.remind: payload without a reminderId");
  return id;
}

export const reminderJob = defineJob(REMINDER_JOB, async (payload: unknown) => {
  await runReminder(reminderIdOf(payload));
});
