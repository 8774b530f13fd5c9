-- AlterTable
ALTER TABLE "VehicleContactRequest" ADD COLUMN "dispatchedAt" DATETIME;

-- AlterTable
ALTER TABLE "VehicleLead" ADD COLUMN "mailMessageId" TEXT;
ALTER TABLE "VehicleLead" ADD COLUMN "mailSendingAt" DATETIME;
