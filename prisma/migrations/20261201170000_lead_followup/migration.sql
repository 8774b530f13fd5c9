-- Lead follow-up (SPEC "Lead follow-up", docs/decisions/035): replies written in Vitrine, the
-- response clock of every lead, reminder rows, and each member's choice to receive reminders.
-- Member and ContactRequest only gain columns (ALTER TABLE keeps the partial index
-- "Member_one_owner_per_pro" of the teams migration); VehicleLead is rebuilt because its new
-- "receivedAt" is NOT NULL without a default.

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "leadRemindersEnabled" BOOLEAN NOT NULL DEFAULT true;

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
    CONSTRAINT "LeadReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- A reply answers exactly one lead (hand-written: Prisma cannot express CHECK constraints).
    CONSTRAINT "LeadReply_exactly_one_lead" CHECK (("contactRequestId" IS NULL) <> ("vehicleLeadId" IS NULL))
);

-- CreateTable
CREATE TABLE "LeadReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leadKey" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "skippedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VehicleLead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL,
    "proId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "assigneeId" TEXT,
    "notifiedAt" DATETIME,
    "mailSendingAt" DATETIME,
    "mailMessageId" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    "repliedAt" DATETIME,
    "firstResponseAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VehicleLead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VehicleLead_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VehicleLead_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The response clock of a vehicle lead starts when the buyer's anonymity window ends. Leads read or
-- answered before the clock existed: their last change is the best estimate of when.
INSERT INTO "new_VehicleLead" ("assigneeId", "createdAt", "id", "mailMessageId", "mailSendingAt", "notifiedAt", "proId", "requestId", "status", "updatedAt", "receivedAt", "readAt", "repliedAt", "firstResponseAt")
SELECT "assigneeId", "createdAt", "id", "mailMessageId", "mailSendingAt", "notifiedAt", "proId", "requestId", "status", "updatedAt",
    (SELECT r."anonymityExpiresAt" FROM "VehicleContactRequest" r WHERE r."id" = "VehicleLead"."requestId"),
    CASE WHEN "status" <> 'new' THEN "updatedAt" END,
    CASE WHEN "status" = 'replied' THEN "updatedAt" END,
    CASE WHEN "status" = 'replied' THEN "updatedAt" END
FROM "VehicleLead";
DROP TABLE "VehicleLead";
ALTER TABLE "new_VehicleLead" RENAME TO "VehicleLead";
CREATE INDEX "VehicleLead_proId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "notifiedAt", "createdAt", "id");
CREATE INDEX "VehicleLead_proId_assigneeId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "assigneeId", "notifiedAt", "createdAt", "id");
CREATE INDEX "VehicleLead_proId_receivedAt_firstResponseAt_assigneeId_idx" ON "VehicleLead"("proId", "receivedAt", "firstResponseAt", "assigneeId");
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
CREATE INDEX "ContactRequest_proId_createdAt_firstResponseAt_assigneeId_idx" ON "ContactRequest"("proId", "createdAt", "firstResponseAt", "assigneeId");

-- CreateIndex
CREATE INDEX "ContactRequest_proId_status_assigneeId_idx" ON "ContactRequest"("proId", "status", "assigneeId");
