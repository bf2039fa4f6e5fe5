// The portal's texts. Vietnamese is the default; English must have every key
// (the compiler checks it through `Record<MessageKey, string>`, a test checks the
// placeholders). A later issue may move these to Paraglide.
import type { Locale, Role } from '../api-types';

const vi = {
  'app.name': 'Upgrade Desk',
  'app.pageTitle': '{page} · Upgrade Desk',
  'app.tagline': 'Cổng thông tin nâng cấp và bảo trì phần mềm ERP',
  'nav.skipToContent': 'Chuyển đến nội dung chính',
  'nav.home': 'Trang tổng quan',

  'header.signedInAs': 'Đang đăng nhập: {name}',
  'header.logout': 'Đăng xuất',

  'locale.switchLabel': 'Ngôn ngữ',
  'locale.name.VI': 'Tiếng Việt',
  'locale.name.EN': 'English',

  'login.title': 'Đăng nhập',
  'login.intro': 'Dùng tài khoản mà nhà cung cấp đã cấp cho công ty bạn.',
  'login.email': 'Email',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.error.invalidCredentials': 'Email hoặc mật khẩu không đúng.',
  'login.error.rateLimited': 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng chờ vài phút rồi thử lại.',
  'login.error.missingFields': 'Vui lòng nhập email và mật khẩu.',
  'login.error.unavailable': 'Hiện không kết nối được hệ thống. Vui lòng thử lại sau.',

  'dashboard.title': 'Tổng quan',
  'dashboard.greeting': 'Xin chào, {name}',
  'dashboard.account': 'Tài khoản của bạn',
  'dashboard.name': 'Họ tên',
  'dashboard.email': 'Email',
  'dashboard.role': 'Vai trò',
  'dashboard.customer': 'Khách hàng',
  'dashboard.customerName': 'Tên công ty',
  'dashboard.customerCode': 'Mã khách hàng',
  'dashboard.timeZone': 'Múi giờ',
  'dashboard.timeZoneWithOffset': '{zone} ({offset})',
  'dashboard.staffNote':
    'Bạn là nhân viên của nhà cung cấp nên tài khoản không gắn với khách hàng nào: bạn làm việc với dữ liệu của mọi khách hàng.',

  'role.CUSTOMER_USER': 'Người dùng của khách hàng',
  'role.CUSTOMER_ADMIN': 'Quản trị viên của khách hàng',
  'role.CUSTOMER_CARE': 'Chăm sóc khách hàng (CSKH)',
  'role.IMPLEMENTATION': 'Triển khai (TK)',
  'role.ENGINEER': 'Kỹ sư',
  'role.ADMIN': 'Quản trị hệ thống',

  'error.title': 'Đã xảy ra lỗi',
  'error.status': 'Mã lỗi {status}',
  'error.notFound': 'Không tìm thấy trang bạn yêu cầu.',
  'error.forbidden': 'Bạn không có quyền xem trang này.',
  'error.unavailable': 'Hệ thống tạm thời không phản hồi. Vui lòng thử lại sau ít phút.',
  'error.generic': 'Không thể hiển thị trang này. Vui lòng thử lại sau.',
  'error.reference': 'Mã tham chiếu khi liên hệ hỗ trợ: {id}',
  'error.home': 'Về trang tổng quan',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'Upgrade Desk',
  'app.pageTitle': '{page} · Upgrade Desk',
  'app.tagline': 'ERP upgrade and maintenance portal',
  'nav.skipToContent': 'Skip to main content',
  'nav.home': 'Overview',

  'header.signedInAs': 'Signed in as {name}',
  'header.logout': 'Log out',

  'locale.switchLabel': 'Language',
  'locale.name.VI': 'Tiếng Việt',
  'locale.name.EN': 'English',

  'login.title': 'Log in',
  'login.intro': 'Use the account your vendor gave your company.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.error.invalidCredentials': 'The email or password is incorrect.',
  'login.error.rateLimited': 'Too many failed attempts. Please wait a few minutes and try again.',
  'login.error.missingFields': 'Enter your email and your password.',
  'login.error.unavailable': 'The service cannot be reached right now. Please try again later.',

  'dashboard.title': 'Overview',
  'dashboard.greeting': 'Hello, {name}',
  'dashboard.account': 'Your account',
  'dashboard.name': 'Name',
  'dashboard.email': 'Email',
  'dashboard.role': 'Role',
  'dashboard.customer': 'Customer',
  'dashboard.customerName': 'Company name',
  'dashboard.customerCode': 'Customer code',
  'dashboard.timeZone': 'Time zone',
  'dashboard.timeZoneWithOffset': '{zone} ({offset})',
  'dashboard.staffNote':
    "As vendor staff, your account is not tied to one customer: you work with every customer's data.",

  'role.CUSTOMER_USER': 'Customer user',
  'role.CUSTOMER_ADMIN': 'Customer administrator',
  'role.CUSTOMER_CARE': 'Customer care',
  'role.IMPLEMENTATION': 'Implementation',
  'role.ENGINEER': 'Engineer',
  'role.ADMIN': 'Administrator',

  'error.title': 'Something went wrong',
  'error.status': 'Error {status}',
  'error.notFound': 'The page you asked for does not exist.',
  'error.forbidden': 'You are not allowed to see this page.',
  'error.unavailable': 'The service is not responding. Please try again in a few minutes.',
  'error.generic': 'This page could not be shown. Please try again later.',
  'error.reference': 'Reference for support: {id}',
  'error.home': 'Back to the overview',
};

export const messages: { vi: Record<MessageKey, string>; en: Record<MessageKey, string> } = {
  vi,
  en,
};

export type MessageParams = Record<string, string | number>;

/** The text for `key` in `locale`, with `{placeholder}`s filled from `params`. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = messages[locale === 'EN' ? 'en' : 'vi'][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function roleLabel(locale: Locale, role: Role): string {
  return t(locale, `role.${role}`);
}
