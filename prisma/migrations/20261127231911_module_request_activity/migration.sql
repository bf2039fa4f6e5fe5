-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('MODULE_REQUEST_STAGE');

-- AlterTable
ALTER TABLE "ModuleRequest" ADD COLUMN     "deliveredVersion" TEXT;

-- AlterTable
ALTER TABLE "ModuleRequestEvent" ADD COLUMN     "assigneeId" UUID;

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "moduleRequestId" UUID,
    "actorId" UUID,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "customerId" UUID,
    "to" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Activity_customerId_at_idx" ON "Activity"("customerId", "at");

-- CreateIndex
CREATE INDEX "Activity_moduleRequestId_idx" ON "Activity"("moduleRequestId");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_customerId_createdAt_idx" ON "EmailMessage"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_sourceKey_to_key" ON "EmailMessage"("sourceKey", "to");

-- AddForeignKey
ALTER TABLE "ModuleRequestEvent" ADD CONSTRAINT "ModuleRequestEvent_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_moduleRequestId_fkey" FOREIGN KEY ("moduleRequestId") REFERENCES "ModuleRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
