import { randomUUID } from "node:crypto";
import { z } from "zod";
import { hashPassword, linkSecretMatches, newLinkToken, splitLinkToken } from "~/utils/crypto.server";
import { db, prismaErrorCode } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, fieldIssues } from "~/utils/http.server";
import { teamInvitationEmail } from "~/domain/emails/templates";
import { sendMail } from "~/utils/mail.server";
import { newPasswordField } from "~/domain/accounts/passwords.server";
import { ASSIGNABLE_ROLES } from "./permissions";

/** An organisation's members and invitations (SPEC "Teams", docs/decisions/031). */

export const INVITATION_VALID_DAYS = 7;

const memberSelect = { id: true, name: true, email: true, role: true, active: true } as const;

/** The team as the page and `GET /pro/team` show it: owner first, then by name. */
export async function listMembers(proId: string) {
  const members = await db.member.findMany({
    where: { proId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: memberSelect,
  });
  const rank = { owner: 0, manager: 1, agent: 2 } as const;
  return members.sort((a, b) => rank[a.role] - rank[b.role]);
}

export function listPendingInvitations(proId: string) {
  return db.invitation.findMany({
    where: { proId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

// ---- Invitations

export const InvitationSchema = z.object({
  name: z
    .string({ error: "Indiquez le nom de la personne invitée." })
    .trim()
    .min(2, "Le nom doit contenir au moins 2 caractères.")
    .max(120, "Le nom ne doit pas dépasser 120 caractères."),
  email: z
    .string({ error: "Indiquez l’adresse e-mail de la personne invitée." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez l’adresse e-mail de la personne invitée.")
    .max(254, "L’adresse e-mail est trop longue.")
    .pipe(z.email({ error: "Adresse e-mail invalide." })),
  role: z.enum(ASSIGNABLE_ROLES, { error: "Choisissez le rôle : agent ou responsable." }),
});

export type InvitationInput = z.infer<typeof InvitationSchema>;

export const ACCOUNT_EXISTS =
  "Un compte Vitrine existe déjà pour cette adresse e-mail : elle ne peut pas être invitée.";

/**
 * Invites someone by e-mail: a single-use link valid 7 days. An address that already has an
 * account is refused (409 DUPLICATE): one address signs in to one organisation. A new invitation
 * to the same address replaces the previous one.
 */
export async function inviteMember(input: {
  proId: string;
  invitedBy: { id: string; name: string };
  invitation: InvitationInput;
}) {
  const { email, name, role } = input.invitation;
  if (await db.member.findUnique({ where: { email }, select: { id: true } })) {
    throw new DomainError("DUPLICATE", "An account already exists for this e-mail", [
      { field: "email", message: ACCOUNT_EXISTS },
    ]);
  }
  const id = randomUUID();
  const { token, secretHash } = newLinkToken(id);
  const now = new Date();
  const [, created, pro] = await db.$transaction([
    db.invitation.updateMany({
      where: { proId: input.proId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    }),
    db.invitation.create({
      data: {
        id,
        proId: input.proId,
        email,
        name,
        role,
        secretHash,
        invitedById: input.invitedBy.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
      },
      select: { id: true, name: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
    db.pro.findUniqueOrThrow({ where: { id: input.proId }, select: { companyName: true } }),
  ]);
  const link = `${env().APP_URL.replace(/\/$/, "")}/invitation?token=${encodeURIComponent(token)}`;
  const mail = teamInvitationEmail({
    inviteeName: name,
    companyName: pro.companyName,
    inviterName: input.invitedBy.name,
    role,
    invitationUrl: link,
    validDays: INVITATION_VALID_DAYS,
  });
  try {
    await sendMail({ to: email, ...mail });
  } catch (error) {
    // No e-mail, no invitation: the owner sees the failure and can simply try again.
    await db.invitation.delete({ where: { id } });
    throw error;
  }
  return created;
}

/** Withdraws a pending invitation of this organisation; false when there is none. */
export async function cancelInvitation(input: { proId: string; id: string }) {
  const { count } = await db.invitation.updateMany({
    where: { id: input.id, proId: input.proId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** The invitation behind a link if it can still be accepted; null otherwise. */
export async function findUsableInvitation(raw: unknown) {
  const parts = splitLinkToken(raw);
  if (!parts) return null;
  const row = await db.invitation.findUnique({
    where: { id: parts.id },
    select: {
      id: true,
      proId: true,
      email: true,
      name: true,
      role: true,
      secretHash: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      pro: { select: { companyName: true } },
    },
  });
  if (!row || !linkSecretMatches(parts.secret, row.secretHash)) return null;
  if (row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) return null;
  return row;
}

export const AcceptInvitationSchema = z.object({
  token: z.string({ error: "Lien invalide." }).min(1, "Lien invalide."),
  name: InvitationSchema.shape.name,
  password: newPasswordField,
});

export class InvitationUnusable extends DomainError {
  constructor() {
    super("NOT_FOUND", "This invitation is invalid, already used or expired");
  }
}

/** Accepting creates the member and spends the link in one transaction; returns the member id. */
export async function acceptInvitation(input: z.infer<typeof AcceptInvitationSchema>): Promise<{ memberId: string }> {
  const invitation = await findUsableInvitation(input.token);
  if (!invitation) throw new InvitationUnusable();
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (count !== 1) throw new InvitationUnusable();
      const member = await tx.member.create({
        data: {
          proId: invitation.proId,
          email: invitation.email,
          name: input.name,
          role: invitation.role,
          passwordHash,
        },
        select: { id: true },
      });
      return { memberId: member.id };
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") {
      throw new DomainError("DUPLICATE", "An account already exists for this e-mail", [
        { field: "form", message: ACCOUNT_EXISTS },
      ]);
    }
    throw error;
  }
}

// ---- Roles and deactivation

export const MemberUpdateSchema = z
  .object({
    role: z.enum(ASSIGNABLE_ROLES, { error: "role must be manager or agent" }).optional(),
    active: z.boolean({ error: "active must be a boolean" }).optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, {
    error: "Give role or active",
    path: ["body"],
  });

export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

/**
 * Changes a member's role or active flag. Not this organisation's member: 404 before the body is
 * read. The owner is never demoted nor deactivated, so an organisation always keeps exactly one
 * owner. Deactivating ends the member's sessions and API tokens and returns their leads to the
 * pool, in one transaction, with an audit row per lead.
 */
export async function updateMember(input: { proId: string; actorId: string; memberId: string; raw: unknown }) {
  const target = await findTeamMember(input);
  const parsed = MemberUpdateSchema.safeParse(input.raw);
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid member update", fieldIssues(parsed.error));
  const { role, active } = parsed.data;
  if (target.role === "owner") {
    throw new DomainError("INVALID_TRANSITION", "The owner's role and access cannot be changed", [
      { field: role !== undefined ? "role" : "active", message: "The organisation keeps its owner" },
    ]);
  }
  await db.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: target.id },
      data: { ...(role ? { role } : {}), ...(active !== undefined ? { active } : {}) },
    });
    if (active === false && target.active) {
      await withdrawAccess(tx, { proId: input.proId, actorId: input.actorId, memberId: target.id });
    }
  });
  return db.member.findUniqueOrThrow({ where: { id: target.id }, select: memberSelect });
}

/** A member of this organisation, or a 404. */
export async function findTeamMember(input: { proId: string; memberId: string }) {
  const target = await db.member.findFirst({
    where: { id: input.memberId, proId: input.proId },
    select: { id: true, role: true, active: true },
  });
  if (!target) throw new DomainError("NOT_FOUND", "Member not found");
  return target;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function withdrawAccess(tx: Tx, input: { proId: string; actorId: string; memberId: string }) {
  const now = new Date();
  await tx.session.deleteMany({ where: { memberId: input.memberId } });
  await tx.apiToken.updateMany({ where: { memberId: input.memberId, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordResetToken.updateMany({ where: { memberId: input.memberId, usedAt: null }, data: { usedAt: now } });
  const [inquiries, vehicleLeads] = await Promise.all([
    tx.contactRequest.findMany({ where: { proId: input.proId, assigneeId: input.memberId }, select: { id: true } }),
    tx.vehicleLead.findMany({ where: { proId: input.proId, assigneeId: input.memberId }, select: { id: true } }),
  ]);
  await tx.contactRequest.updateMany({
    where: { proId: input.proId, assigneeId: input.memberId },
    data: { assigneeId: null },
  });
  await tx.vehicleLead.updateMany({
    where: { proId: input.proId, assigneeId: input.memberId },
    data: { assigneeId: null },
  });
  const detail = JSON.stringify({ from: input.memberId, to: null, reason: "deactivated" });
  await tx.leadAudit.createMany({
    data: [
      ...inquiries.map((l) => ({ leadKind: "inquiry", leadId: l.id })),
      ...vehicleLeads.map((l) => ({ leadKind: "vehicle", leadId: String(l.id) })),
    ].map((l) => ({ ...l, proId: input.proId, memberId: input.actorId, action: "assign", detail })),
  });
  // New leads no longer go to them either.
  for (const table of [tx.property, tx.vehicle, tx.programme] as const) {
    await (table as typeof tx.property).updateMany({
      where: { proId: input.proId, responsibleMemberId: input.memberId },
      data: { responsibleMemberId: null },
    });
  }
}

/** Where a lead's e-mail goes: its assignee when active, else the organisation's owner. */
export async function leadRecipient(input: {
  proId: string;
  assignee: { email: string; name: string; active: boolean } | null;
}): Promise<{ email: string; name: string }> {
  if (input.assignee?.active) return { email: input.assignee.email, name: input.assignee.name };
  const owner = await db.member.findFirstOrThrow({
    where: { proId: input.proId, role: "owner" },
    select: { email: true, name: true },
  });
  return owner;
}

/** Members a listing can be given to (the "responsible" menus). */
export function activeMembers(proId: string) {
  return db.member.findMany({
    where: { proId, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}
