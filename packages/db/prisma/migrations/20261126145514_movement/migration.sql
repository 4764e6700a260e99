-- CreateEnum
CREATE TYPE "ResidentialAreaKind" AS ENUM ('THON', 'LANG', 'AP', 'BAN', 'BUON', 'PHUM', 'SOC', 'XOM', 'KHOM', 'TO_DAN_PHO', 'KHU_PHO');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('AGENCY', 'ENTERPRISE', 'SCHOOL');

-- CreateEnum
CREATE TYPE "EnterpriseSize" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('NURSERY', 'PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'CONTINUING_EDUCATION', 'VOCATIONAL', 'HIGHER_EDUCATION');

-- CreateEnum
CREATE TYPE "HostKind" AS ENUM ('RESIDENTIAL_AREA', 'COMMUNE', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "ModelCategory" AS ENUM ('CRIME_PREVENTION', 'SELF_MANAGEMENT', 'MEDIATION', 'TRAFFIC_ORDER', 'FIRE_PREVENTION', 'RELIGION', 'ECONOMY', 'OTHER');

-- CreateEnum
CREATE TYPE "CatalogueScope" AS ENUM ('NATIONAL', 'PROVINCIAL');

-- CreateEnum
CREATE TYPE "ModelBuilder" AS ENUM ('POLICE', 'FATHERLAND_FRONT', 'MASS_ORGANIZATION', 'RESIDENTS', 'AGENCY_SECURITY_UNIT', 'OTHER');

-- CreateEnum
CREATE TYPE "LifecycleEventKind" AS ENUM ('PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE', 'SUSPEND', 'RESUME', 'DISSOLVE');

-- CreateEnum
CREATE TYPE "ModelEffectiveness" AS ENUM ('EFFECTIVE', 'NOT_EFFECTIVE');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('LEADER', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "TeamEvaluationLevel" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETE', 'NOT_COMPLETE');

-- CreateEnum
CREATE TYPE "EducationLevel" AS ENUM ('NONE', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'POST_SECONDARY');

-- CreateEnum
CREATE TYPE "DatasetKind" AS ENUM ('DEMO');

-- CreateTable
CREATE TABLE "Dataset" (
    "id" UUID NOT NULL,
    "kind" "DatasetKind" NOT NULL,
    "name" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parameters" JSONB NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentialArea" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ResidentialAreaKind" NOT NULL,
    "households" INTEGER,
    "residents" INTEGER,
    "validFrom" DATE,
    "validTo" DATE,
    "searchText" TEXT NOT NULL,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ResidentialArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentialAreaPlacement" (
    "id" UUID NOT NULL,
    "residentialAreaId" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,

    CONSTRAINT "ResidentialAreaPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "armedForces" BOOLEAN,
    "enterpriseSize" "EnterpriseSize",
    "schoolLevel" "SchoolLevel",
    "validFrom" DATE,
    "validTo" DATE,
    "searchText" TEXT NOT NULL,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationPlacement" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,

    CONSTRAINT "OrganizationPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelCatalogue" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "CatalogueScope" NOT NULL,
    "provinceCode" TEXT,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ModelCatalogue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelType" (
    "id" UUID NOT NULL,
    "catalogueId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ModelCategory" NOT NULL,
    "hostKinds" "HostKind"[],
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ModelType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "modelTypeId" UUID NOT NULL,
    "hostKind" "HostKind" NOT NULL,
    "residentialAreaId" UUID,
    "communeId" UUID,
    "organizationId" UUID,
    "foundedOn" DATE NOT NULL,
    "builtBy" "ModelBuilder" NOT NULL,
    "memberCount" INTEGER,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifecycleEvent" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "kind" "LifecycleEventKind" NOT NULL,
    "date" DATE NOT NULL,
    "seq" INTEGER NOT NULL,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "decisionIssuer" TEXT,
    "note" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelMember" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "position" TEXT,
    "birthDate" DATE,
    "citizenId" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ModelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationPoint" (
    "id" UUID NOT NULL,
    "sourceModelId" UUID NOT NULL,
    "replicaModelId" UUID NOT NULL,
    "replicatedOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReplicationPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelEvaluation" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "outcome" "ModelEffectiveness" NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ModelEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityTeam" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "communeId" UUID NOT NULL,
    "communeCode" TEXT NOT NULL,
    "establishedOn" DATE NOT NULL,
    "dissolvedOn" DATE,
    "datasetId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SecurityTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityTeamArea" (
    "teamId" UUID NOT NULL,
    "residentialAreaId" UUID NOT NULL,

    CONSTRAINT "SecurityTeamArea_pkey" PRIMARY KEY ("teamId","residentialAreaId")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "citizenId" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "role" "TeamRole" NOT NULL,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "education" "EducationLevel" NOT NULL,
    "residentSince" DATE,
    "cleanRecord" BOOLEAN NOT NULL,
    "hasHealthCertificate" BOOLEAN NOT NULL,
    "over70ApprovedByCommuneChairman" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamEvaluation" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "tasksAssigned" INTEGER NOT NULL,
    "tasksCompleted" INTEGER NOT NULL,
    "level" "TeamEvaluationLevel" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TeamEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMemberEvaluation" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "tasksAssigned" INTEGER NOT NULL,
    "tasksCompleted" INTEGER NOT NULL,
    "level" "TeamEvaluationLevel" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TeamMemberEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_kind_seed_key" ON "Dataset"("kind", "seed");

-- CreateIndex
CREATE INDEX "ResidentialArea_datasetId_idx" ON "ResidentialArea"("datasetId");

-- CreateIndex
CREATE INDEX "ResidentialArea_searchText_idx" ON "ResidentialArea"("searchText");

-- CreateIndex
CREATE INDEX "ResidentialAreaPlacement_communeId_validFrom_validTo_idx" ON "ResidentialAreaPlacement"("communeId", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "ResidentialAreaPlacement_communeCode_validFrom_validTo_idx" ON "ResidentialAreaPlacement"("communeCode", "validFrom", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "ResidentialAreaPlacement_residentialAreaId_validFrom_key" ON "ResidentialAreaPlacement"("residentialAreaId", "validFrom");

-- CreateIndex
CREATE INDEX "Organization_datasetId_idx" ON "Organization"("datasetId");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_searchText_idx" ON "Organization"("searchText");

-- CreateIndex
CREATE INDEX "OrganizationPlacement_communeId_validFrom_validTo_idx" ON "OrganizationPlacement"("communeId", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "OrganizationPlacement_communeCode_validFrom_validTo_idx" ON "OrganizationPlacement"("communeCode", "validFrom", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationPlacement_organizationId_validFrom_key" ON "OrganizationPlacement"("organizationId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ModelCatalogue_code_key" ON "ModelCatalogue"("code");

-- CreateIndex
CREATE INDEX "ModelCatalogue_provinceCode_idx" ON "ModelCatalogue"("provinceCode");

-- CreateIndex
CREATE INDEX "ModelCatalogue_datasetId_idx" ON "ModelCatalogue"("datasetId");

-- CreateIndex
CREATE INDEX "ModelType_category_idx" ON "ModelType"("category");

-- CreateIndex
CREATE UNIQUE INDEX "ModelType_catalogueId_code_key" ON "ModelType"("catalogueId", "code");

-- CreateIndex
CREATE INDEX "Model_residentialAreaId_idx" ON "Model"("residentialAreaId");

-- CreateIndex
CREATE INDEX "Model_communeId_idx" ON "Model"("communeId");

-- CreateIndex
CREATE INDEX "Model_organizationId_idx" ON "Model"("organizationId");

-- CreateIndex
CREATE INDEX "Model_modelTypeId_foundedOn_idx" ON "Model"("modelTypeId", "foundedOn");

-- CreateIndex
CREATE INDEX "Model_datasetId_idx" ON "Model"("datasetId");

-- CreateIndex
CREATE INDEX "LifecycleEvent_modelId_date_idx" ON "LifecycleEvent"("modelId", "date");

-- CreateIndex
CREATE INDEX "LifecycleEvent_kind_date_idx" ON "LifecycleEvent"("kind", "date");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleEvent_modelId_seq_key" ON "LifecycleEvent"("modelId", "seq");

-- CreateIndex
CREATE INDEX "ModelMember_modelId_joinedOn_idx" ON "ModelMember"("modelId", "joinedOn");

-- CreateIndex
CREATE INDEX "ReplicationPoint_replicaModelId_idx" ON "ReplicationPoint"("replicaModelId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationPoint_sourceModelId_replicaModelId_key" ON "ReplicationPoint"("sourceModelId", "replicaModelId");

-- CreateIndex
CREATE INDEX "ModelEvaluation_periodTo_outcome_idx" ON "ModelEvaluation"("periodTo", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "ModelEvaluation_modelId_periodFrom_periodTo_key" ON "ModelEvaluation"("modelId", "periodFrom", "periodTo");

-- CreateIndex
CREATE INDEX "SecurityTeam_communeId_establishedOn_idx" ON "SecurityTeam"("communeId", "establishedOn");

-- CreateIndex
CREATE INDEX "SecurityTeam_communeCode_establishedOn_idx" ON "SecurityTeam"("communeCode", "establishedOn");

-- CreateIndex
CREATE INDEX "SecurityTeam_datasetId_idx" ON "SecurityTeam"("datasetId");

-- CreateIndex
CREATE INDEX "SecurityTeamArea_residentialAreaId_idx" ON "SecurityTeamArea"("residentialAreaId");

-- CreateIndex
CREATE INDEX "TeamMember_teamId_role_idx" ON "TeamMember"("teamId", "role");

-- CreateIndex
CREATE INDEX "TeamMember_citizenId_idx" ON "TeamMember"("citizenId");

-- CreateIndex
CREATE INDEX "TeamEvaluation_year_level_idx" ON "TeamEvaluation"("year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "TeamEvaluation_teamId_year_key" ON "TeamEvaluation"("teamId", "year");

-- CreateIndex
CREATE INDEX "TeamMemberEvaluation_year_level_idx" ON "TeamMemberEvaluation"("year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMemberEvaluation_memberId_year_key" ON "TeamMemberEvaluation"("memberId", "year");

-- AddForeignKey
ALTER TABLE "ResidentialArea" ADD CONSTRAINT "ResidentialArea_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidentialAreaPlacement" ADD CONSTRAINT "ResidentialAreaPlacement_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidentialAreaPlacement" ADD CONSTRAINT "ResidentialAreaPlacement_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationPlacement" ADD CONSTRAINT "OrganizationPlacement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationPlacement" ADD CONSTRAINT "OrganizationPlacement_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCatalogue" ADD CONSTRAINT "ModelCatalogue_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelType" ADD CONSTRAINT "ModelType_catalogueId_fkey" FOREIGN KEY ("catalogueId") REFERENCES "ModelCatalogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_modelTypeId_fkey" FOREIGN KEY ("modelTypeId") REFERENCES "ModelType"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleEvent" ADD CONSTRAINT "LifecycleEvent_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelMember" ADD CONSTRAINT "ModelMember_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationPoint" ADD CONSTRAINT "ReplicationPoint_sourceModelId_fkey" FOREIGN KEY ("sourceModelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationPoint" ADD CONSTRAINT "ReplicationPoint_replicaModelId_fkey" FOREIGN KEY ("replicaModelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelEvaluation" ADD CONSTRAINT "ModelEvaluation_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityTeam" ADD CONSTRAINT "SecurityTeam_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityTeam" ADD CONSTRAINT "SecurityTeam_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityTeamArea" ADD CONSTRAINT "SecurityTeamArea_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "SecurityTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityTeamArea" ADD CONSTRAINT "SecurityTeamArea_residentialAreaId_fkey" FOREIGN KEY ("residentialAreaId") REFERENCES "ResidentialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "SecurityTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamEvaluation" ADD CONSTRAINT "TeamEvaluation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "SecurityTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMemberEvaluation" ADD CONSTRAINT "TeamMemberEvaluation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "TeamMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma's schema language has no CHECK constraints, and its diff
-- leaves them alone): a model has exactly one host, the one hostKind names.
ALTER TABLE "Model" ADD CONSTRAINT "Model_host_check" CHECK (
  ("hostKind" = 'RESIDENTIAL_AREA' AND "residentialAreaId" IS NOT NULL AND "communeId" IS NULL AND "organizationId" IS NULL)
  OR ("hostKind" = 'COMMUNE' AND "residentialAreaId" IS NULL AND "communeId" IS NOT NULL AND "organizationId" IS NULL)
  OR ("hostKind" = 'ORGANIZATION' AND "residentialAreaId" IS NULL AND "communeId" IS NULL AND "organizationId" IS NOT NULL)
);
