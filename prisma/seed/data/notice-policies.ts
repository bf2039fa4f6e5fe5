// The vendor's default notice policy (DESIGN.md §2), one row per upgrade kind.

export const NOTICE_POLICIES = [
  {
    kind: 'FEATURE',
    announcementLeadDays: 14,
    announcementMinLeadDays: 10,
    announcementMaxLeadDays: 20,
    reminderLeadHours: 48,
    finalReminderLeadHours: 24,
    imminentLeadMinutes: null,
    minimumNoticeHours: 240,
    advisoryOnSchedule: false,
    sandboxRequired: true,
    typicalDowntimeMinutes: null,
  },
  {
    kind: 'FIX',
    announcementLeadDays: null,
    announcementMinLeadDays: null,
    announcementMaxLeadDays: null,
    reminderLeadHours: null,
    finalReminderLeadHours: null,
    imminentLeadMinutes: null,
    minimumNoticeHours: 0,
    advisoryOnSchedule: true,
    sandboxRequired: false,
    typicalDowntimeMinutes: null,
  },
  {
    kind: 'SERVER',
    announcementLeadDays: null,
    announcementMinLeadDays: null,
    announcementMaxLeadDays: null,
    reminderLeadHours: null,
    finalReminderLeadHours: 24,
    imminentLeadMinutes: 30,
    minimumNoticeHours: 24,
    advisoryOnSchedule: false,
    sandboxRequired: false,
    typicalDowntimeMinutes: 60,
  },
] as const;

export type NoticePolicySeed = (typeof NOTICE_POLICIES)[number];
