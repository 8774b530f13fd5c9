-- Dealerships manage vehicles (photos, location, draft/active/sold), developers manage programmes
-- (status, photos as rows, computed prices) and lots (reference unique per programme), and
-- contact requests can be about a programme and one of its lots.

-- CreateTable
CREATE TABLE "ProgrammePhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgrammePhoto_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VehiclePhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vehicleId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VehiclePhoto_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContactRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "propertyId" TEXT,
    "proId" TEXT NOT NULL,
    "programmeId" TEXT,
    "lotId" TEXT,
    "propertyTitle" TEXT NOT NULL,
    "senderNameEnc" TEXT NOT NULL,
    "senderEmailEnc" TEXT NOT NULL,
    "senderPhoneEnc" TEXT,
    "messageEnc" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "readAt" DATETIME,
    "repliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContactRequest_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ContactRequest" ("createdAt", "id", "messageEnc", "proId", "propertyId", "propertyTitle", "readAt", "repliedAt", "senderEmailEnc", "senderNameEnc", "senderPhoneEnc", "status", "updatedAt") SELECT "createdAt", "id", "messageEnc", "proId", "propertyId", "propertyTitle", "readAt", "repliedAt", "senderEmailEnc", "senderNameEnc", "senderPhoneEnc", "status", "updatedAt" FROM "ContactRequest";
DROP TABLE "ContactRequest";
ALTER TABLE "new_ContactRequest" RENAME TO "ContactRequest";
CREATE INDEX "ContactRequest_proId_createdAt_id_idx" ON "ContactRequest"("proId", "createdAt", "id");
CREATE INDEX "ContactRequest_proId_status_createdAt_id_idx" ON "ContactRequest"("proId", "status", "createdAt", "id");
CREATE TABLE "new_Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ville" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL DEFAULT '',
    "address" TEXT,
    "deliveryDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "prixMin" INTEGER,
    "prixMax" INTEGER,
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Programmes that existed before developers could manage them were public: they stay active.
INSERT INTO "new_Programme" ("createdAt", "description", "id", "name", "prixMax", "prixMin", "proId", "slug", "updatedAt", "ville", "status") SELECT "createdAt", "description", "id", "name", "prixMax", "prixMin", "proId", "slug", "updatedAt", "ville", 'active' FROM "Programme";
-- Photos move from the JSON array to rows, in the same order (the first stays the cover). Their
-- dimensions were not recorded; 1200 x 800 is what the demo generator and the pipeline produce.
INSERT INTO "ProgrammePhoto" ("id", "programmeId", "path", "width", "height", "position", "createdAt")
SELECT lower(hex(randomblob(16))), "Programme"."id", "photo"."value", 1200, 800, "photo"."key", "Programme"."createdAt"
FROM "Programme", json_each(CASE WHEN json_valid("Programme"."photos") THEN "Programme"."photos" ELSE '[]' END) AS "photo"
WHERE "photo"."type" = 'text';
DROP TABLE "Programme";
ALTER TABLE "new_Programme" RENAME TO "Programme";
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");
CREATE INDEX "Programme_ville_idx" ON "Programme"("ville");
CREATE INDEX "Programme_createdAt_id_idx" ON "Programme"("createdAt", "id");
CREATE INDEX "Programme_proId_createdAt_id_idx" ON "Programme"("proId", "createdAt", "id");
CREATE INDEX "Programme_status_createdAt_id_idx" ON "Programme"("status", "createdAt", "id");
CREATE TABLE "new_Vehicle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proId" TEXT NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "mileage" INTEGER NOT NULL,
    "description" TEXT,
    "fuel" TEXT,
    "transmission" TEXT,
    "colour" TEXT,
    "province" TEXT,
    "city" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vehicle_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- "available" is now "active" (on sale and public); existing vehicles keep being on sale.
INSERT INTO "new_Vehicle" ("colour", "createdAt", "updatedAt", "fuel", "id", "make", "mileage", "model", "price", "proId", "status", "transmission", "year") SELECT "colour", "createdAt", "createdAt", "fuel", "id", "make", "mileage", "model", "price", "proId", CASE "status" WHEN 'available' THEN 'active' ELSE "status" END, "transmission", "year" FROM "Vehicle";
DROP TABLE "Vehicle";
ALTER TABLE "new_Vehicle" RENAME TO "Vehicle";
CREATE INDEX "Vehicle_status_make_model_idx" ON "Vehicle"("status", "make", "model");
CREATE INDEX "Vehicle_status_createdAt_id_idx" ON "Vehicle"("status", "createdAt", "id");
CREATE INDEX "Vehicle_proId_createdAt_id_idx" ON "Vehicle"("proId", "createdAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammePhoto_path_key" ON "ProgrammePhoto"("path");

-- CreateIndex
CREATE INDEX "ProgrammePhoto_programmeId_position_createdAt_idx" ON "ProgrammePhoto"("programmeId", "position", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VehiclePhoto_path_key" ON "VehiclePhoto"("path");

-- CreateIndex
CREATE INDEX "VehiclePhoto_vehicleId_position_createdAt_idx" ON "VehiclePhoto"("vehicleId", "position", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lot_programmeId_reference_key" ON "Lot"("programmeId", "reference");
