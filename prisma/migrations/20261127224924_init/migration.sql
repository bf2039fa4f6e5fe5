-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('VI', 'EN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER_USER', 'CUSTOMER_ADMIN', 'CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN');

-- CreateEnum
CREATE TYPE "UpgradeKind" AS ENUM ('FEATURE', 'FIX', 'SERVER');

-- CreateEnum
CREATE TYPE "UpgradeStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NoticeStage" AS ENUM ('ANNOUNCEMENT', 'REMINDER', 'FINAL_REMINDER', 'IMMINENT', 'ADVISORY', 'RESCHEDULED', 'CANCELLED', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "NoticeChannel" AS ENUM ('IN_APP', 'EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "ModuleRequestKind" AS ENUM ('NEW_MODULE', 'EXTENSION');

-- CreateEnum
CREATE TYPE "ModuleRequestStage" AS ENUM ('SUBMITTED', 'CONSULTATION', 'ANALYSIS', 'CONTRACT', 'DEVELOPMENT', 'SANDBOX_TESTING', 'VERIFICATION', 'INSTALLATION', 'TRAINING', 'WARRANTY', 'CLOSED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ModuleRequestEventKind" AS ENUM ('STAGE', 'COMMENT', 'ASSIGNMENT');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT NOT NULL DEFAULT '',
    "province" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "locale" "Locale" NOT NULL DEFAULT 'VI',
    "calendarToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerStaff" (
    "customerId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CustomerStaff_pkey" PRIMARY KEY ("customerId","userId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'VI',
    "customerId" UUID,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" "ApiTokenScope"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Module" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionVi" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "latestVersion" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Module_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleDependency" (
    "moduleId" UUID NOT NULL,
    "requiresId" UUID NOT NULL,

    CONSTRAINT "ModuleDependency_pkey" PRIMARY KEY ("moduleId","requiresId")
);

-- CreateTable
CREATE TABLE "InstalledModule" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "moduleId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "warrantyEndsAt" TIMESTAMP(3),

    CONSTRAINT "InstalledModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlackoutWindow" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "BlackoutWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upgrade" (
    "id" UUID NOT NULL,
    "kind" "UpgradeKind" NOT NULL,
    "status" "UpgradeStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "targetVersion" TEXT,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "expectedDowntimeMinutes" INTEGER NOT NULL,
    "requiresRelogin" BOOLEAN NOT NULL DEFAULT false,
    "sandboxStart" TIMESTAMP(3),
    "sandboxVerifiedAt" TIMESTAMP(3),
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "emergencyReason" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Upgrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpgradeModule" (
    "upgradeId" UUID NOT NULL,
    "moduleId" UUID NOT NULL,

    CONSTRAINT "UpgradeModule_pkey" PRIMARY KEY ("upgradeId","moduleId")
);

-- CreateTable
CREATE TABLE "UpgradeTarget" (
    "upgradeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,

    CONSTRAINT "UpgradeTarget_pkey" PRIMARY KEY ("upgradeId","customerId")
);

-- CreateTable
CREATE TABLE "NoticePolicy" (
    "kind" "UpgradeKind" NOT NULL,
    "announcementLeadDays" INTEGER,
    "announcementMinLeadDays" INTEGER,
    "announcementMaxLeadDays" INTEGER,
    "reminderLeadHours" INTEGER,
    "finalReminderLeadHours" INTEGER,
    "imminentLeadMinutes" INTEGER,
    "minimumNoticeHours" INTEGER NOT NULL DEFAULT 0,
    "advisoryOnSchedule" BOOLEAN NOT NULL DEFAULT false,
    "sandboxRequired" BOOLEAN NOT NULL DEFAULT false,
    "typicalDowntimeMinutes" INTEGER,
    "quietHoursStart" INTEGER NOT NULL DEFAULT 18,
    "quietHoursEnd" INTEGER NOT NULL DEFAULT 6,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "NoticePolicy_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "upgradeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "stage" "NoticeStage" NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "channels" "NoticeChannel"[],
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "requiresAcknowledgement" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgeBy" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "userId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "channel" "NoticeChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "webhookEndpointId" UUID,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleRequest" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "ModuleRequestKind" NOT NULL,
    "moduleId" UUID,
    "installedModuleId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "stage" "ModuleRequestStage" NOT NULL DEFAULT 'SUBMITTED',
    "stageEnteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "missingPrerequisites" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "assigneeId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleRequestEvent" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" "ModuleRequestEventKind" NOT NULL DEFAULT 'STAGE',
    "stage" "ModuleRequestStage" NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" UUID,

    CONSTRAINT "ModuleRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_code_key" ON "Customer"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_calendarToken_key" ON "Customer"("calendarToken");

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer"("name");

-- CreateIndex
CREATE INDEX "CustomerStaff_userId_idx" ON "CustomerStaff"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_customerId_role_idx" ON "User"("customerId", "role");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_createdAt_idx" ON "ApiToken"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Module_key_key" ON "Module"("key");

-- CreateIndex
CREATE INDEX "Module_category_sortOrder_idx" ON "Module"("category", "sortOrder");

-- CreateIndex
CREATE INDEX "ModuleDependency_requiresId_idx" ON "ModuleDependency"("requiresId");

-- CreateIndex
CREATE INDEX "InstalledModule_moduleId_idx" ON "InstalledModule"("moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "InstalledModule_customerId_moduleId_key" ON "InstalledModule"("customerId", "moduleId");

-- CreateIndex
CREATE INDEX "BlackoutWindow_customerId_startsAt_idx" ON "BlackoutWindow"("customerId", "startsAt");

-- CreateIndex
CREATE INDEX "Upgrade_status_windowStart_idx" ON "Upgrade"("status", "windowStart");

-- CreateIndex
CREATE INDEX "Upgrade_windowStart_idx" ON "Upgrade"("windowStart");

-- CreateIndex
CREATE INDEX "Upgrade_windowEnd_idx" ON "Upgrade"("windowEnd");

-- CreateIndex
CREATE INDEX "UpgradeModule_moduleId_idx" ON "UpgradeModule"("moduleId");

-- CreateIndex
CREATE INDEX "UpgradeTarget_customerId_idx" ON "UpgradeTarget"("customerId");

-- CreateIndex
CREATE INDEX "Notice_publishedAt_scheduledFor_idx" ON "Notice"("publishedAt", "scheduledFor");

-- CreateIndex
CREATE INDEX "Notice_customerId_publishedAt_idx" ON "Notice"("customerId", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_upgradeId_customerId_idx" ON "Notice"("upgradeId", "customerId");

-- CreateIndex
CREATE INDEX "Notice_requiresAcknowledgement_acknowledgeBy_idx" ON "Notice"("requiresAcknowledgement", "acknowledgeBy");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_upgradeId_customerId_stage_sequence_key" ON "Notice"("upgradeId", "customerId", "stage", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_noticeId_key" ON "Acknowledgement"("noticeId");

-- CreateIndex
CREATE INDEX "Acknowledgement_userId_idx" ON "Acknowledgement"("userId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_customerId_idx" ON "WebhookEndpoint"("customerId");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_webhookEndpointId_createdAt_idx" ON "Delivery"("webhookEndpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_noticeId_channel_recipient_key" ON "Delivery"("noticeId", "channel", "recipient");

-- CreateIndex
CREATE INDEX "ModuleRequest_customerId_createdAt_idx" ON "ModuleRequest"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "ModuleRequest_stage_assigneeId_idx" ON "ModuleRequest"("stage", "assigneeId");

-- CreateIndex
CREATE INDEX "ModuleRequestEvent_requestId_at_idx" ON "ModuleRequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "CustomerStaff" ADD CONSTRAINT "CustomerStaff_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerStaff" ADD CONSTRAINT "CustomerStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleDependency" ADD CONSTRAINT "ModuleDependency_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleDependency" ADD CONSTRAINT "ModuleDependency_requiresId_fkey" FOREIGN KEY ("requiresId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstalledModule" ADD CONSTRAINT "InstalledModule_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstalledModule" ADD CONSTRAINT "InstalledModule_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlackoutWindow" ADD CONSTRAINT "BlackoutWindow_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlackoutWindow" ADD CONSTRAINT "BlackoutWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upgrade" ADD CONSTRAINT "Upgrade_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpgradeModule" ADD CONSTRAINT "UpgradeModule_upgradeId_fkey" FOREIGN KEY ("upgradeId") REFERENCES "Upgrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpgradeModule" ADD CONSTRAINT "UpgradeModule_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpgradeTarget" ADD CONSTRAINT "UpgradeTarget_upgradeId_fkey" FOREIGN KEY ("upgradeId") REFERENCES "Upgrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpgradeTarget" ADD CONSTRAINT "UpgradeTarget_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_upgradeId_fkey" FOREIGN KEY ("upgradeId") REFERENCES "Upgrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequest" ADD CONSTRAINT "ModuleRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequest" ADD CONSTRAINT "ModuleRequest_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequest" ADD CONSTRAINT "ModuleRequest_installedModuleId_fkey" FOREIGN KEY ("installedModuleId") REFERENCES "InstalledModule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequest" ADD CONSTRAINT "ModuleRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequest" ADD CONSTRAINT "ModuleRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequestEvent" ADD CONSTRAINT "ModuleRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ModuleRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRequestEvent" ADD CONSTRAINT "ModuleRequestEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
