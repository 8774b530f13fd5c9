import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  DB_VALUE_OF,
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
  isInquiryStatus,
  nextStatuses,
  transitionKind,
} from "./status";

describe("inquiry statuses (seed 000)", () => {
  it("follows the diagram: new_request→read, read→replied, new_request→replied", () => {
    expect(transitionKind("new_request", "read")).toBe("allowed");
    expect(transitionKind("read", "replied")).toBe("allowed");
    expect(transitionKind("new_request", "replied")).toBe("allowed");
  });

  it("treats the same status as a no-op and refuses going back", () => {
    for (const status of INQUIRY_STATUSES) expect(transitionKind(status, status)).toBe("same");
    expect(transitionKind("read", "new_request")).toBe("forbidden");
    expect(transitionKind("replied", "read")).toBe("forbidden");
    expect(transitionKind("replied", "new_request")).toBe("forbidden");
  });

  it("offers buttons for the allowed moves only", () => {
    expect(nextStatuses("new_request")).toEqual(["read", "replied"]);
    expect(nextStatuses("read")).toEqual(["replied"]);
    expect(nextStatuses("replied")).toEqual([]);
  });

  it("names the statuses in French as the seed does", () => {
    expect(INQUIRY_STATUS_LABELS).toEqual({
      new_request: "Nouvelle demande",
      read: "Lu par le pro",
      replied: "Répondu",
    });
    expect(isInquiryStatus("new")).toBe(false);
    expect(isInquiryStatus("new_request")).toBe(true);
  });

  it('stores new_request as "new" in the database and reads it back as new_request', async () => {
    const pro = await db.pro.create({
      data: { email: `map-${Date.now()}@vitrine.test`, name: "Map", companyName: "Map" },
    });
    const created = await db.contactRequest.create({
      data: { proId: pro.id, propertyTitle: "T", senderNameEnc: "a", senderEmailEnc: "b", messageEnc: "c" },
    });
    expect(created.status).toBe("new_request");
    const raw = await db.$queryRaw<{ status: string }[]>`
      SELECT CAST("status" AS TEXT) AS "status" FROM "ContactRequest" WHERE "id" = ${created.id}`;
    expect(raw[0].status).toBe(DB_VALUE_OF.new_request);
    expect(raw[0].status).toBe("new");
    expect(await db.contactRequest.count({ where: { id: created.id, status: "new_request" } })).toBe(1);
    await db.contactRequest.update({ where: { id: created.id }, data: { status: "read" } });
    const after = await db.$queryRaw<{ status: string }[]>`
      SELECT CAST("status" AS TEXT) AS "status" FROM "ContactRequest" WHERE "id" = ${created.id}`;
    expect(after[0].status).toBe(DB_VALUE_OF.read);
  });
});
