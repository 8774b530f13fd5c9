-- Teams (docs/decisions/031), PostgreSQL twin of prisma/migrations/20261201163000_teams: the Pro row
-- becomes the organisation. Every existing pro becomes the owner member of its own organisation with
-- the same e-mail and password hash, and its sessions and API tokens move to that member.

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('owner', 'manager', 'agent');

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastAssignedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Member_proId_role_active_idx" ON "Member"("proId", "role", "active");
-- At most one owner per organisation (the team rules never remove the last one).
CREATE UNIQUE INDEX "Member_one_owner_per_pro" ON "Member"("proId") WHERE "role" = 'owner';
ALTER TABLE "Member" ADD CONSTRAINT "Member_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing pro: its owner.
INSERT INTO "Member" ("id", "proId", "email", "passwordHash", "name", "role", "active", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, "id", "email", "passwordHash", "name", 'owner', true, "createdAt", "updatedAt"
FROM "Pro";

-- The password now lives with the member.
ALTER TABLE "Pro" DROP COLUMN "passwordHash";

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PasswordResetToken_memberId_createdAt_idx" ON "PasswordResetToken"("memberId", "createdAt");
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Invitation_proId_createdAt_idx" ON "Invitation"("proId", "createdAt");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "LeadAudit" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "memberId" TEXT,
    "leadKind" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadAudit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "LeadAudit_leadKind_leadId_createdAt_idx" ON "LeadAudit"("leadKind", "leadId", "createdAt");
CREATE INDEX "LeadAudit_proId_createdAt_idx" ON "LeadAudit"("proId", "createdAt");
ALTER TABLE "LeadAudit" ADD CONSTRAINT "LeadAudit_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LeadAudit" ADD CONSTRAINT "LeadAudit_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Sessions and API tokens move to the owner member of their pro (nobody is signed out).
ALTER TABLE "Session" ADD COLUMN "memberId" TEXT;
UPDATE "Session" s SET "memberId" = m."id" FROM "Member" m WHERE m."proId" = s."proId" AND m."role" = 'owner';
DELETE FROM "Session" WHERE "memberId" IS NULL;
ALTER TABLE "Session" ALTER COLUMN "memberId" SET NOT NULL;
ALTER TABLE "Session" DROP CONSTRAINT "Session_proId_fkey";
DROP INDEX "Session_proId_idx";
ALTER TABLE "Session" DROP COLUMN "proId";
CREATE INDEX "Session_memberId_idx" ON "Session"("memberId");
ALTER TABLE "Session" ADD CONSTRAINT "Session_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ApiToken" ADD COLUMN "memberId" TEXT;
UPDATE "ApiToken" t SET "memberId" = m."id" FROM "Member" m WHERE m."proId" = t."proId" AND m."role" = 'owner';
ALTER TABLE "ApiToken" ALTER COLUMN "memberId" SET NOT NULL;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who handles a lead, and who handles a listing's leads (existing leads start in the pool).
ALTER TABLE "Property" ADD COLUMN "responsibleMemberId" TEXT;
ALTER TABLE "Programme" ADD COLUMN "responsibleMemberId" TEXT;
ALTER TABLE "Vehicle" ADD COLUMN "responsibleMemberId" TEXT;
ALTER TABLE "ContactRequest" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "VehicleLead" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Property" ADD CONSTRAINT "Property_responsibleMemberId_fkey" FOREIGN KEY ("responsibleMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_responsibleMemberId_fkey" FOREIGN KEY ("responsibleMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_responsibleMemberId_fkey" FOREIGN KEY ("responsibleMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VehicleLead" ADD CONSTRAINT "VehicleLead_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "ContactRequest_proId_assigneeId_createdAt_id_idx" ON "ContactRequest"("proId", "assigneeId", "createdAt", "id");
CREATE INDEX "VehicleLead_proId_assigneeId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "assigneeId", "notifiedAt", "createdAt", "id");
