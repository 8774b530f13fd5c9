import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The mail transport is replaced so sends can be counted and a failure injected.
const sent: { to: string; subject: string; text: string }[] = [];
let failing = false;
vi.mock("~/utils/mail.server", () => ({
  sendMail: vi.fn(async (mail: { to: string; subject: string; text: string }) => {
    // Give other claimants a chance to interleave while this send is "on the wire".
    await new Promise((r) => setTimeout(r, 5));
    if (failing) throw new Error("SMTP 451 temporary failure");
    sent.push(mail);
    return { messageId: "test" };
  }),
}));

const { db } = await import("~/utils/db.server");
const { encryptPII } = await import("~/utils/crypto.server");
const { env } = await import("~/utils/env.server");
const { runReminder, scheduleReminder, setLeadReminders, REMINDER_JOB } = await import("./reminders.server");

let proId: string;
const members = { owner: "", agent: "" };

beforeAll(async () => {
  const pro = await db.pro.create({
    data: { email: "rappels@agence.test", name: "Rose", companyName: "Agence Rappel", kind: "agency" },
  });
  proId = pro.id;
  for (const role of ["owner", "agent"] as const) {
    const member = await db.member.create({
      data: { proId, email: `${role}@rappel.test`, passwordHash: "x", name: `Membre ${role}`, role },
    });
    members[role] = member.id;
  }
});

beforeEach(() => {
  sent.length = 0;
  failing = false;
});

/** A lead that arrived an hour ago, with its period-0 reminder (due long ago), as submitInquiry makes them. */
async function waitingLead(assigneeId: string | null) {
  const createdAt = new Date(Date.now() - 3600_000);
  return db.$transaction(async (tx) => {
    const lead = await tx.contactRequest.create({
      data: {
        proId,
        propertyTitle: "Maison à Nantes",
        senderNameEnc: encryptPII("Zoé Acheteuse"),
        senderEmailEnc: encryptPII("zoe@example.fr"),
        messageEnc: encryptPII("Bonjour"),
        assigneeId,
        createdAt,
      },
    });
    await scheduleReminder(tx, { lead: { kind: "inquiry", id: lead.id }, startedAt: createdAt, period: 0 });
    const reminder = await tx.leadReminder.findUniqueOrThrow({
      where: { leadKey_period: { leadKey: `inquiry:${lead.id}`, period: 0 } },
    });
    return { lead, reminder };
  });
}

const rowsOf = (leadId: string) =>
  db.leadReminder.findMany({ where: { leadKey: `inquiry:${leadId}` }, orderBy: { period: "asc" } });

describe("runReminder", () => {
  it("sends exactly one e-mail per period to the assignee when many workers run it at once", async () => {
    const { lead, reminder } = await waitingLead(members.agent);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => runReminder(reminder.id)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "sent").every((o) => o === "already-handled")).toBe(true);
    expect(sent.map((m) => m.to)).toEqual(["agent@rappel.test"]);

    // The next period exists once, with one job, due one repeat period later.
    const rows = await rowsOf(lead.id);
    expect(rows.map((r) => [r.period, Boolean(r.sentAt)])).toEqual([
      [0, true],
      [1, false],
    ]);
    const { LEAD_REMINDER_SECONDS, LEAD_REMINDER_REPEAT_SECONDS } = env();
    expect(rows[1].dueAt.getTime()).toBe(
      lead.createdAt.getTime() + (LEAD_REMINDER_SECONDS + LEAD_REMINDER_REPEAT_SECONDS) * 1000,
    );
    const jobs = await db.job.findMany({ where: { type: REMINDER_JOB, payload: { contains: rows[1].id } } });
    expect(jobs).toHaveLength(1);

    // Sent means sent: the claim and the time the e-mail left are both recorded.
    expect(rows[0].claimedAt).not.toBeNull();
    expect(rows[0].sentAt!.getTime()).toBeGreaterThanOrEqual(rows[0].claimedAt!.getTime());

    // A repeat of the job (a retry, a restart) does nothing more.
    expect(await runReminder(reminder.id)).toBe("already-handled");
    expect(sent).toHaveLength(1);
  });

  it("goes to the owner when the lead has no assignee, and to nobody instead of a member who switched them off", async () => {
    const pool = await waitingLead(null);
    expect(await runReminder(pool.reminder.id)).toBe("sent");
    expect(sent.map((m) => m.to)).toEqual(["owner@rappel.test"]);

    await setLeadReminders({ memberId: members.agent, enabled: false });
    try {
      const off = await waitingLead(members.agent);
      expect(await runReminder(off.reminder.id)).toBe("skipped");
      expect(sent).toHaveLength(1);
      // Skipped, not cut: the next period is scheduled, for when they switch reminders back on.
      expect((await rowsOf(off.lead.id)).map((r) => [r.period, Boolean(r.skippedAt)])).toEqual([
        [0, true],
        [1, false],
      ]);
    } finally {
      await setLeadReminders({ memberId: members.agent, enabled: true });
    }
  });

  it("decides under the claim: a lead read after the worker looked at it is skipped, not reminded", async () => {
    const { lead, reminder } = await waitingLead(members.agent);
    // The worker reads the lead (still new); the pro opens it before the worker claims the period.
    const spy = vi.spyOn(db.contactRequest, "findUnique").mockImplementationOnce((async (args: never) => {
      const row = await db.contactRequest.findUniqueOrThrow(args);
      await db.contactRequest.update({ where: { id: lead.id }, data: { status: "read" } });
      return row;
    }) as never);
    try {
      expect(await runReminder(reminder.id)).toBe("skipped");
    } finally {
      spy.mockRestore();
    }
    expect(sent).toHaveLength(0);
    expect((await rowsOf(lead.id)).map((r) => [r.period, Boolean(r.skippedAt), r.claimedAt])).toEqual([
      [0, true, null],
    ]);
  });

  it("ends the chain once the lead is read, and never sends before the reminder is due", async () => {
    const { lead, reminder } = await waitingLead(members.agent);
    expect(await runReminder(reminder.id, new Date(reminder.dueAt.getTime() - 1000))).toBe("not-due");
    expect(sent).toHaveLength(0);
    await db.contactRequest.update({ where: { id: lead.id }, data: { status: "read" } });
    expect(await runReminder(reminder.id)).toBe("skipped");
    expect((await rowsOf(lead.id)).map((r) => r.period)).toEqual([0]);
    expect(sent).toHaveLength(0);
  });

  it("gives the period back when the e-mail could not leave, so the job's retry sends it once", async () => {
    const { reminder } = await waitingLead(members.agent);
    failing = true;
    await expect(runReminder(reminder.id)).rejects.toThrow(/SMTP/);
    const released = await db.leadReminder.findUniqueOrThrow({ where: { id: reminder.id } });
    expect([released.claimedAt, released.sentAt]).toEqual([null, null]);
    failing = false;
    expect(await runReminder(reminder.id)).toBe("sent");
    expect(sent).toHaveLength(1);
  });
});
