-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('RECOGNITION', 'GRADING');

-- CreateEnum
CREATE TYPE "GradedUnitKind" AS ENUM ('RESIDENTIAL_AREA', 'COMMUNE', 'DISTRICT', 'AGENCY', 'ENTERPRISE', 'SCHOOL');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'SENT_BACK', 'REVIEWED', 'DECIDED');

-- CreateEnum
CREATE TYPE "AssessmentAct" AS ENUM ('DRAFT', 'SUBMIT', 'SEND_BACK', 'REVIEW', 'DECIDE', 'CORRECT', 'RECORD');

-- CreateEnum
CREATE TYPE "GradingLevel" AS ENUM ('EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK');

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "unitKind" "GradedUnitKind" NOT NULL,
    "unitId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "residentialAreaId" UUID,
    "organizationId" UUID,
    "subjectKey" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "facts" JSONB NOT NULL,
    "verdict" JSONB,
    "passed" BOOLEAN,
    "ruleVersion" TEXT NOT NULL,
    "gradingConfigId" TEXT,
    "total" DOUBLE PRECISION,
    "maxTotal" DOUBLE PRECISION,
    "level" "GradingLevel",
    "submittedOn" DATE,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "lateReason" TEXT,
    "reviewedOn" DATE,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "decisionIssuer" TEXT,
    "correctsId" UUID,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentStep" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "act" "AssessmentAct" NOT NULL,
    "status" "AssessmentStatus" NOT NULL,
    "on" DATE NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradingConfiguration" (
    "id" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "effectiveFrom" DATE,
    "effectiveTo" DATE,
    "setBy" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradingConfiguration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_correctsId_key" ON "Assessment"("correctsId");

-- CreateIndex
CREATE INDEX "Assessment_placeCodes_idx" ON "Assessment" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "Assessment_year_kind_status_idx" ON "Assessment"("year", "kind", "status");

-- CreateIndex
CREATE INDEX "Assessment_datasetId_idx" ON "Assessment"("datasetId");

-- CreateIndex
CREATE INDEX "Assessment_residentialAreaId_idx" ON "Assessment"("residentialAreaId");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_idx" ON "Assessment"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_kind_year_subjectKey_revision_key" ON "Assessment"("kind", "year", "subjectKey", "revision");

-- CreateIndex
CREATE INDEX "AssessmentStep_assessmentId_createdAt_idx" ON "AssessmentStep"("assessmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Assessment"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentStep" ADD CONSTRAINT "AssessmentStep_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
