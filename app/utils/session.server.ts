import { createCookie, redirect } from "@remix-run/node";
import { Prisma, type IdentityStatus, type MemberRole, type ProKind, type Role } from "~/generated/prisma/client";
import { isLocalPath } from "./input";
import { randomToken, sha256 } from "./crypto.server";
import { db } from "./db.server";
import { env } from "./env.server";
import { asBoolean, asDate, hotRows } from "./hot-read.server";

const SESSION_DAYS = 30;

/**
 * Server-side sessions (docs/decisions/004): the signed cookie carries a random token; the
 * database keeps only its SHA-256, so deleting the row signs the browser out everywhere at once.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("vitrine_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return cookie;
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The session's row joined with its member and organisation, as the hot read gives it. */
type SessionRow = {
  expiresAt: Date | string;
  active: boolean | number;
  memberId: string;
  memberName: string;
  memberEmail: string;
  memberRole: MemberRole;
  proId: string;
  proEmail: string;
  proName: string;
  companyName: string;
  kind: ProKind | null;
  proRole: Role;
  identityStatus: IdentityStatus;
  identityRejectionReason: string | null;
};

/**
 * The signed-in member behind the request's cookie, with their organisation, or null. Every pro
 * request makes this read first, so it is one hot statement (./hot-read.server.ts) rather than
 * Prisma's three.
 */
export async function findSession(request: Request) {
  const token = await readSessionToken(request);
  if (!token) return null;
  const [row] = await hotRows<SessionRow>(Prisma.sql`
    SELECT s."expiresAt", m."active",
      m."id" AS "memberId", m."name" AS "memberName", m."email" AS "memberEmail", m."role" AS "memberRole",
      p."id" AS "proId", p."email" AS "proEmail", p."name" AS "proName", p."companyName", p."kind",
      p."role" AS "proRole", p."identityStatus", p."identityRejectionReason"
    FROM "Session" s
    JOIN "Member" m ON m."id" = s."memberId"
    JOIN "Pro" p ON p."id" = m."proId"
    WHERE s."id" = ${sha256(token)}`);
  // A deactivated member's cookie stops working at once, whatever rows remain.
  if (!row || asDate(row.expiresAt) < new Date() || !asBoolean(row.active)) return null;
  return {
    expiresAt: asDate(row.expiresAt),
    member: {
      id: row.memberId,
      name: row.memberName,
      email: row.memberEmail,
      role: row.memberRole,
      pro: {
        id: row.proId,
        email: row.proEmail,
        name: row.proName,
        companyName: row.companyName,
        kind: row.kind,
        role: row.proRole,
        identityStatus: row.identityStatus,
        identityRejectionReason: row.identityRejectionReason,
      },
    },
  };
}

/**
 * Starts a fresh session (never reuses one: no fixation) and redirects. The session the browser
 * held before, if any (`replacing` is the sign-in request), ends: signing in again never leaves an
 * older session of that browser valid.
 */
export async function createSessionAndRedirect(memberId: string, redirectTo: string, replacing?: Request) {
  const previous = replacing ? await readSessionToken(replacing) : null;
  if (previous) await db.session.deleteMany({ where: { id: sha256(previous) } });
  const token = randomToken();
  await db.session.create({
    data: { id: sha256(token), memberId, expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) },
  });
  // Housekeeping: expired rows go away as people sign in.
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(token) } });
}

export async function destroySession(request: Request, redirectTo = "/") {
  const token = await readSessionToken(request);
  if (token) await db.session.deleteMany({ where: { id: sha256(token) } });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}

/** Signs a member out of every browser. */
export async function destroyAllSessions(memberId: string) {
  await db.session.deleteMany({ where: { memberId } });
}

export function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)vitrine_session=/.test(request.headers.get("cookie") ?? "");
}

/**
 * A local path only: anything else (other hosts, protocol-relative, backslashes, characters a
 * `Location` header cannot carry) goes to the fallback.
 */
export function safeRedirect(to: unknown, fallback = "/pro"): string {
  return isLocalPath(to) ? to : fallback;
}

/** The id of the session row behind this request's cookie (to keep it while ending the others). */
export async function currentSessionId(request: Request): Promise<string | null> {
  const token = await readSessionToken(request);
  return token ? sha256(token) : null;
}
