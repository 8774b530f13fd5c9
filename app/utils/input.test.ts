import { describe, expect, it } from "vitest";
import { slugify } from "~/domain/listings/slug";
import { decodeCursor, encodeCursor } from "./http.server";
import { isDigits, isLocalPath, isValidEmailAddress, isWellFormedText, mediaTypeOf, parseDecimal } from "./input";
import { mailtoHref } from "./mailto";
import { safeRedirect } from "./session.server";

describe("parseDecimal", () => {
  it.each([
    ["250 000", 250000],
    ["12,5", 12.5],
    ["-3", -3],
    ["+7", 7],
    [".5", 0.5],
    ["1.", 1],
    ["1\u202f000", 1000],
  ])("reads %s as %s", (raw, value) => {
    expect(parseDecimal(raw)).toBe(value);
  });

  it.each(["", "+", ".", "1.2.3", "1,2,3", "12a", "1e5", "--1", "0x10", "Infinity"])("refuses %s", (raw) => {
    expect(parseDecimal(raw)).toBeNull();
  });

  it("refuses anything longer than 40 characters without reading it (the freeze class)", () => {
    expect(parseDecimal(`${"1".repeat(50_000)}a`)).toBeNull();
    expect(parseDecimal("1".repeat(41))).toBeNull();
  });
});

describe("isValidEmailAddress", () => {
  it.each(["john@example.com", "sarah.johnson+cars@example.co.za", "o'neil@exemple.fr", "a_b-c@sub.domain.io"])(
    "accepts %s",
    (address) => {
      expect(isValidEmailAddress(address)).toBe(true);
    },
  );

  it.each([
    "buyer@example.com?bcc=spy@evil.example",
    "buyer@example.com&body=x",
    "buyer#x@example.com",
    "buyer%40evil@example.com",
    "a@b@example.com",
    "jo hn@example.com",
    "john@example",
    "john@example.c0m",
    "john@-example.com",
    ".john@example.com",
    "jo..hn@example.com",
    "john@exa_mple.com",
    "jöhn@example.com",
    "john\u0000@example.com",
    "@example.com",
    "john@",
    `${"a".repeat(65)}@example.com`,
    `a@${"b".repeat(250)}.com`,
  ])("refuses %s", (address) => {
    expect(isValidEmailAddress(address)).toBe(false);
  });
});

describe("mailtoHref", () => {
  it("encodes the address and every header value", () => {
    expect(mailtoHref("john@example.com", { subject: "Votre demande : T3 & parking?" })).toBe(
      "mailto:john@example.com?subject=Votre%20demande%20%3A%20T3%20%26%20parking%3F",
    );
    // Even an address that slipped past validation cannot add a header to the link.
    expect(mailtoHref("x@example.com?bcc=spy@evil.example")).toBe("mailto:x%40example.com%3Fbcc%3Dspy@evil.example");
  });
});

describe("isLocalPath and safeRedirect", () => {
  it("keeps local printable-ASCII paths only", () => {
    expect(isLocalPath("/pro/properties?x=1")).toBe(true);
    for (const bad of ["/pro/é", "/pro/\u0000", "/a\r\nSet-Cookie: x", "//evil.example", "/\\evil", "https://x", 42]) {
      expect(isLocalPath(bad)).toBe(false);
      expect(safeRedirect(bad)).toBe("/pro");
    }
    expect(isLocalPath(`/${"a".repeat(2000)}`)).toBe(false);
  });
});

describe("decodeCursor", () => {
  const raw = (iso: string, id = "abc") => Buffer.from(JSON.stringify([iso, id])).toString("base64url");

  it("round-trips our own cursors", () => {
    const createdAt = new Date("2026-11-30T10:00:00.000Z");
    expect(decodeCursor(encodeCursor({ createdAt, id: "abc" }))).toEqual({ createdAt, id: "abc" });
  });

  it("refuses dates outside the years 0000–9999, over-long input and non-base64url text", () => {
    expect(decodeCursor(raw("+275760-09-13T00:00:00.000Z"))).toBeNull();
    expect(decodeCursor(raw("-000001-01-01T00:00:00.000Z"))).toBeNull();
    expect(decodeCursor(raw("+010000-01-01T00:00:00.000Z"))).toBeNull();
    expect(decodeCursor(raw("2026-01-01T00:00:00.000Z", "x".repeat(100)))).toBeNull();
    expect(decodeCursor("A".repeat(10_000))).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
  });
});

describe("small readers", () => {
  it("mediaTypeOf drops parameters and refuses absurd headers", () => {
    expect(mediaTypeOf("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf(`text/plain;${" ;".repeat(1000)}`)).toBe("");
    expect(mediaTypeOf(null)).toBe("");
  });

  it("isDigits bounds its length", () => {
    expect(isDigits("100", 3)).toBe(true);
    expect(isDigits("1000", 3)).toBe(false);
    expect(isDigits("1a")).toBe(false);
  });

  it("isWellFormedText finds lone surrogates", () => {
    expect(isWellFormedText("Zoë 😀")).toBe(true);
    expect(isWellFormedText("\ud800x")).toBe(false);
    expect(isWellFormedText("x\udc00")).toBe(false);
  });

  it("slugify stays linear on long runs of separators", () => {
    expect(slugify(`${"-".repeat(100_000)}x`)).toBe("annonce");
    expect(slugify("--Maison  à  Lyon--")).toBe("maison-a-lyon");
  });
});
