-- CreateEnum
CREATE TYPE "TipStatus" AS ENUM ('RECEIVED', 'VERIFYING', 'FORWARDED', 'RESOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TipAuthor" AS ENUM ('INFORMANT', 'OFFICER');

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT[],
    "unitCode" TEXT,
    "persistedOnly" BOOLEAN NOT NULL DEFAULT false,
    "issuedBy" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersistedOperation" (
    "apiKeyId" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersistedOperation_pkey" PRIMARY KEY ("apiKeyId","hash")
);

-- CreateTable
CREATE TABLE "Tip" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "communeId" UUID NOT NULL,
    "placeCodes" TEXT[],
    "occurredOn" DATE NOT NULL,
    "bodyCiphertext" TEXT NOT NULL,
    "contactCiphertext" TEXT,
    "status" "TipStatus" NOT NULL DEFAULT 'RECEIVED',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipEvent" (
    "id" UUID NOT NULL,
    "tipId" UUID NOT NULL,
    "status" "TipStatus" NOT NULL,
    "date" DATE NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipMessage" (
    "id" UUID NOT NULL,
    "tipId" UUID NOT NULL,
    "author" "TipAuthor" NOT NULL,
    "officer" TEXT,
    "bodyCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" TEXT NOT NULL,
    "actor" TEXT,
    "actorRole" TEXT,
    "actorUnitCode" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "placeCodes" TEXT[],
    "reason" TEXT,
    "outcome" TEXT NOT NULL,
    "requestId" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "Tip_number_key" ON "Tip"("number");

-- CreateIndex
CREATE INDEX "Tip_placeCodes_idx" ON "Tip" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "Tip_status_receivedAt_idx" ON "Tip"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "TipEvent_tipId_createdAt_idx" ON "TipEvent"("tipId", "createdAt");

-- CreateIndex
CREATE INDEX "TipMessage_tipId_createdAt_idx" ON "TipMessage"("tipId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_placeCodes_idx" ON "AuditEntry" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "PersistedOperation" ADD CONSTRAINT "PersistedOperation_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipEvent" ADD CONSTRAINT "TipEvent_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipMessage" ADD CONSTRAINT "TipMessage_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
