-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('PLANNED', 'THEMATIC', 'UNANNOUNCED');

-- CreateEnum
CREATE TYPE "InspectionSubjectKind" AS ENUM ('UNIT', 'RESIDENTIAL_AREA', 'ORGANIZATION', 'MODEL', 'SECURITY_TEAM');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InspectionRating" AS ENUM ('GOOD', 'FAIR', 'AVERAGE', 'WEAK');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutreachForm" AS ENUM ('MEETING', 'LOUDSPEAKER', 'LEAFLET', 'SOCIAL_MEDIA', 'FESTIVAL_DAY', 'DOOR_TO_DOOR', 'PERFORMANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "OutreachAudience" AS ENUM ('RESIDENTS', 'STUDENTS', 'RELIGIOUS_FOLLOWERS', 'WORKERS', 'ETHNIC_MINORITIES', 'YOUTH', 'OTHER');

-- CreateEnum
CREATE TYPE "ReintegrationStatus" AS ENUM ('ONGOING', 'COMPLETED', 'REOFFENDED', 'MOVED_AWAY', 'CLOSED');

-- CreateEnum
CREATE TYPE "MentorKind" AS ENUM ('FAMILY', 'ORGANIZATION', 'SECURITY_TEAM', 'POLICE', 'OTHER');

-- CreateTable
CREATE TABLE "Inspection" (
    "id" UUID NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "subjectKind" "InspectionSubjectKind" NOT NULL,
    "unitId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "residentialAreaId" UUID,
    "organizationId" UUID,
    "modelId" UUID,
    "teamId" UUID,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedOn" DATE NOT NULL,
    "team" TEXT[],
    "purpose" TEXT,
    "inspectedOn" DATE,
    "findings" TEXT,
    "rating" "InspectionRating",
    "cancelledOn" DATE,
    "cancelReason" TEXT,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionFollowUp" (
    "id" UUID NOT NULL,
    "inspectionId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "closedOn" DATE,
    "note" TEXT,
    "placeCodes" TEXT[],
    "setOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InspectionFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachActivity" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "residentialAreaId" UUID,
    "heldOn" DATE NOT NULL,
    "form" "OutreachForm" NOT NULL,
    "audiences" "OutreachAudience"[],
    "participants" INTEGER NOT NULL,
    "partners" "PartnerKind"[],
    "topic" TEXT NOT NULL,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutreachActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReintegrationCase" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "residentialAreaId" UUID,
    "returnedOn" DATE NOT NULL,
    "status" "ReintegrationStatus" NOT NULL DEFAULT 'ONGOING',
    "closedOn" DATE,
    "personCiphertext" TEXT NOT NULL,
    "offenceCiphertext" TEXT NOT NULL,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReintegrationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReintegrationMentor" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "MentorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "assignedOn" DATE NOT NULL,

    CONSTRAINT "ReintegrationMentor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReintegrationNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "notedOn" DATE NOT NULL,
    "bodyCiphertext" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReintegrationNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Inspection_placeCodes_idx" ON "Inspection" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "Inspection_status_plannedOn_idx" ON "Inspection"("status", "plannedOn");

-- CreateIndex
CREATE INDEX "Inspection_inspectedOn_idx" ON "Inspection"("inspectedOn");

-- CreateIndex
CREATE INDEX "Inspection_residentialAreaId_idx" ON "Inspection"("residentialAreaId");

-- CreateIndex
CREATE INDEX "Inspection_modelId_idx" ON "Inspection"("modelId");

-- CreateIndex
CREATE INDEX "Inspection_datasetId_idx" ON "Inspection"("datasetId");

-- CreateIndex
CREATE INDEX "InspectionFollowUp_placeCodes_idx" ON "InspectionFollowUp" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "InspectionFollowUp_dueOn_status_idx" ON "InspectionFollowUp"("dueOn", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionFollowUp_inspectionId_seq_key" ON "InspectionFollowUp"("inspectionId", "seq");

-- CreateIndex
CREATE INDEX "OutreachActivity_placeCodes_idx" ON "OutreachActivity" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "OutreachActivity_heldOn_idx" ON "OutreachActivity"("heldOn");

-- CreateIndex
CREATE INDEX "OutreachActivity_residentialAreaId_idx" ON "OutreachActivity"("residentialAreaId");

-- CreateIndex
CREATE INDEX "OutreachActivity_datasetId_idx" ON "OutreachActivity"("datasetId");

-- CreateIndex
CREATE INDEX "ReintegrationCase_placeCodes_idx" ON "ReintegrationCase" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "ReintegrationCase_status_returnedOn_idx" ON "ReintegrationCase"("status", "returnedOn");

-- CreateIndex
CREATE INDEX "ReintegrationCase_datasetId_idx" ON "ReintegrationCase"("datasetId");

-- CreateIndex
CREATE INDEX "ReintegrationMentor_caseId_idx" ON "ReintegrationMentor"("caseId");

-- CreateIndex
CREATE INDEX "ReintegrationNote_caseId_notedOn_idx" ON "ReintegrationNote"("caseId", "notedOn");

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionFollowUp" ADD CONSTRAINT "InspectionFollowUp_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachActivity" ADD CONSTRAINT "OutreachActivity_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReintegrationCase" ADD CONSTRAINT "ReintegrationCase_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReintegrationMentor" ADD CONSTRAINT "ReintegrationMentor_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReintegrationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReintegrationNote" ADD CONSTRAINT "ReintegrationNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReintegrationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma's schema language has no CHECK constraints, and its diff
-- leaves them alone): what core's rules promise of every row, held by the database too.
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_status_check" CHECK (
  ("status" = 'DONE') = ("inspectedOn" IS NOT NULL AND "findings" IS NOT NULL AND "rating" IS NOT NULL)
  AND ("status" = 'CANCELLED') = ("cancelledOn" IS NOT NULL)
);
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_subject_check" CHECK (
  CASE "subjectKind"
    WHEN 'UNIT' THEN num_nonnulls("residentialAreaId", "organizationId", "modelId", "teamId") = 0
    WHEN 'RESIDENTIAL_AREA' THEN "residentialAreaId" IS NOT NULL AND num_nonnulls("organizationId", "modelId", "teamId") = 0
    WHEN 'ORGANIZATION' THEN "organizationId" IS NOT NULL AND num_nonnulls("residentialAreaId", "modelId", "teamId") = 0
    WHEN 'MODEL' THEN "modelId" IS NOT NULL AND "teamId" IS NULL
    WHEN 'SECURITY_TEAM' THEN "teamId" IS NOT NULL AND num_nonnulls("organizationId", "modelId") = 0
  END
);
ALTER TABLE "InspectionFollowUp" ADD CONSTRAINT "InspectionFollowUp_closed_check" CHECK (("status" = 'OPEN') = ("closedOn" IS NULL) AND "dueOn" >= "setOn");
ALTER TABLE "OutreachActivity" ADD CONSTRAINT "OutreachActivity_reach_check" CHECK ("participants" >= 0 AND cardinality("audiences") >= 1);
ALTER TABLE "ReintegrationCase" ADD CONSTRAINT "ReintegrationCase_closed_check" CHECK (("status" = 'ONGOING') = ("closedOn" IS NULL));
