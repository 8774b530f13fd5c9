/**
 * Exactly one e-mail per dealership even when the process is killed between sending it and
 * recording it (docs/decisions/020): a real SIGKILL of a process that sent through the real outbox.
 */
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/utils/crypto.server";
import { db, dbReady } from "~/utils/db.server";
import { readOutbox } from "~/utils/mail.server";
import { notifyDealership, notifyDealerships, SEND_LEASE_MS } from "./notify.server";
import { submitVehicleContactRequest } from "./submission.server";

beforeAll(async () => {
  await dbReady;
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
      select: { id: true },
    });
  const a = await make("a@garages.test", "Garage A");
  const b = await make("b@garages.test", "Garage B");
  await db.vehicle.createMany({
    data: [
      {
        id: 1,
        proId: a.id,
        make: "Toyota",
        model: "Corolla",
        year: 2023,
        price: 350000,
        mileage: 1000,
        status: "active",
      },
      { id: 2, proId: b.id, make: "Honda", model: "Civic", year: 2022, price: 380000, mileage: 2000, status: "active" },
    ],
  });
  await db.province.create({ data: { name: "Western Cape", cities: { create: [{ name: "Cape Town" }] } } });
});

/** Runs notify-then-die.ts on one lead; resolves with the signal that ended it. */
function sendThenDie(leadId: string) {
  return new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/notify-then-die.ts", leadId], {
      env: process.env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (d) => (errors += d));
    child.once("error", reject);
    child.once("exit", (code, signal) => (code ? reject(new Error(`exited ${code}: ${errors}`)) : resolve(signal)));
  });
}

const mailsTo = async (email: string) => (await readOutbox()).filter((mail) => mail.to === email);

describe("a crash between sending a dealership's e-mail and recording it", () => {
  it("never sends it twice, and never holds back the other dealership", { timeout: 240_000 }, async () => {
    const result = await submitVehicleContactRequest(
      {
        fullName: "Naledi Khumalo",
        email: "naledi@example.com",
        phone: "+27 82 000 1111",
        province: "Western Cape",
        city: "Cape Town",
        preferredContactMethod: "email",
        additionalComments: null,
        selectedVehicles: [{ vehicleId: 1 }, { vehicleId: 2 }],
      },
      { ip: "192.0.2.1", now: new Date(Date.now() - 3600_000) },
    );
    if (result.kind !== "created") throw new Error(`not created: ${JSON.stringify(result)}`);
    expect(await notifyDealerships(result.id)).toBe("dispatched");
    const leads = await db.vehicleLead.findMany({ where: { requestId: result.id }, include: { pro: true } });
    const leadA = leads.find((l) => l.pro.email === "a@garages.test")!;
    const leadB = leads.find((l) => l.pro.email === "b@garages.test")!;

    // The process sends A's e-mail and is killed before recording it.
    expect(await sendThenDie(leadA.id)).toBe("SIGKILL");
    expect(await mailsTo("a@garages.test")).toHaveLength(1);
    const afterCrash = await db.vehicleLead.findUniqueOrThrow({ where: { id: leadA.id } });
    expect(afterCrash.notifiedAt).toBeNull();
    expect(afterCrash.mailSendingAt).not.toBeNull(); // the intent was recorded before the send

    // The other dealership is not held back by A's unfinished attempt.
    expect(await notifyDealership(leadB.id)).toBe("notified");
    expect(await mailsTo("b@garages.test")).toHaveLength(1);

    // While the crashed attempt's lease runs, nobody else sends; after it, the retry settles it.
    await expect(notifyDealership(leadA.id)).rejects.toThrow(/another attempt/);
    const later = new Date(afterCrash.mailSendingAt!.getTime() + SEND_LEASE_MS + 1000);
    expect(await notifyDealership(leadA.id, { now: later })).toBe("notified");
    expect(await notifyDealership(leadA.id, { now: later })).toBe("already-notified");

    const toA = await mailsTo("a@garages.test");
    expect(toA).toHaveLength(1);
    expect(toA[0].messageId).toBe(afterCrash.mailMessageId);
    expect((await db.vehicleContactRequest.findUniqueOrThrow({ where: { id: result.id } })).status).toBe("notified");
  });
});
