import { describe, expect, it } from "vitest";
import { fieldIssues } from "~/utils/http.server";
import { formValuesOf, inquirySchema, isHoneypotFilled } from "./validation";

const valid = {
  propertyId: "3f1c2b7e-8a4d-4c1e-9b2a-5d6e7f8a9b0c",
  senderName: "Élodie Durand",
  senderEmail: "elodie.durand@example.fr",
  senderPhone: "+33 6 12 34 56 78",
  message: "Bonjour, ce bien est-il toujours disponible ?",
  website: "",
};

function errorsOf(input: Record<string, unknown>) {
  const result = inquirySchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(fieldIssues(result.error).map((i) => [i.field, i.message]));
}

describe("inquiry validation", () => {
  it("accepts a complete French inquiry and trims what was typed", () => {
    const result = inquirySchema.parse({ ...valid, senderName: "  Élodie Durand ", senderEmail: " e@x.fr " });
    expect(result.senderName).toBe("Élodie Durand");
    expect(result.senderEmail).toBe("e@x.fr");
    expect(result.senderPhone).toBe("+33 6 12 34 56 78");
  });

  it("treats an empty or null phone as not given", () => {
    expect(inquirySchema.parse({ ...valid, senderPhone: "" }).senderPhone).toBeUndefined();
    expect(inquirySchema.parse({ ...valid, senderPhone: null }).senderPhone).toBeUndefined();
    const { senderPhone: _phone, ...withoutPhone } = valid;
    expect(inquirySchema.parse(withoutPhone).senderPhone).toBeUndefined();
  });

  it("accepts French and international phone formats", () => {
    for (const phone of [
      "0612345678",
      "06 12 34 56 78",
      "06.12.34.56.78",
      "06-12-34-56-78",
      "+44 20 7946 0958",
      "123456",
    ]) {
      expect(errorsOf({ ...valid, senderPhone: phone }), phone).toEqual({});
    }
  });

  it("rejects malformed phones with one French message each", () => {
    for (const phone of [
      "12345",
      "06 12 34 56 78 90 12 34 56 78 90",
      "06/12/34/56/78",
      "appelez-moi",
      "++33612345678",
      "0612+345678",
      "0".repeat(41),
    ]) {
      expect(errorsOf({ ...valid, senderPhone: phone }).senderPhone, phone).toMatch(/numéro|téléphone/i);
      const issues = inquirySchema.safeParse({ ...valid, senderPhone: phone }).error!.issues;
      expect(issues, phone).toHaveLength(1);
    }
  });

  it("reports every missing field at once, in French", () => {
    const errors = errorsOf({});
    expect(Object.keys(errors).sort()).toEqual(["message", "propertyId", "senderEmail", "senderName"]);
    expect(errors.senderName).toBe("Indiquez votre nom.");
    expect(errors.senderEmail).toBe("Indiquez votre adresse e-mail.");
    expect(errors.message).toBe("Écrivez votre message.");
    expect(errorsOf({ ...valid, senderName: "   ", message: "" })).toEqual({
      senderName: "Indiquez votre nom.",
      message: "Écrivez votre message.",
    });
  });

  it("enforces the lengths of name (2–100), e-mail (≤ 254) and message (10–2000)", () => {
    expect(errorsOf({ ...valid, senderName: "A" }).senderName).toMatch(/au moins 2/);
    expect(errorsOf({ ...valid, senderName: "A".repeat(101) }).senderName).toMatch(/100/);
    expect(errorsOf({ ...valid, senderName: "Al" })).toEqual({});
    expect(errorsOf({ ...valid, senderName: "A".repeat(100) })).toEqual({});
    expect(errorsOf({ ...valid, message: "Trop court" + "" })).toEqual({});
    expect(errorsOf({ ...valid, message: "Court" }).message).toMatch(/au moins 10/);
    expect(errorsOf({ ...valid, message: "x".repeat(2001) }).message).toMatch(/2000/);
    expect(errorsOf({ ...valid, message: "x".repeat(2000) })).toEqual({});
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.fr`;
    expect(long.length).toBeGreaterThan(254);
    expect(errorsOf({ ...valid, senderEmail: long }).senderEmail).toMatch(/254/);
  });

  it("rejects malformed e-mails and property ids", () => {
    for (const email of ["pas-une-adresse", "a@b", "a b@c.fr", "@example.fr"]) {
      expect(errorsOf({ ...valid, senderEmail: email }).senderEmail, email).toMatch(/e-mail valide/);
    }
    for (const id of ["42", "not-a-uuid", "3f1c2b7e8a4d4c1e9b2a5d6e7f8a9b0c-", ""]) {
      expect(errorsOf({ ...valid, propertyId: id }).propertyId, id).toBeDefined();
    }
  });

  it("rejects values of the wrong type from JSON clients", () => {
    const errors = errorsOf({ ...valid, senderName: 42, message: ["x"], senderPhone: 612345678 });
    expect(Object.keys(errors).sort()).toEqual(["message", "senderName", "senderPhone"]);
  });

  it("counts any non-blank honeypot as a bot", () => {
    expect(isHoneypotFilled(undefined)).toBe(false);
    expect(isHoneypotFilled("")).toBe(false);
    expect(isHoneypotFilled("   ")).toBe(false);
    expect(isHoneypotFilled("http://spam.example")).toBe(true);
    expect(isHoneypotFilled(1)).toBe(true);
  });

  it("keeps the typed values for the form, never the honeypot", () => {
    expect(formValuesOf({ ...valid, website: "spam", extra: "x" })).toEqual({
      propertyId: valid.propertyId,
      senderName: valid.senderName,
      senderEmail: valid.senderEmail,
      senderPhone: valid.senderPhone,
      message: valid.message,
    });
  });
});
