-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProKind" AS ENUM ('agency', 'developer', 'dealership');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('pro', 'admin');

-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('missing', 'pending', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "PropertyType" AS ENUM ('appartement', 'maison', 'terrain', 'commerce', 'bureau');

-- CreateEnum
CREATE TYPE "TransactionType" AS ENUM ('vente', 'location');

-- CreateEnum
CREATE TYPE "PropertyStatus" AS ENUM ('draft', 'active', 'sold');

-- CreateEnum
CREATE TYPE "PropertySource" AS ENUM ('manual', 'feed');

-- CreateEnum
CREATE TYPE "EnergyRating" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F', 'G');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('new', 'read', 'replied');

-- CreateEnum
CREATE TYPE "LotStatus" AS ENUM ('disponible', 'reserve', 'vendu');

-- CreateEnum
CREATE TYPE "VehicleStatus" AS ENUM ('available', 'sold');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('email', 'phone', 'whatsapp');

-- CreateEnum
CREATE TYPE "VehicleRequestStatus" AS ENUM ('pending', 'notified', 'cancelled');

-- CreateTable
CREATE TABLE "Pro" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "kind" "ProKind",
    "role" "Role" NOT NULL DEFAULT 'pro',
    "identityStatus" "IdentityStatus" NOT NULL DEFAULT 'missing',
    "identityDocPath" TEXT,
    "identityDocMime" TEXT,
    "identitySubmittedAt" TIMESTAMP(3),
    "identityReviewedAt" TIMESTAMP(3),
    "identityReviewedById" TEXT,
    "identityRejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Property" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "source" "PropertySource" NOT NULL DEFAULT 'manual',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" "PropertyType" NOT NULL,
    "transactionType" "TransactionType" NOT NULL,
    "price" INTEGER,
    "surface" DOUBLE PRECISION,
    "rooms" INTEGER,
    "bedrooms" INTEGER,
    "bathrooms" INTEGER,
    "floor" INTEGER,
    "totalFloors" INTEGER,
    "buildingYear" INTEGER,
    "energyRating" "EnergyRating",
    "gesRating" "EnergyRating",
    "address" TEXT,
    "city" TEXT NOT NULL,
    "cityKey" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "department" TEXT,
    "region" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "status" "PropertyStatus" NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Property_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PropertyPhoto" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PropertyPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT,
    "proId" TEXT NOT NULL,
    "propertyTitle" TEXT NOT NULL,
    "senderNameEnc" TEXT NOT NULL,
    "senderEmailEnc" TEXT NOT NULL,
    "senderPhoneEnc" TEXT,
    "messageEnc" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'new',
    "readAt" TIMESTAMP(3),
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ville" TEXT NOT NULL,
    "prixMin" INTEGER NOT NULL,
    "prixMax" INTEGER NOT NULL,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lot" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "surface" DOUBLE PRECISION NOT NULL,
    "price" INTEGER NOT NULL,
    "status" "LotStatus" NOT NULL DEFAULT 'disponible',
    "isComplete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProFavorite" (
    "id" TEXT NOT NULL,
    "proId" TEXT NOT NULL,
    "programmeId" TEXT,
    "lotId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProFavorite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" SERIAL NOT NULL,
    "proId" TEXT NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "mileage" INTEGER NOT NULL,
    "fuel" TEXT,
    "transmission" TEXT,
    "colour" TEXT,
    "status" "VehicleStatus" NOT NULL DEFAULT 'available',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "City" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "City_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VehicleContactRequest" (
    "id" SERIAL NOT NULL,
    "fullNameEnc" TEXT NOT NULL,
    "emailEnc" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "phoneEnc" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "preferredContactMethod" "ContactMethod" NOT NULL,
    "additionalCommentsEnc" TEXT,
    "status" "VehicleRequestStatus" NOT NULL DEFAULT 'pending',
    "viewerTokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymityExpiresAt" TIMESTAMP(3) NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "VehicleContactRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VehicleContactRequestVehicle" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "vehicleId" INTEGER,
    "proId" TEXT NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,

    CONSTRAINT "VehicleContactRequestVehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VehicleLead" (
    "id" TEXT NOT NULL,
    "requestId" INTEGER NOT NULL,
    "proId" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'new',
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VehicleLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "lastError" TEXT,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CacheGeneration" (
    "namespace" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CacheGeneration_pkey" PRIMARY KEY ("namespace")
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

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Property" ADD CONSTRAINT "Property_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropertyPhoto" ADD CONSTRAINT "PropertyPhoto_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProFavorite" ADD CONSTRAINT "ProFavorite_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProFavorite" ADD CONSTRAINT "ProFavorite_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProFavorite" ADD CONSTRAINT "ProFavorite_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "City" ADD CONSTRAINT "City_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehicleContactRequestVehicle" ADD CONSTRAINT "VehicleContactRequestVehicle_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehicleContactRequestVehicle" ADD CONSTRAINT "VehicleContactRequestVehicle_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehicleContactRequestVehicle" ADD CONSTRAINT "VehicleContactRequestVehicle_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehicleLead" ADD CONSTRAINT "VehicleLead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VehicleContactRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VehicleLead" ADD CONSTRAINT "VehicleLead_proId_fkey" FOREIGN KEY ("proId") REFERENCES "Pro"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a favorite targets exactly one of a programme or a lot (as in SQLite).
ALTER TABLE "ProFavorite" ADD CONSTRAINT "ProFavorite_exactly_one_target" CHECK (("programmeId" IS NULL) <> ("lotId" IS NULL));

-- Hand-written: the city search is a range on cityKey that relies on code-point order, which is
-- SQLite's order, and "C" gives the same whatever the database's default collation.
ALTER TABLE "Property" ALTER COLUMN "cityKey" TYPE TEXT COLLATE "C";
