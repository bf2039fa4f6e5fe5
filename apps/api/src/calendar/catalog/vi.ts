import { NOTICE_STAGE_NAMES } from '@upgrade-desk/domain';
import { lines, paragraphs, type CalendarCatalog } from './catalog.ts';

// Vietnamese calendar texts; wording matches the notice templates in packages/domain.

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
}

/** The stage name from the one catalog the portal and the notices share, set in capitals as a marker. */
const CANCELLED = NOTICE_STAGE_NAMES.VI.CANCELLED.toLocaleUpperCase('vi');

export const vi: CalendarCatalog = {
  calendarName: (customerName) => `Lịch nâng cấp và bảo trì – ${customerName}`,
  calendarDescription: (customerName) => `Các đợt nâng cấp và bảo trì phần mềm đã được thông báo cho ${customerName}.`,
  eventDescription: (c) =>
    paragraphs(
      lines(c.cancelled && `${CANCELLED}: đợt nâng cấp này sẽ không diễn ra.`, c.summary),
      lines(
        `Thời gian thực hiện: ${c.window}`,
        c.modules.length > 0 && `Phân hệ liên quan: ${c.modules.join(', ')}.`,
        c.expectedDowntimeMinutes > 0
          ? `Thời gian dự kiến gián đoạn: khoảng ${duration(c.expectedDowntimeMinutes)}.`
          : 'Thời gian dự kiến gián đoạn: không đáng kể.',
        c.requiresRelogin
          ? 'Sau khi nâng cấp, người dùng cần đăng nhập lại vào phần mềm.'
          : 'Không cần đăng nhập lại sau khi nâng cấp.',
      ),
    ),
};
