-- AlterEnum
ALTER TYPE "NoticeStage" ADD VALUE 'OVERRUN';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "awaitingRelease" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "releasedAt" TIMESTAMP(3),
ADD COLUMN     "releasedById" UUID;

-- AlterTable
ALTER TABLE "NoticePolicy" ADD COLUMN     "acknowledgementCallMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Upgrade" ADD COLUMN     "firstNoticeAt" TIMESTAMP(3),
ADD COLUMN     "important" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Notice_awaitingRelease_customerId_idx" ON "Notice"("awaitingRelease", "customerId");

-- The default for SERVER upgrades: an acknowledgement is due four hours before the window, so the
-- account team still has time to call a customer who has not confirmed.
UPDATE "NoticePolicy" SET "acknowledgementCallMinutes" = 240 WHERE "kind" = 'SERVER';
