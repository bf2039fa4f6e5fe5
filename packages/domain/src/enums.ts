// The domain's vocabulary as plain string unions. They mirror the Prisma enums of the same
// names exactly, so values read from the database can be passed in without mapping, while
// this package stays free of any database dependency.

export const LOCALES = ['VI', 'EN'] as const;
export type Locale = (typeof LOCALES)[number];

export const UPGRADE_KINDS = ['FEATURE', 'FIX', 'SERVER'] as const;
export type UpgradeKind = (typeof UPGRADE_KINDS)[number];

export const NOTICE_STAGES = [
  'ANNOUNCEMENT',
  'REMINDER',
  'FINAL_REMINDER',
  'IMMINENT',
  'OVERRUN',
  'ADVISORY',
  'RESCHEDULED',
  'CANCELLED',
  'COMPLETED',
  'FAILED',
] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

export const NOTICE_CHANNELS = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
