-- CreateTable
CREATE TABLE "NoticeCall" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "callerId" UUID,
    "note" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NoticeCall_noticeId_at_idx" ON "NoticeCall"("noticeId", "at");

-- CreateIndex
CREATE INDEX "NoticeCall_customerId_at_idx" ON "NoticeCall"("customerId", "at");

-- CreateIndex
CREATE INDEX "NoticeCall_callerId_idx" ON "NoticeCall"("callerId");

-- AddForeignKey
ALTER TABLE "NoticeCall" ADD CONSTRAINT "NoticeCall_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeCall" ADD CONSTRAINT "NoticeCall_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeCall" ADD CONSTRAINT "NoticeCall_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
