// Hand-written mirrors of the parts of /shared/contract.graphql the portal reads.
// Safe to import from components: types only, no server code.

export const LOCALES = ['VI', 'EN'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = [
  'CUSTOMER_USER',
  'CUSTOMER_ADMIN',
  'CUSTOMER_CARE',
  'IMPLEMENTATION',
  'ENGINEER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export type UserErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'NOTICE_PERIOD_TOO_SHORT'
  | 'WINDOW_INVALID'
  | 'CONFLICT'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED';

export interface UserError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
}

export interface ViewerCustomer {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  locale: Locale;
}

/** The signed-in user, as the session hook loads it on every request. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  /** null for vendor staff */
  customer: ViewerCustomer | null;
}
