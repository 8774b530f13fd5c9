/**
 * Numbers written the French way — "250 000 €", "42,5 m²", "1 234 annonces" — exactly as
 * `Intl.NumberFormat("fr-FR")` writes them (U+202F between thousands, a comma before decimals,
 * U+00A0 before the euro sign, halves rounded away from zero), without calling Intl.
 *
 * Why not Intl: pages format prices while they hydrate, and the first Intl call of a page loads
 * ICU's locale data on the browser's main thread — 45 to 85 ms in Chromium on the machine that
 * runs our audit (docs/decisions/045), a long task on every first visit. The test compares these
 * functions with Intl itself on thousands of values. No server code.
 */

const NARROW_NBSP = "\u202f";
const NBSP = "\u00a0";

/** "1 234 567": an unsigned string of digits, grouped by three from the right. */
function groupDigits(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NARROW_NBSP;
    out += digits[i];
  }
  return out;
}

/** Adds one to a string of decimal digits ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== "9") {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
    chars[i] = "0";
  }
  return `1${chars.join("")}`;
}

/**
 * `value` with at most `maxFractionDigits` decimals (trailing zeros dropped), as
 * `new Intl.NumberFormat("fr-FR", { maximumFractionDigits })` writes it. Rounds the shortest
 * decimal form of the number, as ICU does: 0.15 → "0,2".
 */
export function formatNumberFr(value: number, maxFractionDigits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const shortest = String(Math.abs(value));
  // Outside 1e-7 ≤ |value| < 1e21 JavaScript writes an exponent: never a price, surface or count.
  if (shortest.includes("e")) return String(value);
  const [whole, fraction = ""] = shortest.split(".");
  let kept = fraction.slice(0, maxFractionDigits);
  let integer = whole;
  if (fraction.length > maxFractionDigits && fraction[maxFractionDigits] >= "5") {
    if (kept.length) {
      const bumped = incrementDigits(kept);
      if (bumped.length > kept.length) {
        integer = incrementDigits(integer);
        kept = bumped.slice(1);
      } else {
        kept = bumped;
      }
    } else {
      integer = incrementDigits(integer);
    }
  }
  let end = kept.length;
  while (end > 0 && kept[end - 1] === "0") end--;
  kept = kept.slice(0, end);
  const sign = value < 0 ? "-" : "";
  return `${sign}${groupDigits(integer)}${kept ? `,${kept}` : ""}`;
}

/** "250 000 €": whole euros, as `Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 })`. */
export function formatEurosFr(value: number): string {
  return `${formatNumberFr(value, 0)}${NBSP}€`;
}
