-- AlterEnum
ALTER TYPE "DatasetKind" ADD VALUE 'NATIONAL';

-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "datasetId" UUID;

-- CreateIndex
CREATE INDEX "Tip_datasetId_idx" ON "Tip"("datasetId");

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
