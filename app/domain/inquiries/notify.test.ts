import { describe, expect, it } from "vitest";
import { firstNameOf, inquiryNotification } from "./notify.server";

describe("the pro's notification e-mail", () => {
  it("names the listing and links to the inquiry, with the sender's first name only", () => {
    const mail = inquiryNotification({
      proName: "Agence du Centre",
      propertyTitle: "T3 lumineux avec balcon",
      senderFirstName: firstNameOf("  Jean-Pierre   Dupont "),
      inquiryId: "3f1c2b7e-8a4d-4c1e-9b2a-5d6e7f8a9b0c",
      appUrl: "https://vitrine.example/",
    });
    expect(mail.subject).toBe("Nouvelle demande pour « T3 lumineux avec balcon »");
    expect(mail.link).toBe("https://vitrine.example/pro/contacts/3f1c2b7e-8a4d-4c1e-9b2a-5d6e7f8a9b0c");
    expect(mail.text).toContain("Jean-Pierre vous a envoyé une demande");
    expect(mail.text).toContain(mail.link);
    expect(mail.text).not.toContain("Dupont");
  });

  it("falls back to a neutral word when there is no usable first name", () => {
    expect(firstNameOf("")).toBe("");
    const mail = inquiryNotification({
      proName: "A",
      propertyTitle: "B",
      senderFirstName: "",
      inquiryId: "x",
      appUrl: "http://h",
    });
    expect(mail.text).toContain("Un visiteur vous a envoyé");
  });
});
