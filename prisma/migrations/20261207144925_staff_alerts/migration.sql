-- CreateEnum
CREATE TYPE "StaffAlertKind" AS ENUM ('MODULE_REQUEST_CREATED', 'CUSTOMER_COMMENT', 'COUNTER_PROPOSAL', 'ACKNOWLEDGEMENT_OVERDUE', 'DELIVERY_FAILED');

-- CreateTable
CREATE TABLE "StaffAlert" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "StaffAlertKind" NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "moduleRequestId" UUID,
    "noticeId" UUID,
    "upgradeId" UUID,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "StaffAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffAlert_userId_createdAt_idx" ON "StaffAlert"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffAlert_userId_readAt_idx" ON "StaffAlert"("userId", "readAt");

-- CreateIndex
CREATE INDEX "StaffAlert_customerId_idx" ON "StaffAlert"("customerId");

-- CreateIndex
CREATE INDEX "StaffAlert_moduleRequestId_idx" ON "StaffAlert"("moduleRequestId");

-- CreateIndex
CREATE INDEX "StaffAlert_noticeId_idx" ON "StaffAlert"("noticeId");

-- CreateIndex
CREATE INDEX "StaffAlert_upgradeId_idx" ON "StaffAlert"("upgradeId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffAlert_userId_sourceKey_key" ON "StaffAlert"("userId", "sourceKey");

-- AddForeignKey
ALTER TABLE "StaffAlert" ADD CONSTRAINT "StaffAlert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAlert" ADD CONSTRAINT "StaffAlert_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAlert" ADD CONSTRAINT "StaffAlert_moduleRequestId_fkey" FOREIGN KEY ("moduleRequestId") REFERENCES "ModuleRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAlert" ADD CONSTRAINT "StaffAlert_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAlert" ADD CONSTRAINT "StaffAlert_upgradeId_fkey" FOREIGN KEY ("upgradeId") REFERENCES "Upgrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;
