/** Slugs and search keys for listings (pure functions, shared by server and tests). */
import { trimChar } from "~/utils/input";

/** Removes diacritics (é → e, ç → c) and turns ligatures into their letters (œ → oe). */
export function stripAccents(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .replace(/ß/g, "ss");
}

const MAX_SLUG_LENGTH = 80;
const MAX_SLUG_SOURCE_LENGTH = 1000;

/**
 * A URL slug from a title: lower-case, accents stripped, words joined by `-`, nothing else.
 * "Appartement T3 lumineux — Lyon 3ᵉ" → "appartement-t3-lumineux-lyon-3e". Never empty.
 */
export function slugify(title: string): string {
  // Titles are length-checked by their schema; the cut here keeps any caller linear too.
  const words = stripAccents(title.slice(0, MAX_SLUG_SOURCE_LENGTH))
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-");
  const slug = trimChar(trimChar(words, "-").slice(0, MAX_SLUG_LENGTH), "-");
  return slug || "annonce";
}

/** The n-th candidate for a slug: the base first, then `base-2`, `base-3`… */
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}

/**
 * The normalised city stored in `Property.cityKey` and used by search: accents stripped, lower-case,
 * typographic apostrophes made straight, spaces collapsed ("Saint-Étienne" → "saint-etienne",
 * "Villeneuve-d’Ascq" → "villeneuve-d'ascq"). Hyphens stay, so the seed's simpler
 * normalisation (NFD, strip marks, lower-case) gives the same key for real city names.
 */
export function cityKeyOf(city: string): string {
  return stripAccents(city)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
