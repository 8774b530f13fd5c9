-- Teams (docs/decisions/031): the Pro row becomes the organisation; the people who sign in move to
-- Member. Every existing pro becomes the owner member of its own organisation, with the same e-mail
-- and password hash; its sessions and API tokens now belong to that member. Ownership keys (proId)
-- elsewhere do not change.

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastAssignedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Member_proId_role_active_idx" ON "Member"("proId", "role", "active");
-- At most one owner per organisation (the team rules never remove the last one).
CREATE UNIQUE INDEX "Member_one_owner_per_pro" ON "Member"("proId") WHERE "role" = 'owner';

-- Every existing pro: its owner, with a random version-4 UUID.
INSERT INTO "Member" ("id", "proId", "email", "passwordHash", "name", "role", "active", "createdAt", "updatedAt")
SELECT
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6))),
    "id", "email", "passwordHash", "name", 'owner', true, "createdAt", "updatedAt"
FROM "Pro";

-- The password now lives with the member.
ALTER TABLE "Pro" DROP COLUMN "passwordHash";

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PasswordResetToken_memberId_createdAt_idx" ON "PasswordResetToken"("memberId", "createdAt");

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Invitation_proId_createdAt_idx" ON "Invitation"("proId", "createdAt");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateTable
CREATE TABLE "LeadAudit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "memberId" TEXT,
    "leadKind" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeadAudit_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeadAudit_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "LeadAudit_leadKind_leadId_createdAt_idx" ON "LeadAudit"("leadKind", "leadId", "createdAt");
CREATE INDEX "LeadAudit_proId_createdAt_idx" ON "LeadAudit"("proId", "createdAt");

-- Sessions and API tokens move to the owner member of their pro (nobody is signed out).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("id", "memberId", "expiresAt", "createdAt")
SELECT s."id", m."id", s."expiresAt", s."createdAt"
FROM "Session" s JOIN "Member" m ON m."proId" = s."proId" AND m."role" = 'owner';
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_memberId_idx" ON "Session"("memberId");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("id", "proId", "memberId", "name", "tokenHash", "prefix", "lastUsedAt", "revokedAt", "createdAt")
SELECT t."id", t."proId", m."id", t."name", t."tokenHash", t."prefix", t."lastUsedAt", t."revokedAt", t."createdAt"
FROM "ApiToken" t JOIN "Member" m ON m."proId" = t."proId" AND m."role" = 'owner';
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_proId_createdAt_idx" ON "ApiToken"("proId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Who handles a lead, and who handles a listing's leads: new nullable columns, existing rows
-- untouched (existing leads start in the unassigned pool).
ALTER TABLE "Property" ADD COLUMN "responsibleMemberId" TEXT REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Programme" ADD COLUMN "responsibleMemberId" TEXT REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Vehicle" ADD COLUMN "responsibleMemberId" TEXT REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ContactRequest" ADD COLUMN "assigneeId" TEXT REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VehicleLead" ADD COLUMN "assigneeId" TEXT REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "ContactRequest_proId_assigneeId_createdAt_id_idx" ON "ContactRequest"("proId", "assigneeId", "createdAt", "id");
CREATE INDEX "VehicleLead_proId_assigneeId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "assigneeId", "notifiedAt", "createdAt", "id");
