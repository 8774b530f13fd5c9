-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN "firstResponseAt" DATETIME;
-- Inquiries answered before the clock existed: their move to replied was the response.
UPDATE "ContactRequest" SET "firstResponseAt" = "repliedAt" WHERE "status" = 'replied' AND "repliedAt" IS NOT NULL;

-- CreateTable
CREATE TABLE "LeadReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactRequestId" TEXT,
    "vehicleLeadId" TEXT,
    "authorId" TEXT NOT NULL,
    "messageEnc" TEXT NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeadReply_contactRequestId_fkey" FOREIGN KEY ("contactRequestId") REFERENCES "ContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeadReply_vehicleLeadId_fkey" FOREIGN KEY ("vehicleLeadId") REFERENCES "VehicleLead" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeadReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- A reply answers exactly one lead (hand-written: Prisma cannot express CHECK constraints).
    CONSTRAINT "LeadReply_exactly_one_lead" CHECK (("contactRequestId" IS NULL) <> ("vehicleLeadId" IS NULL))
);

-- CreateTable
CREATE TABLE "LeadReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leadKey" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "skippedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Pro" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "kind" TEXT,
    "role" TEXT NOT NULL DEFAULT 'pro',
    "identityStatus" TEXT NOT NULL DEFAULT 'missing',
    "identityDocPath" TEXT,
    "identityDocMime" TEXT,
    "identitySubmittedAt" DATETIME,
    "identityReviewedAt" DATETIME,
    "identityReviewedById" TEXT,
    "identityRejectionReason" TEXT,
    "leadRemindersEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Pro" ("companyName", "createdAt", "email", "id", "identityDocMime", "identityDocPath", "identityRejectionReason", "identityReviewedAt", "identityReviewedById", "identityStatus", "identitySubmittedAt", "kind", "name", "passwordHash", "role", "updatedAt") SELECT "companyName", "createdAt", "email", "id", "identityDocMime", "identityDocPath", "identityRejectionReason", "identityReviewedAt", "identityReviewedById", "identityStatus", "identitySubmittedAt", "kind", "name", "passwordHash", "role", "updatedAt" FROM "Pro";
DROP TABLE "Pro";
ALTER TABLE "new_Pro" RENAME TO "Pro";
CREATE UNIQUE INDEX "Pro_email_key" ON "Pro"("email");
CREATE INDEX "Pro_identityStatus_identitySubmittedAt_idx" ON "Pro"("identityStatus", "identitySubmittedAt");
CREATE TABLE "new_VehicleLead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL,
    "proId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "notifiedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    "repliedAt" DATETIME,
    "firstResponseAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VehicleLead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VehicleLead_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The response clock of a vehicle lead starts when the buyer's anonymity window ends.
INSERT INTO "new_VehicleLead" ("createdAt", "id", "notifiedAt", "proId", "requestId", "status", "updatedAt", "receivedAt") SELECT "createdAt", "id", "notifiedAt", "proId", "requestId", "status", "updatedAt", (SELECT "anonymityExpiresAt" FROM "VehicleContactRequest" r WHERE r."id" = "VehicleLead"."requestId") FROM "VehicleLead";
DROP TABLE "VehicleLead";
ALTER TABLE "new_VehicleLead" RENAME TO "VehicleLead";
CREATE INDEX "VehicleLead_proId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "notifiedAt", "createdAt", "id");
CREATE INDEX "VehicleLead_proId_receivedAt_firstResponseAt_idx" ON "VehicleLead"("proId", "receivedAt", "firstResponseAt");
CREATE INDEX "VehicleLead_proId_status_receivedAt_idx" ON "VehicleLead"("proId", "status", "receivedAt");
CREATE UNIQUE INDEX "VehicleLead_requestId_proId_key" ON "VehicleLead"("requestId", "proId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LeadReply_contactRequestId_createdAt_idx" ON "LeadReply"("contactRequestId", "createdAt");

-- CreateIndex
CREATE INDEX "LeadReply_vehicleLeadId_createdAt_idx" ON "LeadReply"("vehicleLeadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadReminder_leadKey_period_key" ON "LeadReminder"("leadKey", "period");

-- CreateIndex
CREATE INDEX "ContactRequest_proId_createdAt_firstResponseAt_idx" ON "ContactRequest"("proId", "createdAt", "firstResponseAt");
