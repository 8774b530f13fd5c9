-- CreateTable
CREATE TABLE "Pro" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Property" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT NOT NULL,
    "transactionType" TEXT NOT NULL,
    "price" INTEGER,
    "surface" REAL,
    "rooms" INTEGER,
    "bedrooms" INTEGER,
    "bathrooms" INTEGER,
    "floor" INTEGER,
    "totalFloors" INTEGER,
    "buildingYear" INTEGER,
    "energyRating" TEXT,
    "gesRating" TEXT,
    "address" TEXT,
    "city" TEXT NOT NULL,
    "cityKey" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "department" TEXT,
    "region" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Property_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PropertyPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "propertyId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PropertyPhoto_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "propertyId" TEXT,
    "proId" TEXT NOT NULL,
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
    CONSTRAINT "ContactRequest_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ville" TEXT NOT NULL,
    "prixMin" INTEGER NOT NULL,
    "prixMax" INTEGER NOT NULL,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "surface" REAL NOT NULL,
    "price" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'disponible',
    "isComplete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Lot_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProFavorite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proId" TEXT NOT NULL,
    "programmeId" TEXT,
    "lotId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProFavorite_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProFavorite_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProFavorite_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- Hand-written: a favorite targets exactly one of a programme or a lot.
    CONSTRAINT "ProFavorite_exactly_one_target" CHECK (("programmeId" IS NULL) <> ("lotId" IS NULL))
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proId" TEXT NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "mileage" INTEGER NOT NULL,
    "fuel" TEXT,
    "transmission" TEXT,
    "colour" TEXT,
    "status" TEXT NOT NULL DEFAULT 'available',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vehicle_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Province" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "City" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "provinceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "City_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VehicleContactRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullNameEnc" TEXT NOT NULL,
    "emailEnc" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "phoneEnc" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "preferredContactMethod" TEXT NOT NULL,
    "additionalCommentsEnc" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "viewerTokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymityExpiresAt" DATETIME NOT NULL,
    "notifiedAt" DATETIME,
    "cancelledAt" DATETIME
);

-- CreateTable
CREATE TABLE "VehicleContactRequestVehicle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "vehicleId" INTEGER,
    "proId" TEXT NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    CONSTRAINT "VehicleContactRequestVehicle_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VehicleContactRequestVehicle_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VehicleContactRequestVehicle_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VehicleLead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL,
    "proId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "notifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VehicleLead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VehicleLead_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "runAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "lastError" TEXT,
    "lockedAt" DATETIME,
    "lockedBy" TEXT,
    "doneAt" DATETIME,
    "failedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Pro_email_key" ON "Pro"("email");

-- CreateIndex
CREATE INDEX "Pro_identityStatus_identitySubmittedAt_idx" ON "Pro"("identityStatus", "identitySubmittedAt");

-- CreateIndex
CREATE INDEX "Session_proId_idx" ON "Session"("proId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_proId_createdAt_idx" ON "ApiToken"("proId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Property_slug_key" ON "Property"("slug");

-- CreateIndex
CREATE INDEX "Property_proId_createdAt_id_idx" ON "Property"("proId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Property_status_createdAt_id_idx" ON "Property"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Property_status_cityKey_createdAt_idx" ON "Property"("status", "cityKey", "createdAt");

-- CreateIndex
CREATE INDEX "Property_status_price_idx" ON "Property"("status", "price");

-- CreateIndex
CREATE UNIQUE INDEX "PropertyPhoto_path_key" ON "PropertyPhoto"("path");

-- CreateIndex
CREATE INDEX "PropertyPhoto_propertyId_position_createdAt_idx" ON "PropertyPhoto"("propertyId", "position", "createdAt");

-- CreateIndex
CREATE INDEX "ContactRequest_proId_createdAt_id_idx" ON "ContactRequest"("proId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ContactRequest_proId_status_createdAt_id_idx" ON "ContactRequest"("proId", "status", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE INDEX "Programme_ville_idx" ON "Programme"("ville");

-- CreateIndex
CREATE INDEX "Programme_createdAt_id_idx" ON "Programme"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Lot_programmeId_price_idx" ON "Lot"("programmeId", "price");

-- CreateIndex
CREATE INDEX "ProFavorite_proId_createdAt_id_idx" ON "ProFavorite"("proId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ProFavorite_proId_programmeId_key" ON "ProFavorite"("proId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "ProFavorite_proId_lotId_key" ON "ProFavorite"("proId", "lotId");

-- CreateIndex
CREATE INDEX "Vehicle_status_make_model_idx" ON "Vehicle"("status", "make", "model");

-- CreateIndex
CREATE INDEX "Vehicle_proId_idx" ON "Vehicle"("proId");

-- CreateIndex
CREATE UNIQUE INDEX "Province_name_key" ON "Province"("name");

-- CreateIndex
CREATE UNIQUE INDEX "City_provinceId_name_key" ON "City"("provinceId", "name");

-- CreateIndex
CREATE INDEX "VehicleContactRequest_emailHash_createdAt_idx" ON "VehicleContactRequest"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "VehicleContactRequest_status_anonymityExpiresAt_idx" ON "VehicleContactRequest"("status", "anonymityExpiresAt");

-- CreateIndex
CREATE INDEX "VehicleContactRequestVehicle_proId_idx" ON "VehicleContactRequestVehicle"("proId");

-- CreateIndex
CREATE UNIQUE INDEX "VehicleContactRequestVehicle_requestId_vehicleId_key" ON "VehicleContactRequestVehicle"("requestId", "vehicleId");

-- CreateIndex
CREATE INDEX "VehicleLead_proId_notifiedAt_createdAt_id_idx" ON "VehicleLead"("proId", "notifiedAt", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "VehicleLead_requestId_proId_key" ON "VehicleLead"("requestId", "proId");

-- CreateIndex
CREATE INDEX "Job_doneAt_failedAt_runAt_idx" ON "Job"("doneAt", "failedAt", "runAt");

-- CreateIndex
CREATE INDEX "Job_type_createdAt_idx" ON "Job"("type", "createdAt");
