import { builder } from './builder.ts';

export const USER_ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'NOTICE_PERIOD_TOO_SHORT',
  'WINDOW_INVALID',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'LINK_EXPIRED',
  'LINK_USED',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A broken business rule: returned in the payload's `userErrors`, never thrown. */
export interface UserError {
  code: UserErrorCode;
  message: string;
  field?: string[];
}

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', { values: USER_ERROR_CODES });

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  fields: (t) => ({
    field: t.stringList({ nullable: true, resolve: (e) => e.field ?? null }),
    message: t.exposeString('message'),
    code: t.field({ type: UserErrorCodeEnum, resolve: (e) => e.code }),
  }),
});

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return field ? { code, message, field } : { code, message };
}
