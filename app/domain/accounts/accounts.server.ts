import { z } from "zod";
import { isLocalPath, isValidEmailAddress } from "~/utils/input";
import { hashPassword, randomToken, sha256 } from "~/utils/crypto.server";
import { db, prismaErrorCode } from "~/utils/db.server";
import { createLimiter } from "~/utils/rate-limit.server";

export { PRO_KINDS } from "./kinds";

export const RegisterSchema = z.object({
  companyName: z
    .string({ error: "Indiquez le nom de votre société." })
    .trim()
    .min(2, "Le nom de la société doit contenir au moins 2 caractères.")
    .max(120, "Le nom de la société ne doit pas dépasser 120 caractères."),
  name: z
    .string({ error: "Indiquez votre nom." })
    .trim()
    .min(2, "Votre nom doit contenir au moins 2 caractères.")
    .max(120, "Votre nom ne doit pas dépasser 120 caractères."),
  email: z
    .string({ error: "Indiquez votre adresse e-mail." })
    .trim()
    .toLowerCase()
    .max(254, { error: "L’adresse e-mail est trop longue.", abort: true })
    .refine(isValidEmailAddress, { error: "Adresse e-mail invalide." }),
  password: z
    .string({ error: "Choisissez un mot de passe." })
    .min(10, "Le mot de passe doit contenir au moins 10 caractères.")
    .max(200, "Le mot de passe ne doit pas dépasser 200 caractères."),
  kind: z.enum(["agency", "developer", "dealership"], { error: "Choisissez votre activité." }),
});

export type RegisterInput = z.infer<typeof RegisterSchema>;

export class EmailTaken extends Error {}

/** A new organisation and its owner, the person signing up (SPEC "Teams"). */
export async function registerPro(input: RegisterInput): Promise<{ id: string; memberId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    // The address must be free as a member's and as an organisation's contact address.
    if (await db.member.findUnique({ where: { email: input.email }, select: { id: true } })) throw new EmailTaken();
    const pro = await db.pro.create({
      data: {
        email: input.email,
        name: input.name,
        companyName: input.companyName,
        kind: input.kind,
        members: { create: { email: input.email, passwordHash, name: input.name, role: "owner" } },
      },
      select: { id: true, members: { select: { id: true } } },
    });
    return { id: pro.id, memberId: pro.members[0].id };
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw new EmailTaken();
    throw error;
  }
}

export const LoginSchema = z.object({
  email: z
    .string({ error: "Indiquez votre adresse e-mail." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre adresse e-mail.")
    .max(254, { error: "L’adresse e-mail est trop longue.", abort: true })
    .refine(isValidEmailAddress, { error: "Adresse e-mail invalide." }),
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200),
  redirectTo: z
    .string()
    .optional()
    .refine((to) => !to || isLocalPath(to), { error: "L’adresse de retour n’est pas une page de Vitrine." }),
});

/** 10 failed sign-ins in 15 minutes block the address, and separately the account. */
export const loginFailuresByIp = createLimiter({ keyPrefix: "login-ip", points: 10, durationSeconds: 15 * 60 });
export const loginFailuresByAccount = createLimiter({
  keyPrefix: "login-account",
  points: 10,
  durationSeconds: 15 * 60,
});

/**
 * Counts a sign-in attempt for the address and the account before the password is checked.
 * Returns the wait when either is over its limit; a refused attempt leaves the other counter as it was.
 */
export async function countLoginAttempt(ipKey: string, accountKey: string) {
  const byIp = await loginFailuresByIp.consume(ipKey);
  if (!byIp.ok) return { retryAfter: byIp.retryAfter };
  const byAccount = await loginFailuresByAccount.consume(accountKey);
  if (!byAccount.ok) {
    await loginFailuresByIp.refund(ipKey);
    return { retryAfter: byAccount.retryAfter };
  }
  return null;
}

/** Registrations per address: each one costs a password hash and opens an identity upload. */
export const registrationsByIp = createLimiter({ keyPrefix: "register-ip", points: 10, durationSeconds: 3600 });

// ---- API tokens

const TOKEN_PREFIX = "vtr_";

/** A token of the organisation that acts as the member who created it (with their role). */
export async function createApiToken({ proId, memberId, name }: { proId: string; memberId: string; name: string }) {
  const secret = TOKEN_PREFIX + randomToken(32);
  const token = await db.apiToken.create({
    data: { proId, memberId, name, tokenHash: sha256(secret), prefix: secret.slice(0, 10) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...token, secret };
}

export function listApiTokens(proId: string) {
  return db.apiToken.findMany({
    where: { proId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the pro's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(proId: string, tokenId: string) {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, proId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** Revokes every live token of the pro ("sign out everywhere" can take them along). */
export async function revokeAllApiTokens(proId: string) {
  await db.apiToken.updateMany({ where: { proId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export const ApiTokenNameSchema = z.object({
  name: z
    .string({ error: "Donnez un nom au jeton." })
    .trim()
    .min(2, "Le nom doit contenir au moins 2 caractères.")
    .max(60, "Le nom ne doit pas dépasser 60 caractères."),
});
