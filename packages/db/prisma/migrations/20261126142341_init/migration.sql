-- CreateEnum
CREATE TYPE "AdminLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('FULL', 'PARTIAL');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "level" "AdminLevel" NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT,
    "fullNameEn" TEXT,
    "parentCode" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineageLink" (
    "predecessorId" UUID NOT NULL,
    "successorId" UUID NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "LineageLink_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB NOT NULL,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentCode_validFrom_validTo_idx" ON "AdminUnit"("parentCode", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "AdminUnit_level_validFrom_validTo_idx" ON "AdminUnit"("level", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "AdminUnit_code_validTo_idx" ON "AdminUnit"("code", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_code_validFrom_key" ON "AdminUnit"("code", "validFrom");

-- CreateIndex
CREATE INDEX "LineageLink_successorId_idx" ON "LineageLink"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_source_sha256_key" ON "ImportRun"("source", "sha256");

-- AddForeignKey
ALTER TABLE "LineageLink" ADD CONSTRAINT "LineageLink_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageLink" ADD CONSTRAINT "LineageLink_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
