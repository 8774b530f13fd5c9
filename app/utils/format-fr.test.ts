import { describe, expect, it } from "vitest";
import { formatEurosFr, formatNumberFr } from "./format-fr";

/** A deterministic spread of values: small and large, whole and with decimals, halves included. */
function sampleValues(): number[] {
  const values = [0, 1, 5, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 999999, 1e6, 123456789];
  values.push(0.05, 0.15, 0.25, 0.5, 0.95, 1.05, 9.95, 9.99, 99.95, 999.95, 12.25, 42.5, 1234.5, 1234.56, 0.0005);
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 3000; i++) {
    const magnitude = 10 ** Math.floor(next() * 9);
    values.push(Math.round(next() * magnitude * 1000) / [1, 10, 100, 1000][i % 4]);
  }
  return values;
}

describe("French number formatting", () => {
  it("writes what Intl.NumberFormat('fr-FR') writes, for every precision the pages use", () => {
    for (const maximumFractionDigits of [0, 1, 3]) {
      const intl = new Intl.NumberFormat("fr-FR", { maximumFractionDigits });
      for (const value of sampleValues()) {
        expect(formatNumberFr(value, maximumFractionDigits), `${value} (${maximumFractionDigits})`).toBe(
          intl.format(value),
        );
      }
    }
  });

  it("writes prices as Intl's euro currency format does", () => {
    const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    for (const value of sampleValues()) expect(formatEurosFr(value), String(value)).toBe(intl.format(value));
    expect(formatEurosFr(250000)).toBe("250\u202f000\u00a0€");
  });

  it("matches toLocaleString('fr-FR') for counts", () => {
    for (const value of [0, 1, 12, 1234, 98765, 1234567])
      expect(formatNumberFr(value)).toBe(value.toLocaleString("fr-FR"));
  });
});
