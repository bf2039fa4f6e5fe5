import type { Locale } from '@upgrade-desk/db';

// What a notice email says around the notice itself, per locale. The notice's title and body are
// rendered by the domain's notice templates; these are only the email's own words.

export interface EmailTexts {
  /** Why the reader got this email and where to act on it; shown under the notice, after a separator. */
  footer: readonly string[];
  /** Put before the reader's own unsubscribe link, the footer's last line. */
  unsubscribe: string;
  /** The footer of emails that are not notices (escalations, module-request news). */
  messageFooter: readonly string[];
}

export const EMAIL_TEXTS: Readonly<Record<Locale, EmailTexts>> = {
  VI: {
    footer: [
      'Đây là thông báo tự động từ Upgrade Desk, hệ thống quản lý nâng cấp phần mềm ERP. Vui lòng không trả lời email này.',
      'Bạn có thể xem lại và xác nhận thông báo này trên cổng thông tin khách hàng.',
    ],
    unsubscribe: 'Để ngừng nhận thông báo qua email:',
    messageFooter: [
      'Đây là email tự động từ Upgrade Desk, hệ thống quản lý nâng cấp phần mềm ERP. Vui lòng không trả lời email này.',
    ],
  },
  EN: {
    footer: [
      'This is an automatic notice from Upgrade Desk, the ERP upgrade management system. Please do not reply to this email.',
      'You can review and acknowledge this notice in the customer portal.',
    ],
    unsubscribe: 'To stop receiving notices by email:',
    messageFooter: [
      'This is an automatic email from Upgrade Desk, the ERP upgrade management system. Please do not reply to this email.',
    ],
  },
};
