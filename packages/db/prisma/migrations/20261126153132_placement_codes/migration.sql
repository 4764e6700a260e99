-- AlterTable
ALTER TABLE "OrganizationPlacement" ADD COLUMN     "placeCodes" TEXT[];

-- AlterTable
ALTER TABLE "ResidentialAreaPlacement" ADD COLUMN     "placeCodes" TEXT[];

-- AlterTable
ALTER TABLE "SecurityTeam" ADD COLUMN     "placeCodes" TEXT[];

-- CreateIndex
CREATE INDEX "OrganizationPlacement_placeCodes_idx" ON "OrganizationPlacement" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "ResidentialAreaPlacement_placeCodes_idx" ON "ResidentialAreaPlacement" USING GIN ("placeCodes");

-- CreateIndex
CREATE INDEX "SecurityTeam_placeCodes_idx" ON "SecurityTeam" USING GIN ("placeCodes");
