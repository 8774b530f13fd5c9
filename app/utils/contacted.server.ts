import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

/**
 * The listings this browser has already asked about, so that result pages can mark them
 * "Déjà contacté" (docs/decisions/040). Only ids of public listings, kept in the visitor's own
 * browser: nothing personal, nothing stored on the server. Newest first, at most 100.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function contactedCookie() {
  cookie ??= createCookie("vitrine_contacted", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    maxAge: 60 * 60 * 24 * 365,
  });
  return cookie;
}

const MAX_REMEMBERED = 100;
const ID = /^[0-9a-f-]{36}$/;

export async function contactedListings(request: Request): Promise<Set<string>> {
  const value: unknown = await contactedCookie()
    .parse(request.headers.get("Cookie"))
    .catch(() => null);
  return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === "string" && ID.test(id)) : []);
}

/** The Set-Cookie header that adds `listingId` to the browser's list. */
export async function rememberContacted(request: Request, listingId: string) {
  const ids = [listingId, ...[...(await contactedListings(request))].filter((id) => id !== listingId)];
  return contactedCookie().serialize(ids.slice(0, MAX_REMEMBERED));
}
