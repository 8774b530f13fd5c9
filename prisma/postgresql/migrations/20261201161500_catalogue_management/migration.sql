-- Dealerships manage vehicles (photos, location, draft/active/sold), developers manage programmes
-- (status, photos as rows, computed prices) and lots (reference unique per programme), and
-- contact requests can be about a programme and one of its lots. PostgreSQL twin of the SQLite
-- migration of the same name.

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('draft', 'active', 'archived');

-- AlterEnum
BEGIN;
CREATE TYPE "VehicleStatus_new" AS ENUM ('draft', 'active', 'sold');
ALTER TABLE "Vehicle" ALTER COLUMN "status" DROP DEFAULT;
-- "available" is now "active" (on sale and public), and existing vehicles keep being on sale.
ALTER TABLE "Vehicle" ALTER COLUMN "status" TYPE "VehicleStatus_new" USING ((CASE "status"::text WHEN 'available' THEN 'active' ELSE "status"::text END)::"VehicleStatus_new");
ALTER TYPE "VehicleStatus" RENAME TO "VehicleStatus_old";
ALTER TYPE "VehicleStatus_new" RENAME TO "VehicleStatus";
DROP TYPE "VehicleStatus_old";
ALTER TABLE "Vehicle" ALTER COLUMN "status" SET DEFAULT 'draft';
COMMIT;

-- DropIndex
DROP INDEX "Vehicle_proId_idx";

-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN     "lotId" TEXT,
ADD COLUMN     "programmeId" TEXT;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "address" TEXT,
ADD COLUMN     "deliveryDate" TEXT,
ADD COLUMN     "postalCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "ProgrammeStatus" NOT NULL DEFAULT 'draft',
ALTER COLUMN "prixMin" DROP NOT NULL,
ALTER COLUMN "prixMax" DROP NOT NULL;

-- Programmes that existed before developers could manage them were public: they stay active.
UPDATE "Programme" SET "status" = 'active';

-- AlterTable
ALTER TABLE "Vehicle" ADD COLUMN     "city" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "province" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "status" SET DEFAULT 'draft';

UPDATE "Vehicle" SET "updatedAt" = "createdAt";

-- CreateTable
CREATE TABLE "ProgrammePhoto" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammePhoto_pkey" PRIMARY KEY ("id")
);

-- Photos move from the JSON array to rows, in the same order (the first stays the cover). Their
-- dimensions were not recorded, and 1200 x 800 is what the demo generator and the pipeline produce.
INSERT INTO "ProgrammePhoto" ("id", "programmeId", "path", "width", "height", "position", "createdAt")
SELECT md5("Programme"."id" || ':' || "photo"."ordinality"), "Programme"."id", "photo"."value" #>> '{}', 1200, 800,
       ("photo"."ordinality" - 1)::int, "Programme"."createdAt"
FROM "Programme"
CROSS JOIN LATERAL jsonb_array_elements(
  CASE WHEN "Programme"."photos" ~ '^\s*\[' THEN "Programme"."photos"::jsonb ELSE '[]'::jsonb END
) WITH ORDINALITY AS "photo"("value", "ordinality")
WHERE jsonb_typeof("photo"."value") = 'string';

ALTER TABLE "Programme" DROP COLUMN "photos";

-- CreateTable
CREATE TABLE "VehiclePhoto" (
    "id" TEXT NOT NULL,
    "vehicleId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VehiclePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammePhoto_path_key" ON "ProgrammePhoto"("path");

-- CreateIndex
CREATE INDEX "ProgrammePhoto_programmeId_position_createdAt_idx" ON "ProgrammePhoto"("programmeId", "position", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VehiclePhoto_path_key" ON "VehiclePhoto"("path");

-- CreateIndex
CREATE INDEX "VehiclePhoto_vehicleId_position_createdAt_idx" ON "VehiclePhoto"("vehicleId", "position", "createdAt");

-- CreateIndex
CREATE INDEX "Programme_proId_createdAt_id_idx" ON "Programme"("proId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Programme_status_createdAt_id_idx" ON "Programme"("status", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Lot_programmeId_reference_key" ON "Lot"("programmeId", "reference");

-- CreateIndex
CREATE INDEX "Vehicle_status_createdAt_id_idx" ON "Vehicle"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Vehicle_proId_createdAt_id_idx" ON "Vehicle"("proId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammePhoto" ADD CONSTRAINT "ProgrammePhoto_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehiclePhoto" ADD CONSTRAINT "VehiclePhoto_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
