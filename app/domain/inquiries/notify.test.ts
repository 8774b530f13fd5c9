import { describe, expect, it } from "vitest";
import { inquiryAcknowledgementEmail, leadNotificationEmail } from "~/domain/emails/templates";
import { firstNameOf } from "./notify.server";

describe("the pro's notification e-mail", () => {
  const mail = leadNotificationEmail({
    recipientName: "Agence du Centre",
    listingTitle: "T3 lumineux <avec> balcon",
    buyer: { name: "Jean-Pierre Dupont", email: "jp@example.fr", phone: "+33 6 12 34 56 78" },
    message: "Bonjour,\nJe voudrais visiter.",
    leadUrl: "https://vitrine.example/pro/contacts/3f1c2b7e",
  });

  it("carries the buyer's message and contact details in both parts", () => {
    expect(mail.subject).toBe("Nouvelle demande pour « T3 lumineux <avec> balcon »");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Jean-Pierre Dupont");
      expect(part).toContain("jp@example.fr");
      expect(part).toContain("+33 6 12 34 56 78");
      expect(part).toContain("https://vitrine.example/pro/contacts/3f1c2b7e");
    }
    expect(mail.text).toContain("> Je voudrais visiter.");
  });

  it("escapes what people typed in the HTML part", () => {
    expect(mail.html).toContain("T3 lumineux &lt;avec&gt; balcon");
    expect(mail.html).not.toContain("<avec>");
  });
});

describe("the buyer's acknowledgement", () => {
  it("repeats the message and names the agency, never an address of the pro", () => {
    const mail = inquiryAcknowledgementEmail({
      buyerName: "Zoé",
      listingTitle: "Maison",
      listingUrl: "https://vitrine.example/properties/maison",
      message: "Est-elle disponible ?",
      companyName: "Agence du Centre",
    });
    expect(mail.text).toContain("Agence du Centre");
    expect(mail.text).toContain("> Est-elle disponible ?");
    expect(mail.html).not.toMatch(/mailto:|@/);
  });
});

describe("firstNameOf", () => {
  it("keeps the first word only", () => {
    expect(firstNameOf("  Jean-Pierre   Dupont ")).toBe("Jean-Pierre");
    expect(firstNameOf("")).toBe("");
  });
});
