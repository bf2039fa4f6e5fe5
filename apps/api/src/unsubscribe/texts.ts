import type { Locale } from '@upgrade-desk/db';

// The unsubscribe page's words, in the reader's language (the user's own locale).

export interface UnsubscribeTexts {
  /** The page's title in the browser tab. */
  title: string;
  /** Shown while the user still gets notices by email. */
  on: { heading: string; body(email: string): string; button: string };
  /** Shown once they are off: what still reaches the customer, and the way back. */
  off: { heading: string; body(email: string): string; button: string };
  /** Why notices that need an answer still reach the customer. */
  stillReached: string;
}

export const UNSUBSCRIBE_TEXTS: Readonly<Record<Locale, UnsubscribeTexts>> = {
  VI: {
    title: 'Thông báo qua email – Upgrade Desk',
    on: {
      heading: 'Ngừng nhận thông báo qua email?',
      body: (email) =>
        `Các thông báo về nâng cấp và lịch bảo trì phần mềm đang được gửi tới ${email}. Bạn có thể ngừng nhận chúng qua email.`,
      button: 'Ngừng nhận thông báo qua email',
    },
    off: {
      heading: 'Bạn đã ngừng nhận thông báo qua email',
      body: (email) => `Từ nay Upgrade Desk sẽ không gửi thông báo tới ${email} nữa.`,
      button: 'Nhận lại thông báo qua email',
    },
    stillReached:
      'Các thông báo cần xác nhận vẫn đến được công ty bạn: đồng nghiệp của bạn vẫn nhận chúng qua email, và mọi thông báo luôn có trên cổng thông tin khách hàng.',
  },
  EN: {
    title: 'Notice emails – Upgrade Desk',
    on: {
      heading: 'Stop notice emails?',
      body: (email) =>
        `Notices about upgrades and maintenance windows are sent to ${email}. You can stop receiving them by email.`,
      button: 'Stop notice emails',
    },
    off: {
      heading: 'You no longer receive notice emails',
      body: (email) => `Upgrade Desk will not email notices to ${email} any more.`,
      button: 'Email me notices again',
    },
    stillReached:
      'Notices that need an acknowledgement still reach your company: your colleagues still receive them by email, and every notice stays in the customer portal.',
  },
};
