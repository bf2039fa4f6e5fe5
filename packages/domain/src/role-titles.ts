// How a role is named to people, in their language: customers see vendor staff as contacts (a
// name and this title), never their login email or the role's code.
import type { Locale } from './enums.ts';
import type { ModuleRequestRole } from './module-request-stages.ts';

export const ROLE_TITLES: Readonly<Record<Locale, Readonly<Record<ModuleRequestRole, string>>>> = {
  VI: {
    CUSTOMER_USER: 'Người dùng của khách hàng',
    CUSTOMER_ADMIN: 'Quản trị viên của khách hàng',
    CUSTOMER_CARE: 'Chăm sóc khách hàng (CSKH)',
    IMPLEMENTATION: 'Triển khai (TK)',
    ENGINEER: 'Kỹ sư',
    ADMIN: 'Quản trị hệ thống',
  },
  EN: {
    CUSTOMER_USER: 'Customer user',
    CUSTOMER_ADMIN: 'Customer administrator',
    CUSTOMER_CARE: 'Customer care',
    IMPLEMENTATION: 'Implementation',
    ENGINEER: 'Engineer',
    ADMIN: 'Administrator',
  },
};

/** The title of `role` in `locale`, e.g. "Triển khai (TK)" for IMPLEMENTATION in Vietnamese. */
export function roleTitle(role: ModuleRequestRole, locale: Locale): string {
  return ROLE_TITLES[locale][role];
}
