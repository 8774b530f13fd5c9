import { redirect } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import type { Pro } from "~/generated/prisma/client";
import { decoyPasswordHash, sha256, verifyPassword } from "./crypto.server";
import { db } from "./db.server";
import { apiError, wantsJson } from "./http.server";
import { findSession, safeRedirect } from "./session.server";

export type CurrentPro = Pick<
  Pro,
  "id" | "email" | "name" | "companyName" | "kind" | "role" | "identityStatus" | "identityRejectionReason"
>;

const currentProSelect = {
  id: true,
  email: true,
  name: true,
  companyName: true,
  kind: true,
  role: true,
  identityStatus: true,
  identityRejectionReason: true,
} as const;

// ---- Sign-in with remix-auth's form strategy.

export class InvalidCredentials extends Error {}

export const authenticator = new Authenticator<CurrentPro>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "")
      .trim()
      .toLowerCase();
    const password = String(form.get("password") ?? "");
    const pro = await db.pro.findUnique({ where: { email }, select: { ...currentProSelect, passwordHash: true } });
    // Unknown e-mails still pay for a hash, so both failures look and take the same.
    const ok = await verifyPassword(password, pro?.passwordHash ?? (await decoyPasswordHash()));
    if (!pro || !ok) throw new InvalidCredentials();
    const { passwordHash: _hash, ...current } = pro;
    return current;
  }),
  "form",
);

// ---- Who is calling: a bearer token or the session cookie.

const perRequest = new WeakMap<Request, Promise<CurrentPro | null>>();

export function getCurrentPro(request: Request): Promise<CurrentPro | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = resolveCurrentPro(request);
    perRequest.set(request, pending);
  }
  return pending;
}

async function resolveCurrentPro(request: Request): Promise<CurrentPro | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return null;
    const token = await db.apiToken.findFirst({
      where: { tokenHash: sha256(match[1]), revokedAt: null },
      select: { id: true, lastUsedAt: true, pro: { select: currentProSelect } },
    });
    if (!token) return null;
    // Coarse last-use tracking: at most one write a minute per token.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return token.pro;
  }
  const session = await findSession(request);
  if (!session) return null;
  const { pro } = session;
  return {
    id: pro.id,
    email: pro.email,
    name: pro.name,
    companyName: pro.companyName,
    kind: pro.kind,
    role: pro.role,
    identityStatus: pro.identityStatus,
    identityRejectionReason: pro.identityRejectionReason,
  };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/login?redirectTo=${encodeURIComponent(safeRedirect(back))}`);
}

type AuthOptions = { /** An API path: answer JSON errors whatever the Accept header says. */ json?: boolean };

const answersJson = (request: Request, options: AuthOptions) =>
  options.json || wantsJson(request) || request.headers.has("authorization");

/** Signed in (any identity status). Pages go to the login page, JSON gets 401. */
export async function requirePro(request: Request, options: AuthOptions = {}): Promise<CurrentPro> {
  const pro = await getCurrentPro(request);
  if (pro) return pro;
  if (answersJson(request, options)) {
    throw apiError("UNAUTHORIZED", "Authentication required");
  }
  throw loginRedirect(request);
}

/** Signed in with a verified identity document (the CNI gate). */
export async function requireVerifiedPro(request: Request, options: AuthOptions = {}): Promise<CurrentPro> {
  const pro = await requirePro(request, options);
  if (pro.identityStatus === "verified") return pro;
  if (answersJson(request, options)) {
    throw apiError("CNI_REQUIRED", "Identity verification required");
  }
  throw redirect("/pro/identity");
}

export async function requireAdmin(request: Request): Promise<CurrentPro> {
  const pro = await requirePro(request);
  if (pro.role === "admin") return pro;
  throw apiError("FORBIDDEN", "Administrators only");
}
