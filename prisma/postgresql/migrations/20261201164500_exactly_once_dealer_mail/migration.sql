-- AlterTable
ALTER TABLE "VehicleContactRequest" ADD COLUMN     "dispatchedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VehicleLead" ADD COLUMN     "mailMessageId" TEXT,
ADD COLUMN     "mailSendingAt" TIMESTAMP(3);
