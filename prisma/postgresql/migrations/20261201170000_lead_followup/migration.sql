-- Lead follow-up (SPEC "Lead follow-up", docs/decisions/035), PostgreSQL twin of
-- prisma/migrations/20261201170000_lead_followup: replies written in Vitrine, the response clock of
-- every lead, reminder rows, and each member's choice to receive reminders.

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "leadRemindersEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN     "firstResponseAt" TIMESTAMP(3);
-- Inquiries answered before the clock existed: their move to replied was the response.
UPDATE "ContactRequest" SET "firstResponseAt" = "repliedAt" WHERE "status" = 'replied' AND "repliedAt" IS NOT NULL;

-- AlterTable: the clock of a vehicle lead starts when the buyer's anonymity window ends. Leads read
-- or answered before the clock existed: their last change is the best estimate of when.
ALTER TABLE "VehicleLead" ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "readAt" TIMESTAMP(3),
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "repliedAt" TIMESTAMP(3);
UPDATE "VehicleLead" AS l SET
    "receivedAt" = r."anonymityExpiresAt",
    "readAt" = CASE WHEN l."status" <> 'new' THEN l."updatedAt" END,
    "repliedAt" = CASE WHEN l."status" = 'replied' THEN l."updatedAt" END,
    "firstResponseAt" = CASE WHEN l."status" = 'replied' THEN l."updatedAt" END
FROM "VehicleContactRequest" AS r
WHERE r."id" = l."requestId";
ALTER TABLE "VehicleLead" ALTER COLUMN "receivedAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "LeadReply" (
    "id" TEXT NOT NULL,
    "contactRequestId" TEXT,
    "vehicleLeadId" TEXT,
    "authorId" TEXT NOT NULL,
    "messageEnc" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadReply_pkey" PRIMARY KEY ("id"),
    -- A reply answers exactly one lead (hand-written: Prisma cannot express CHECK constraints).
    CONSTRAINT "LeadReply_exactly_one_lead" CHECK (("contactRequestId" IS NULL) <> ("vehicleLeadId" IS NULL))
);

-- CreateTable
CREATE TABLE "LeadReminder" (
    "id" TEXT NOT NULL,
    "leadKey" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "skippedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadReminder_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "VehicleLead_proId_receivedAt_firstResponseAt_assigneeId_idx" ON "VehicleLead"("proId", "receivedAt", "firstResponseAt", "assigneeId");

-- CreateIndex
CREATE INDEX "VehicleLead_proId_status_receivedAt_idx" ON "VehicleLead"("proId", "status", "receivedAt");

-- AddForeignKey
ALTER TABLE "LeadReply" ADD CONSTRAINT "LeadReply_contactRequestId_fkey" FOREIGN KEY ("contactRequestId") REFERENCES "ContactRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadReply" ADD CONSTRAINT "LeadReply_vehicleLeadId_fkey" FOREIGN KEY ("vehicleLeadId") REFERENCES "VehicleLead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadReply" ADD CONSTRAINT "LeadReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
