import { redirect } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import type { Pro } from "~/generated/prisma/client";
import { decoyPasswordHash, sha256, verifyPassword } from "./crypto.server";
import { db } from "./db.server";
import { apiError, wantsJson } from "./http.server";
import { findSession, safeRedirect } from "./session.server";
import { can, REFUSALS, type LeadAccess, type MemberRole, type Permission } from "~/domain/teams/permissions";

/**
 * Who is calling: the organisation (`id` is the ownership key of everything it owns) and the member
 * acting for it (docs/decisions/031).
 */
export type CurrentPro = Pick<
  Pro,
  "id" | "email" | "name" | "companyName" | "kind" | "role" | "identityStatus" | "identityRejectionReason"
> & { member: CurrentMember };

export type CurrentMember = { id: string; name: string; email: string; role: MemberRole };

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

/** A member with their organisation, shaped as the CurrentPro every route receives. */
const currentMemberSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  pro: { select: currentProSelect },
} as const;

type MemberWithPro = {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  pro: Omit<CurrentPro, "member">;
};

export function toCurrentPro(member: MemberWithPro): CurrentPro {
  const { pro, ...rest } = member;
  return { ...pro, member: rest };
}

// ---- Sign-in with remix-auth's form strategy.

export class InvalidCredentials extends Error {}

export const authenticator = new Authenticator<CurrentPro>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "")
      .trim()
      .toLowerCase();
    const password = String(form.get("password") ?? "");
    const member = await db.member.findUnique({
      where: { email },
      select: { ...currentMemberSelect, passwordHash: true, active: true },
    });
    // Unknown e-mails still pay for a hash, so both failures look and take the same.
    const ok = await verifyPassword(password, member?.passwordHash ?? (await decoyPasswordHash()));
    // A deactivated member gets the same answer as a wrong password: nothing to learn.
    if (!member || !ok || !member.active) throw new InvalidCredentials();
    const { passwordHash: _hash, active: _active, ...current } = member;
    return toCurrentPro(current);
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
    // A deactivated member's tokens stop working at once, even before they are revoked.
    const token = await db.apiToken.findFirst({
      where: { tokenHash: sha256(match[1]), revokedAt: null, member: { active: true } },
      select: { id: true, lastUsedAt: true, member: { select: currentMemberSelect } },
    });
    if (!token) return null;
    // Coarse last-use tracking: at most one write a minute per token.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return toCurrentPro(token.member);
  }
  const session = await findSession(request);
  if (!session) return null;
  return toCurrentPro(session.member);
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

const KIND_NAMES: Record<NonNullable<CurrentPro["kind"]>, string> = {
  agency: "agencies",
  developer: "developers",
  dealership: "dealerships",
};

/**
 * A verified pro of one kind (vehicles are for dealerships, programmes for developers). Any
 * other pro gets 403 FORBIDDEN, JSON and pages alike (the page shows the error boundary).
 */
export async function requireProKind(
  request: Request,
  kind: NonNullable<CurrentPro["kind"]>,
  options: AuthOptions = {},
): Promise<CurrentPro> {
  const pro = await requireVerifiedPro(request, options);
  if (pro.kind === kind) return pro;
  throw apiError("FORBIDDEN", `Only ${KIND_NAMES[kind]} can use this`);
}

export async function requireAdmin(request: Request): Promise<CurrentPro> {
  const pro = await requirePro(request);
  if (pro.role === "admin") return pro;
  throw apiError("FORBIDDEN", "Administrators only");
}

/**
 * Refuses what the member's role does not allow (SPEC "Teams"): 403 FORBIDDEN in JSON, a clear
 * page otherwise. Every protected loader and action calls this with one of `can`'s permissions.
 */
export function requirePermission(
  request: Request,
  pro: CurrentPro,
  permission: Permission,
  options: AuthOptions = {},
) {
  if (can[permission](pro.member)) return;
  const refusal = REFUSALS[permission];
  if (answersJson(request, options)) {
    throw apiError("FORBIDDEN", refusal.api);
  }
  throw new Response(refusal.page, { status: 403, statusText: "Forbidden" });
}

/** The leads this member may see: spread into every lead query (an agent sees only theirs). */
export function leadAccess(pro: CurrentPro): LeadAccess {
  return { proId: pro.id, memberId: pro.member.id, role: pro.member.role };
}
