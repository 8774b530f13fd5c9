import { z } from "zod";
import { hashPassword, linkSecretMatches, newLinkToken, splitLinkToken, verifyPassword } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import { passwordResetEmail } from "~/domain/emails/templates";
import { sendMail } from "~/utils/mail.server";
import { createLimiter } from "~/utils/rate-limit.server";
import { randomUUID } from "node:crypto";

/** Forgotten and changed passwords (SPEC "Accounts and identity"). */

export const RESET_VALID_MINUTES = 60;

export const newPasswordField = z
  .string({ error: "Choisissez un mot de passe." })
  .min(10, "Le mot de passe doit contenir au moins 10 caractères.")
  .max(200, "Le mot de passe ne doit pas dépasser 200 caractères.");

export const ForgotPasswordSchema = z.object({
  email: z
    .string({ error: "Indiquez votre adresse e-mail." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre adresse e-mail.")
    .max(254, "L’adresse e-mail est trop longue.")
    .pipe(z.email({ error: "Adresse e-mail invalide." })),
});

export const ResetPasswordSchema = z.object({
  token: z.string({ error: "Lien invalide." }).min(1, "Lien invalide."),
  password: newPasswordField,
});

export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Indiquez votre mot de passe actuel." })
    .min(1, "Indiquez votre mot de passe actuel.")
    .max(200),
  newPassword: newPasswordField,
});

/** 5 requests per address per hour answer 429; 3 e-mails per account per hour, then silence. */
export const forgotPasswordByIp = createLimiter({ keyPrefix: "forgot-ip", points: 5, durationSeconds: 3600 });
export const resetMailsByAccount = createLimiter({ keyPrefix: "forgot-account", points: 3, durationSeconds: 3600 });

export class RateLimited extends DomainError {
  constructor(readonly retryAfter: number) {
    super("RATE_LIMITED", "Too many password reset requests");
  }
}

/**
 * The same answer whether or not the account exists: the lookup, the token and the e-mail happen
 * after the response is decided, so neither the page nor its timing tells an address apart.
 */
export async function requestPasswordReset(input: { email: string; clientIp: string }): Promise<void> {
  const limit = await forgotPasswordByIp.consume(input.clientIp);
  if (!limit.ok) throw new RateLimited(limit.retryAfter);
  void sendResetLink(input.email).catch((error: unknown) =>
    log.error("password reset e-mail failed", { error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Exported for tests that must wait for the e-mail; routes call requestPasswordReset. */
export async function sendResetLink(email: string): Promise<void> {
  const member = await db.member.findUnique({
    where: { email },
    select: { id: true, name: true, active: true },
  });
  if (!member?.active) return;
  const allowed = await resetMailsByAccount.consume(member.id);
  if (!allowed.ok) return;
  const id = randomUUID();
  const { token, secretHash } = newLinkToken(id);
  const now = new Date();
  await db.passwordResetToken.create({
    data: {
      id,
      memberId: member.id,
      secretHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
    },
  });
  const link = `${env().APP_URL.replace(/\/$/, "")}/reset-password?token=${encodeURIComponent(token)}`;
  const mail = passwordResetEmail({ name: member.name, resetUrl: link, validMinutes: RESET_VALID_MINUTES });
  await sendMail({ to: email, ...mail });
}

export class InvalidLink extends DomainError {
  constructor() {
    super("NOT_FOUND", "This link is invalid, already used or expired");
  }
}

/** The reset row behind a link, if it can still be used; null otherwise. */
export async function findUsableResetToken(raw: unknown) {
  const parts = splitLinkToken(raw);
  if (!parts) return null;
  const row = await db.passwordResetToken.findUnique({
    where: { id: parts.id },
    select: {
      id: true,
      secretHash: true,
      usedAt: true,
      expiresAt: true,
      member: { select: { id: true, active: true } },
    },
  });
  if (!row || !linkSecretMatches(parts.secret, row.secretHash)) return null;
  if (row.usedAt || row.expiresAt <= new Date() || !row.member.active) return null;
  return row;
}

/**
 * Sets the new password from a valid link: the link is spent, every other reset link of the
 * account too, and every session ends. Returns the member to sign in.
 */
export async function resetPassword(input: { token: string; password: string }): Promise<{ memberId: string }> {
  const row = await findUsableResetToken(input.token);
  if (!row) throw new InvalidLink();
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  return db.$transaction(async (tx) => {
    // Conditional on "not used yet": two submissions of one link cannot both succeed.
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new InvalidLink();
    await tx.member.update({ where: { id: row.member.id }, data: { passwordHash } });
    await tx.passwordResetToken.updateMany({ where: { memberId: row.member.id, usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { memberId: row.member.id } });
    return { memberId: row.member.id };
  });
}

export class WrongPassword extends DomainError {
  constructor() {
    super("VALIDATION_ERROR", "The current password is incorrect", [
      { field: "currentPassword", message: "Mot de passe actuel incorrect." },
    ]);
  }
}

/** Changes a signed-in member's password; their other sessions end (the caller keeps its own). */
export async function changePassword(input: {
  memberId: string;
  currentPassword: string;
  newPassword: string;
  keepSessionId: string | null;
}): Promise<void> {
  const member = await db.member.findUniqueOrThrow({ where: { id: input.memberId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, member.passwordHash))) throw new WrongPassword();
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.member.update({ where: { id: input.memberId }, data: { passwordHash } }),
    db.session.deleteMany({
      where: { memberId: input.memberId, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
    }),
  ]);
}
