// What the vendor may record about a customer (and the contact formats it accepts), checked and
// tidied before anything is written. Pure: uniqueness of the code is the caller's to look up.
import type { Locale } from './enums.ts';
import { isValidTimeZone } from './time-zone.ts';

export const CUSTOMER_LIMITS = {
  textMax: 200,
  addressMax: 500,
  emailMax: 320,
} as const;

/** Upper-case letters, digits and dashes, as the vendor writes them ("HANOI-WATER"). */
const CUSTOMER_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;
const PHONE = /^\+?[0-9 ().-]{6,30}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An address mail can be sent to: one @, a dotted domain, no spaces, at most 320 characters. */
export function isEmailAddress(email: string): boolean {
  return email.length <= CUSTOMER_LIMITS.emailMax && EMAIL.test(email);
}

/** A phone number as people write it: digits with an optional +, spaces, dots, dashes, brackets. */
export function isPhoneNumber(phone: string): boolean {
  return PHONE.test(phone);
}

export interface CustomerFields {
  code?: string | null;
  name?: string | null;
  timeZone?: string | null;
  locale?: Locale | null;
  industry?: string | null;
  province?: string | null;
  address?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

/** The fields given, trimmed and normalised (code upper-case, email lower-case). */
export type CheckedCustomerFields = { [K in keyof CustomerFields]?: Exclude<CustomerFields[K], null | undefined> };

export interface CustomerInputProblem {
  code: 'INVALID_INPUT';
  /** The input field at fault, e.g. 'contactPhone'. */
  field: keyof CustomerFields;
  message: string;
}

export type CheckedCustomerInput =
  { ok: true; value: CheckedCustomerFields } | { ok: false; problems: CustomerInputProblem[] };

const TEXT_FIELDS = [
  ['name', CUSTOMER_LIMITS.textMax],
  ['industry', CUSTOMER_LIMITS.textMax],
  ['province', CUSTOMER_LIMITS.textMax],
  ['address', CUSTOMER_LIMITS.addressMax],
] as const;

/**
 * Checks the fields given (absent or null: left as they are); `creating` requires a code and a
 * name. Every problem is reported at once, each with its field. An empty phone or email clears it.
 */
export function checkCustomerFields(input: CustomerFields, creating: boolean): CheckedCustomerInput {
  const problems: CustomerInputProblem[] = [];
  const value: CheckedCustomerFields = {};
  const invalid = (field: keyof CustomerFields, message: string) =>
    problems.push({ code: 'INVALID_INPUT', field, message });

  if (input.code != null) {
    const code = input.code.trim().toUpperCase();
    if (CUSTOMER_CODE.test(code)) value.code = code;
    else invalid('code', 'A customer code is 1 to 40 letters, digits and dashes, e.g. HANOI-WATER.');
  } else if (creating) invalid('code', 'Give the customer a code.');

  for (const [name, max] of TEXT_FIELDS) {
    const given = input[name];
    const required = creating && name === 'name';
    if (given == null) {
      if (required) invalid(name, `Give the customer's ${name}.`);
      continue;
    }
    const trimmed = given.trim();
    if (required && !trimmed) invalid(name, `The customer's ${name} cannot be empty.`);
    else if (trimmed.length > max) invalid(name, `At most ${max} characters.`);
    else value[name] = trimmed;
  }

  if (input.timeZone != null) {
    const zone = input.timeZone.trim();
    if (isValidTimeZone(zone)) value.timeZone = zone;
    else invalid('timeZone', `"${zone.slice(0, 60)}" is not an IANA time zone; use a name such as Asia/Ho_Chi_Minh.`);
  }
  if (input.locale != null) value.locale = input.locale;
  if (input.contactPhone != null) {
    const phone = input.contactPhone.trim();
    if (phone && !isPhoneNumber(phone)) invalid('contactPhone', 'Not a phone number, e.g. +84 24 3825 1234.');
    else value.contactPhone = phone;
  }
  if (input.contactEmail != null) {
    const email = input.contactEmail.trim().toLowerCase();
    if (email && !isEmailAddress(email)) invalid('contactEmail', 'Not an email address.');
    else value.contactEmail = email;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
