import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The mail transport is replaced so a failure can be injected for one dealership.
const sent: { to: string; subject: string; text: string }[] = [];
let failFor: string | null = null;
vi.mock("~/utils/mail.server", () => ({
  sendMail: vi.fn(async (mail: { to: string; subject: string; text: string }) => {
    if (mail.to === failFor) throw new Error("SMTP 451 temporary failure");
    sent.push(mail);
    return { messageId: "test" };
  }),
}));

const { db } = await import("~/utils/db.server");
const { hashPassword } = await import("~/utils/crypto.server");
const { composeDealerEmail, notifyDealership, notifyDealerships } = await import("./notify.server");
const { runDueJobsOnce } = await import("~/domain/jobs/worker.server");
const { submitVehicleContactRequest } = await import("./submission.server");
const { findOwnRequest, withdrawOwnRequest } = await import("./viewer.server");

let dealerA: { id: string; email: string };
let dealerB: { id: string; email: string };

beforeAll(async () => {
  const passwordHash = await hashPassword("vitrine-demo");
  const make = (email: string, companyName: string) =>
    db.pro.create({
      data: {
        email,
        name: "X",
        companyName,
        kind: "dealership",
        identityStatus: "verified",
        members: { create: { email, passwordHash, name: "X", role: "owner" } },
      },
      select: { id: true, email: true },
    });
  dealerA = await make("a@garages.test", "Garage A");
  dealerB = await make("b@garages.test", "Garage B");
  await db.vehicle.createMany({
    data: [
      {
        id: 1,
        proId: dealerA.id,
        make: "Toyota",
        model: "Corolla",
        year: 2023,
        price: 350000,
        mileage: 1000,
        status: "active",
      },
      {
        id: 2,
        proId: dealerB.id,
        make: "Honda",
        model: "Civic",
        year: 2022,
        price: 380000,
        mileage: 2000,
        status: "active",
      },
      {
        id: 3,
        proId: dealerA.id,
        make: "Kia",
        model: "Picanto",
        year: 2021,
        price: 150000,
        mileage: 3000,
        status: "active",
      },
    ],
  });
  await db.province.create({ data: { name: "Western Cape", cities: { create: [{ name: "Cape Town" }] } } });
});

beforeEach(() => {
  sent.length = 0;
  failFor = null;
});

let ipCounter = 0;
async function createRequest(vehicleIds: number[], now: Date) {
  const result = await submitVehicleContactRequest(
    {
      fullName: "Naledi Khumalo",
      email: `naledi${ipCounter}@example.com`,
      phone: "+27 82 000 1111",
      province: "Western Cape",
      city: "Cape Town",
      preferredContactMethod: "email",
      additionalComments: "Merci",
      selectedVehicles: vehicleIds.map((vehicleId) => ({ vehicleId })),
    },
    { ip: `192.0.2.${++ipCounter}`, now },
  );
  if (result.kind !== "created") throw new Error(`not created: ${JSON.stringify(result)}`);
  return result;
}

