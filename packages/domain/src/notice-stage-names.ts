// The one catalog of notice stage names. The portal's labels, the notices' titles (and so the email
// subjects) and the calendar feed all read them from here, so a stage reads the same everywhere.
import type { Locale, NoticeStage, UpgradeKind } from './enums.ts';

export const NOTICE_STAGE_NAMES: Readonly<Record<Locale, Readonly<Record<NoticeStage, string>>>> = {
  VI: {
    ANNOUNCEMENT: 'Thông báo kế hoạch nâng cấp',
    REMINDER: 'Nhắc lịch nâng cấp',
    FINAL_REMINDER: 'Nhắc lần cuối trước khi nâng cấp',
    IMMINENT: 'Sắp bắt đầu nâng cấp',
    OVERRUN: 'Kéo dài thời gian nâng cấp',
    ADVISORY: 'Thông báo cập nhật sửa lỗi',
    RESCHEDULED: 'Thay đổi lịch nâng cấp',
    CANCELLED: 'Đã hủy lịch nâng cấp',
    COMPLETED: 'Nâng cấp thành công',
    FAILED: 'Nâng cấp chưa thành công',
  },
  EN: {
    ANNOUNCEMENT: 'Upgrade planned',
    REMINDER: 'Upgrade reminder',
    FINAL_REMINDER: 'Final reminder before the upgrade',
    IMMINENT: 'Upgrade starting soon',
    OVERRUN: 'Upgrade running late',
    ADVISORY: 'Fix update',
    RESCHEDULED: 'Upgrade rescheduled',
    CANCELLED: 'Upgrade cancelled',
    COMPLETED: 'Upgrade completed',
    FAILED: 'Upgrade not completed',
  },
};

/**
 * A server maintenance stops the customer's system, so a few stages are named for what the customer
 * lives through (a service interruption) rather than as an upgrade.
 */
const SERVER_STAGE_NAMES: Readonly<Record<Locale, Readonly<Partial<Record<NoticeStage, string>>>>> = {
  VI: {
    ANNOUNCEMENT: 'Thông báo kế hoạch bảo trì máy chủ',
    FINAL_REMINDER: 'Thông báo tạm dừng hệ thống để bảo trì',
    IMMINENT: 'Sắp bắt đầu bảo trì',
    OVERRUN: 'Kéo dài thời gian bảo trì',
  },
  EN: {
    ANNOUNCEMENT: 'Server maintenance planned',
    FINAL_REMINDER: 'Service interruption for maintenance',
    IMMINENT: 'Maintenance starting soon',
    OVERRUN: 'Maintenance running late',
  },
};

/** The name of a stage in a locale, as the notice's title starts; `kind` picks the server wording. */
export function noticeStageName(locale: Locale, stage: NoticeStage, kind?: UpgradeKind): string {
  return (kind === 'SERVER' ? SERVER_STAGE_NAMES[locale][stage] : undefined) ?? NOTICE_STAGE_NAMES[locale][stage];
}
