-- CreateTable
CREATE TABLE "PublicPageGeneration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- The single counter row the page cache reads.
INSERT INTO "PublicPageGeneration" ("id", "value") VALUES (1, 0);