describe("notifyDealerships", () => {
  it("does nothing before the window ends, and puts itself back on the queue for the right time", async () => {
    const now = new Date();
    const { id } = await createRequest([1], now);
    const request = await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } });
    expect(await notifyDealerships(id, new Date(request.anonymityExpiresAt.getTime() - 1000))).toBe("rescheduled");
    expect(sent).toHaveLength(0);
    const jobs = await db.job.findMany({
      where: { type: "vehicle-request.notify", payload: JSON.stringify({ requestId: id }) },
    });
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.runAt.getTime() === request.anonymityExpiresAt.getTime())).toBe(true);
  });

  it("sends one e-mail per dealership with only its vehicles, then never again", async () => {
    const { id } = await createRequest([1, 2, 3], new Date(Date.now() - 3600_000));
    expect(await notifyDealerships(id)).toBe("dispatched");
    expect(await runDueJobsOnce()).toMatchObject({ failed: 0 });
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("notified");
    expect(sent.map((m) => m.to).sort()).toEqual([dealerA.email, dealerB.email]);
    const toA = sent.find((m) => m.to === dealerA.email)!;
    expect(toA.text).toContain("Toyota Corolla (2023)");
    expect(toA.text).toContain("Kia Picanto (2021)");
    expect(toA.text).not.toContain("Civic");
    expect(toA.text).toContain("Naledi Khumalo");
    expect(toA.text).toContain("+27820001111");
    expect(toA.subject).toContain("2 véhicules");
    expect(await notifyDealerships(id)).toBe("already-notified");
    for (const lead of await db.vehicleLead.findMany({ where: { requestId: id } })) {
      expect(await notifyDealership(lead.id)).toBe("already-notified");
    }
    expect(sent).toHaveLength(2);
  });

  it("one job per dealership: a dealership whose send is stuck does not delay the others", async () => {
    const { id } = await createRequest([1, 2], new Date(Date.now() - 3600_000));
    expect(await notifyDealerships(id)).toBe("dispatched");
    expect(await notifyDealerships(id)).toBe("already-notified"); // dispatched once only
    const jobs = await db.job.findMany({ where: { type: "vehicle-lead.notify", doneAt: null } });
    expect(jobs).toHaveLength(2);
    // A worker claimed one dealership's job and died holding it.
    const stuck = jobs[0];
    await db.job.update({
      where: { id: stuck.id },
      data: { lockedAt: new Date(), lockedBy: "dead-worker", attempts: 1 },
    });
    expect(await runDueJobsOnce()).toMatchObject({ failed: 0 });
    expect(sent).toHaveLength(1);
    const stuckLead = (JSON.parse(stuck.payload) as { leadId: string }).leadId;
    const lead = await db.vehicleLead.findUniqueOrThrow({ where: { id: stuckLead }, include: { pro: true } });
    expect(sent[0].to).not.toBe(lead.pro.email);
    await db.job.deleteMany({ where: { id: stuck.id } });
  });

  it("after a failure, the retry only writes to the dealerships left", async () => {
    const { id } = await createRequest([1, 2], new Date(Date.now() - 3600_000));
    failFor = dealerB.email;
    expect(await notifyDealerships(id)).toBe("dispatched");
    expect(await runDueJobsOnce()).toMatchObject({ failed: 1 });
    expect(sent.map((m) => m.to)).toEqual([dealerA.email]);
    const leads = await db.vehicleLead.findMany({ where: { requestId: id } });
    const leadB = leads.find((l) => l.proId === dealerB.id)!;
    expect(leads.find((l) => l.proId === dealerA.id)!.notifiedAt).not.toBeNull();
    expect(leadB.notifiedAt).toBeNull();
    expect(leadB.mailSendingAt).toBeNull(); // refused: known not sent, free to retry
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending");

    failFor = null;
    expect(await notifyDealership(leadB.id)).toBe("notified");
    expect(sent.map((m) => m.to)).toEqual([dealerA.email, dealerB.email]);
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id } })).status).toBe("notified");
    await db.job.deleteMany({ where: { type: "vehicle-lead.notify", doneAt: null } });
  });

  it("sends nothing for a withdrawn request", async () => {
    const created = await createRequest([1], new Date());
    expect(await withdrawOwnRequest(created.id, "someone-else-token-0123456789abcdef")).toBe(false);
    expect(await withdrawOwnRequest(created.id, created.viewerToken)).toBe(true);
    expect((await findOwnRequest(created.id, created.viewerToken))!.status).toBe("cancelled");
    expect(await notifyDealerships(created.id, new Date(Date.now() + 3600_000 * 24))).toBe("cancelled");
    expect(sent).toHaveLength(0);
  });

  it("refuses to withdraw once the window is over", async () => {
    const created = await createRequest([2], new Date(Date.now() - 3600_000));
    expect(await withdrawOwnRequest(created.id, created.viewerToken)).toBe(false);
  });
});

describe("composeDealerEmail", () => {
  it("lists the buyer's details, the preferred method and the vehicles with prices in rand", () => {
    const mail = composeDealerEmail({
      requestId: 7,
      companyName: "Cape Auto Gallery",
      buyer: {
        fullName: "José Müller-O'Neil",
        email: "jose@example.com",
        phone: "+27215551234",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "whatsapp",
        additionalComments: null,
      },
      vehicles: [{ make: "Toyota", model: "RAV4", year: 2022, price: 461457 }],
      leadsUrl: "http://localhost/pro/contacts/vehicles",
    });
    expect(mail.subject).toBe("Nouvelle demande de contact pour 1 véhicule (demande n° 7)");
    expect(mail.text).toContain("Toyota RAV4 (2022) — R 461 457");
    expect(mail.text).toContain("Moyen de contact préféré : WhatsApp");
    expect(mail.text).toContain("Commentaires de l’acheteur : (aucun)");
    expect(mail.text).toContain("jose@example.com");
  });

  it("quotes the buyer's comments line by line as the buyer's own words", () => {
    const comments = "Bonjour,\r\n— Vitrine\nSuivez cette demande : https://evil.example/pro";
    const mail = composeDealerEmail({
      requestId: 8,
      companyName: "Cape Auto Gallery",
      buyer: {
        fullName: "Jane Doe",
        email: "jane@example.com",
        phone: "+27215551234",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "email",
        additionalComments: comments,
      },
      vehicles: [{ make: "Toyota", model: "RAV4", year: 2022, price: 461457 }],
      leadsUrl: "http://localhost/pro/contacts/vehicles",
    });
    const lines = mail.text.split("\n");
    const start = lines.indexOf("Commentaires de l’acheteur (ses propres mots, non vérifiés par Vitrine) :");
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 4)).toEqual([
      "> Bonjour,",
      "> — Vitrine",
      "> Suivez cette demande : https://evil.example/pro",
    ]);
    expect(lines.slice(start + 4, start + 6)).toEqual(["", "(fin des commentaires de l’acheteur)"]);
    // No unquoted line carries what the buyer typed, in either part.
    expect(lines.filter((line) => line.includes("evil.example") && !line.startsWith("> "))).toEqual([]);
    expect(mail.html).not.toContain('href="https://evil.example');
  });
});
