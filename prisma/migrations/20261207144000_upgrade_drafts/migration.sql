-- AlterTable
ALTER TABLE "Upgrade" ADD COLUMN     "changesEn" TEXT,
ADD COLUMN     "changesVi" TEXT,
ADD COLUMN     "summaryEn" TEXT,
ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "UpgradeModule" ADD COLUMN     "fromVersion" TEXT,
ADD COLUMN     "targetVersion" TEXT;

-- AlterTable
ALTER TABLE "UpgradeTarget" ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "windowEnd" TIMESTAMP(3),
ADD COLUMN     "windowStart" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WindowProposal" (
    "id" UUID NOT NULL,
    "upgradeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "proposedById" UUID,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WindowProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WindowProposal_upgradeId_createdAt_idx" ON "WindowProposal"("upgradeId", "createdAt");

-- CreateIndex
CREATE INDEX "WindowProposal_customerId_idx" ON "WindowProposal"("customerId");

-- AddForeignKey
ALTER TABLE "WindowProposal" ADD CONSTRAINT "WindowProposal_upgradeId_fkey" FOREIGN KEY ("upgradeId") REFERENCES "Upgrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WindowProposal" ADD CONSTRAINT "WindowProposal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WindowProposal" ADD CONSTRAINT "WindowProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
