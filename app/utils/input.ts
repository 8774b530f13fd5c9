/**
 * Parsers for untrusted text that every edge shares: numbers, e-mail addresses, content types.
 * Each one checks the length first and then reads its input once, in time linear in its length
 * (SPEC "Robustness against hostile input"): no regular expression here can backtrack.
 */

/** Longer than any number a form field can mean ("-100 000 000,5" with its spaces is 15). */
export const MAX_NUMBER_LENGTH = 40;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * A decimal number as people type it in a form: optional sign, digits, optional `.` or `,` and
 * decimals; spaces (also non-breaking and narrow non-breaking ones) between digit groups are
 * ignored ("250 000" → 250000, "12,5" → 12.5). Anything else — or more than 40 characters — is null.
 */
export function parseDecimal(raw: string): number | null {
  if (raw.length > MAX_NUMBER_LENGTH) return null;
  let text = "";
  for (const char of raw) {
    if (char === " " || char === "\u00a0" || char === "\u202f" || char === "\t") continue;
    text += char === "," ? "." : char;
  }
  let index = text[0] === "+" || text[0] === "-" ? 1 : 0;
  let digits = 0;
  let dots = 0;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) digits++;
    else if (text[index] === "." && dots === 0) dots++;
    else return null;
  }
  if (digits === 0) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A string of ASCII digits only, at most `maxLength` long (ids, limits, years in a URL). */
export function isDigits(raw: string, maxLength = 15): boolean {
  if (raw.length === 0 || raw.length > maxLength) return false;
  for (let i = 0; i < raw.length; i++) if (!isDigit(raw.charCodeAt(i))) return false;
  return true;
}

export const EMAIL_MAX_LENGTH = 254;

// RFC 5322 "atext" without the characters that change a mailto: link or a URL (`?`, `&`, `#`, `%`)
// and without the quoted forms: what a real mailbox address looks like.
const LOCAL_CHARS = new Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!$'*+/=^_`{|}~-");

function isValidLocalPart(local: string): boolean {
  if (local.length === 0 || local.length > 64) return false;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  for (const char of local) if (!LOCAL_CHARS.has(char)) return false;
  return true;
}

function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (label.startsWith("-") || label.endsWith("-")) return false;
    for (let i = 0; i < label.length; i++) {
      const code = label.charCodeAt(i);
      const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
      if (!letter && !isDigit(code) && code !== 45) return false;
    }
  }
  const tld = labels[labels.length - 1];
  return tld.length >= 2 && [...tld].every((c) => !isDigit(c.charCodeAt(0)));
}

/**
 * A strict e-mail address (SPEC "Security"): exactly one `@`, an ASCII local part without spaces,
 * control characters or any of `? & # %` (they would add headers or a body to a `mailto:` link), and
 * a domain of dot-separated labels ending in a top-level domain of letters. Expects trimmed input.
 */
export function isValidEmailAddress(address: string): boolean {
  if (address.length > EMAIL_MAX_LENGTH) return false;
  const at = address.indexOf("@");
  if (at < 0 || address.indexOf("@", at + 1) >= 0) return false;
  return isValidLocalPart(address.slice(0, at)) && isValidDomain(address.slice(at + 1));
}

/**
 * The media type of a `Content-Type` header, lower-cased, without parameters: `"Application/JSON;
 * charset=utf-8"` → `"application/json"`. Headers longer than 1,000 characters read as "".
 */
export function mediaTypeOf(contentType: string | null | undefined): string {
  if (!contentType || contentType.length > 1000) return "";
  const semicolon = contentType.indexOf(";");
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** `application/json` and the `+json` family (`application/problem+json`…). */
export function isJsonMediaType(contentType: string | null | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** Removes every leading and trailing `character` (a linear `replace(/^-+|-+$/g, "")`). */
export function trimChar(value: string, character: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === character) start++;
  while (end > start && value[end - 1] === character) end--;
  return value.slice(start, end);
}

export const MAX_REDIRECT_LENGTH = 2000;

/**
 * A path on this site to send someone back to after signing in: starts with one `/`, no backslash,
 * only printable ASCII (a `Location` header carries nothing else; anything unusual is refused).
 */
export function isLocalPath(to: unknown): to is string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH) return false;
  if (!to.startsWith("/") || to.startsWith("//") || to.includes("\\")) return false;
  for (let i = 0; i < to.length; i++) {
    const code = to.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/**
 * Text both databases can store: well-formed (below) and without U+0000, which PostgreSQL's text
 * type refuses ("invalid byte sequence for encoding UTF8: 0x00") while SQLite keeps it.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && isWellFormedText(text);
}

/** No lone UTF-16 surrogate: the text can be encoded as UTF-8 and stored (`String#isWellFormed`). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    }
  }
  return true;
}
