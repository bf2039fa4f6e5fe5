// What the invitation and password-reset emails say, per locale (the reader's own).
import type { Locale } from '@upgrade-desk/db';

export interface AccountEmailContext {
  name: string;
  /** The one-time link to the portal's set-password page. */
  link: string;
  /** When the link stops working, already formatted in the reader's locale. */
  expires: string;
  /** The company the account belongs to, or the vendor for its staff. */
  organisation: string;
  /** The role's title in the reader's language. */
  role: string;
}

export interface AccountEmailCatalog {
  invite(c: AccountEmailContext): { subject: string; text: string };
  passwordReset(c: AccountEmailContext): { subject: string; text: string };
  roles: Record<string, string>;
  vendor: string;
}

const VI: AccountEmailCatalog = {
  invite: (c) => ({
    subject: 'Lời mời sử dụng Upgrade Desk',
    text: [
      `Xin chào ${c.name},`,
      `Bạn được mời sử dụng Upgrade Desk, cổng thông tin nâng cấp phần mềm ERP, với vai trò ${c.role} của ${c.organisation}.`,
      `Để kích hoạt tài khoản, hãy mở liên kết dưới đây và đặt mật khẩu:\n${c.link}`,
      `Liên kết chỉ dùng được một lần và hết hạn lúc ${c.expires}. Nếu bạn không chờ đợi lời mời này, hãy bỏ qua email.`,
      'Trân trọng,\nUpgrade Desk',
    ].join('\n\n'),
  }),
  passwordReset: (c) => ({
    subject: 'Đặt lại mật khẩu Upgrade Desk',
    text: [
      `Xin chào ${c.name},`,
      `Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Hãy mở liên kết dưới đây để đặt mật khẩu mới:\n${c.link}`,
      `Liên kết chỉ dùng được một lần và hết hạn lúc ${c.expires}. Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu hiện tại vẫn giữ nguyên.`,
      'Trân trọng,\nUpgrade Desk',
    ].join('\n\n'),
  }),
  roles: {
    CUSTOMER_USER: 'người dùng',
    CUSTOMER_ADMIN: 'quản trị viên',
    CUSTOMER_CARE: 'Chăm sóc khách hàng (CSKH)',
    IMPLEMENTATION: 'Triển khai (TK)',
    ENGINEER: 'kỹ sư',
    ADMIN: 'quản trị hệ thống',
  },
  vendor: 'nhà cung cấp',
};

const EN: AccountEmailCatalog = {
  invite: (c) => ({
    subject: 'Your invitation to Upgrade Desk',
    text: [
      `Hello ${c.name},`,
      `You have been invited to Upgrade Desk, the ERP upgrade portal, as ${c.role} of ${c.organisation}.`,
      `To activate your account, open this link and choose a password:\n${c.link}`,
      `The link works once and expires at ${c.expires}. If you were not expecting this invitation, ignore this email.`,
      'Regards,\nUpgrade Desk',
    ].join('\n\n'),
  }),
  passwordReset: (c) => ({
    subject: 'Reset your Upgrade Desk password',
    text: [
      `Hello ${c.name},`,
      `We received a request to reset the password of your account. Open this link to choose a new password:\n${c.link}`,
      `The link works once and expires at ${c.expires}. If you did not ask for this, ignore this email: your password stays as it is.`,
      'Regards,\nUpgrade Desk',
    ].join('\n\n'),
  }),
  roles: {
    CUSTOMER_USER: 'a user',
    CUSTOMER_ADMIN: 'an administrator',
    CUSTOMER_CARE: 'customer care',
    IMPLEMENTATION: 'implementation',
    ENGINEER: 'an engineer',
    ADMIN: 'a system administrator',
  },
  vendor: 'the vendor',
};

export const ACCOUNT_EMAIL_TEXTS: Readonly<Record<Locale, AccountEmailCatalog>> = { VI, EN };
