-- CreateEnum
CREATE TYPE "AwardLevel" AS ENUM ('COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY', 'GOVERNMENT', 'STATE');

-- CreateEnum
CREATE TYPE "ExemplarSubjectKind" AS ENUM ('MODEL', 'COLLECTIVE', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "CollectiveKind" AS ENUM ('ORGANIZATION', 'RESIDENTIAL_AREA', 'SECURITY_TEAM');

-- CreateEnum
CREATE TYPE "RecipientKind" AS ENUM ('COLLECTIVE', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "CommendationForm" AS ENUM ('CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'EMULATION_FLAG', 'MEDAL', 'OTHER');

-- CreateEnum
CREATE TYPE "CommendedKind" AS ENUM ('MODEL', 'TIP', 'EXEMPLAR');

-- CreateEnum
CREATE TYPE "KeyAreaCategory" AS ENUM ('NATIONAL_SECURITY', 'CRIME', 'SOCIAL_EVILS', 'RELIGION', 'ETHNIC', 'BORDER', 'OTHER');

-- CreateEnum
CREATE TYPE "InfluenceKind" AS ENUM ('RELIGIOUS_DIGNITARY', 'REPUTABLE_PERSON');

-- CreateEnum
CREATE TYPE "Religion" AS ENUM ('BUDDHISM', 'CATHOLICISM', 'PROTESTANTISM', 'CAODAISM', 'HOA_HAO_BUDDHISM', 'ISLAM', 'OTHER');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('FATHERLAND_FRONT', 'YOUTH_UNION', 'WOMENS_UNION', 'VETERANS_ASSOCIATION', 'FARMERS_ASSOCIATION', 'ARMY', 'BORDER_GUARD', 'OTHER');

-- CreateTable
CREATE TABLE "Exemplar" (
    "id" UUID NOT NULL,
    "subjectKind" "ExemplarSubjectKind" NOT NULL,
    "modelId" UUID,
    "collectiveKind" "CollectiveKind",
    "organizationId" UUID,
    "residentialAreaId" UUID,
    "securityTeamId" UUID,
    "personName" TEXT,
    "personRole" TEXT,
    "level" "AwardLevel" NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "decisionIssuer" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exemplar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" UUID NOT NULL,
    "recipientKind" "RecipientKind" NOT NULL,
    "collectiveKind" "CollectiveKind",
    "organizationId" UUID,
    "residentialAreaId" UUID,
    "securityTeamId" UUID,
    "personName" TEXT,
    "personRole" TEXT,
    "form" "CommendationForm" NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "decisionIssuer" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "forKind" "CommendedKind",
    "modelId" UUID,
    "tipId" UUID,
    "exemplarId" UUID,
    "unitId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyArea" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "category" "KeyAreaCategory" NOT NULL,
    "reason" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "decisionIssuer" TEXT,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfluentialPerson" (
    "id" UUID NOT NULL,
    "kind" "InfluenceKind" NOT NULL,
    "fullName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "religion" "Religion",
    "residentialAreaId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "placeCodes" TEXT[],
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InfluentialPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPartner" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "partnerKind" "PartnerKind" NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "ModelPartner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Exemplar_placeCodes_idx" ON "Exemplar" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "Exemplar_decisionDate_idx" ON "Exemplar"("decisionDate");

-- CreateIndex
CREATE INDEX "Exemplar_modelId_idx" ON "Exemplar"("modelId");

-- CreateIndex
CREATE INDEX "Exemplar_datasetId_idx" ON "Exemplar"("datasetId");

-- CreateIndex
CREATE INDEX "Commendation_placeCodes_idx" ON "Commendation" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "Commendation_decisionDate_idx" ON "Commendation"("decisionDate");

-- CreateIndex
CREATE INDEX "Commendation_tipId_idx" ON "Commendation"("tipId");

-- CreateIndex
CREATE INDEX "Commendation_exemplarId_idx" ON "Commendation"("exemplarId");

-- CreateIndex
CREATE INDEX "Commendation_datasetId_idx" ON "Commendation"("datasetId");

-- CreateIndex
CREATE INDEX "KeyArea_placeCodes_idx" ON "KeyArea" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "KeyArea_unitCode_validFrom_idx" ON "KeyArea"("unitCode", "validFrom");

-- CreateIndex
CREATE INDEX "KeyArea_datasetId_idx" ON "KeyArea"("datasetId");

-- CreateIndex
CREATE INDEX "InfluentialPerson_placeCodes_idx" ON "InfluentialPerson" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "InfluentialPerson_residentialAreaId_idx" ON "InfluentialPerson"("residentialAreaId");

-- CreateIndex
CREATE INDEX "ModelPartner_partnerKind_idx" ON "ModelPartner"("partnerKind");

-- CreateIndex
CREATE UNIQUE INDEX "ModelPartner_modelId_partnerKind_name_validFrom_key" ON "ModelPartner"("modelId", "partnerKind", "name", "validFrom");

-- AddForeignKey
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_securityTeamId_fkey" FOREIGN KEY ("securityTeamId") REFERENCES "SecurityTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_securityTeamId_fkey" FOREIGN KEY ("securityTeamId") REFERENCES "SecurityTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_exemplarId_fkey" FOREIGN KEY ("exemplarId") REFERENCES "Exemplar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyArea" ADD CONSTRAINT "KeyArea_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfluentialPerson" ADD CONSTRAINT "InfluentialPerson_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelPartner" ADD CONSTRAINT "ModelPartner_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma's schema language has no CHECK constraints, and its diff
-- leaves them alone): an exemplar's subject and a commendation's recipient are exactly
-- the one their kind names, and a commendation is for at most the one thing `forKind` names.
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_subject_check" CHECK (
  ("subjectKind" = 'MODEL' AND "modelId" IS NOT NULL AND "collectiveKind" IS NULL
    AND num_nonnulls("organizationId", "residentialAreaId", "securityTeamId", "personName", "personRole") = 0)
  OR ("subjectKind" = 'COLLECTIVE' AND "modelId" IS NULL AND num_nonnulls("personName", "personRole") = 0
    AND (("collectiveKind" = 'ORGANIZATION' AND "organizationId" IS NOT NULL AND "residentialAreaId" IS NULL AND "securityTeamId" IS NULL)
      OR ("collectiveKind" = 'RESIDENTIAL_AREA' AND "organizationId" IS NULL AND "residentialAreaId" IS NOT NULL AND "securityTeamId" IS NULL)
      OR ("collectiveKind" = 'SECURITY_TEAM' AND "organizationId" IS NULL AND "residentialAreaId" IS NULL AND "securityTeamId" IS NOT NULL)))
  OR ("subjectKind" = 'INDIVIDUAL' AND "modelId" IS NULL AND "collectiveKind" IS NULL
    AND num_nonnulls("organizationId", "residentialAreaId", "securityTeamId") = 0 AND "personName" IS NOT NULL AND "personRole" IS NOT NULL)
);
ALTER TABLE "Exemplar" ADD CONSTRAINT "Exemplar_period_check" CHECK ("periodFrom" <= "periodTo" AND "decisionDate" <= "periodTo");

ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_recipient_check" CHECK (
  ("recipientKind" = 'COLLECTIVE' AND num_nonnulls("personName", "personRole") = 0
    AND (("collectiveKind" = 'ORGANIZATION' AND "organizationId" IS NOT NULL AND "residentialAreaId" IS NULL AND "securityTeamId" IS NULL)
      OR ("collectiveKind" = 'RESIDENTIAL_AREA' AND "organizationId" IS NULL AND "residentialAreaId" IS NOT NULL AND "securityTeamId" IS NULL)
      OR ("collectiveKind" = 'SECURITY_TEAM' AND "organizationId" IS NULL AND "residentialAreaId" IS NULL AND "securityTeamId" IS NOT NULL)))
  OR ("recipientKind" = 'INDIVIDUAL' AND "collectiveKind" IS NULL
    AND num_nonnulls("organizationId", "residentialAreaId", "securityTeamId") = 0 AND "personName" IS NOT NULL AND "personRole" IS NOT NULL)
);
-- A commendation for a tip may lose its tip (ON DELETE SET NULL), never gain another link.
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_for_check" CHECK (
  ("forKind" IS NULL AND num_nonnulls("modelId", "tipId", "exemplarId") = 0)
  OR ("forKind" = 'MODEL' AND "modelId" IS NOT NULL AND num_nonnulls("tipId", "exemplarId") = 0)
  OR ("forKind" = 'TIP' AND num_nonnulls("modelId", "exemplarId") = 0)
  OR ("forKind" = 'EXEMPLAR' AND "exemplarId" IS NOT NULL AND num_nonnulls("modelId", "tipId") = 0)
);

ALTER TABLE "KeyArea" ADD CONSTRAINT "KeyArea_period_check" CHECK ("validTo" IS NULL OR "validFrom" <= "validTo");
ALTER TABLE "KeyArea" ADD CONSTRAINT "KeyArea_decision_check" CHECK (num_nonnulls("decisionNumber", "decisionDate", "decisionIssuer") IN (0, 3));
ALTER TABLE "InfluentialPerson" ADD CONSTRAINT "InfluentialPerson_religion_check" CHECK (("kind" = 'RELIGIOUS_DIGNITARY') = ("religion" IS NOT NULL));
ALTER TABLE "InfluentialPerson" ADD CONSTRAINT "InfluentialPerson_period_check" CHECK ("validTo" IS NULL OR "validFrom" <= "validTo");
ALTER TABLE "ModelPartner" ADD CONSTRAINT "ModelPartner_period_check" CHECK ("validTo" IS NULL OR "validFrom" <= "validTo");
