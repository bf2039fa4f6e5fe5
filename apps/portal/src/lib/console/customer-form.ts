// The customer form (create and edit in the console): what it holds, read from a submission, and
// the IANA zones offered. Pure, for the browser and the server alike.
import { DEFAULT_TIME_ZONE } from '@upgrade-desk/domain/time-zone';
import { LOCALES, type Locale } from '../api-types';
import { emptyTexts, textValue, textValues } from '../form-data';
import type { FieldLayout } from '../form-fields';
import type { MessageKey } from '../i18n/messages';
import type { FormState } from '../kept-form';
import type { SelectOption } from '../select-options';

export const CUSTOMER_TEXT_FIELDS = [
  'name',
  'code',
  'industry',
  'province',
  'address',
  'contactPhone',
  'contactEmail',
] as const;

export type CustomerValues = Record<(typeof CUSTOMER_TEXT_FIELDS)[number], string> & {
  timeZone: string;
  locale: Locale;
};

export type CustomerField = keyof CustomerValues;

export type CustomerFormState = FormState<CustomerValues>;

export const EMPTY_CUSTOMER: CustomerValues = {
  ...emptyTexts(CUSTOMER_TEXT_FIELDS),
  timeZone: DEFAULT_TIME_ZONE,
  locale: 'VI',
};

/** The beside-the-field message for each field the API may name in a userError. */
export const CUSTOMER_FIELD_MESSAGES: Partial<Record<CustomerField, MessageKey>> = {
  name: 'console.customers.error.name',
  code: 'console.customers.error.code',
  timeZone: 'console.customers.error.timeZone',
  contactEmail: 'console.customers.error.contactEmail',
};

/** The form's fields, offering `timeZones` and the languages in `locales`. */
export function customerFields(
  timeZones: readonly string[],
  locales: readonly SelectOption[],
): FieldLayout<CustomerField> {
  return [
    [
      { id: 'customer-name', name: 'name', label: 'console.customers.name', required: true, maxlength: 200 },
      {
        id: 'customer-code',
        name: 'code',
        label: 'console.customers.code',
        required: true,
        maxlength: 40,
        spellcheck: 'false',
        help: 'console.customers.codeHelp',
      },
    ],
    [
      { id: 'customer-industry', name: 'industry', label: 'console.customers.industry', maxlength: 200 },
      { id: 'customer-province', name: 'province', label: 'console.customers.province', maxlength: 200 },
    ],
    { id: 'customer-address', name: 'address', label: 'console.customers.address', maxlength: 500 },
    [
      {
        id: 'customer-phone',
        name: 'contactPhone',
        label: 'console.customers.contactPhone',
        maxlength: 50,
        autocomplete: 'off',
      },
      {
        id: 'customer-email',
        name: 'contactEmail',
        type: 'email',
        label: 'console.customers.contactEmail',
        maxlength: 200,
        autocomplete: 'off',
      },
    ],
    [
      {
        id: 'customer-zone',
        name: 'timeZone',
        type: 'select',
        label: 'console.customers.timeZone',
        options: timeZones.map((zone) => ({ value: zone, label: zone })),
      },
      { id: 'customer-locale', name: 'locale', type: 'select', label: 'console.customers.locale', options: locales },
    ],
  ];
}

/** A submission's values, trimmed; an unknown locale is VI. Checks what needs no API: name and code present. */
export function readCustomerForm(form: FormData): CustomerFormState {
  const locale = textValue(form, 'locale');
  const values: CustomerValues = {
    ...textValues(form, CUSTOMER_TEXT_FIELDS),
    timeZone: textValue(form, 'timeZone') || DEFAULT_TIME_ZONE,
    locale: (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'VI',
  };
  const errors: CustomerFormState['errors'] = {};
  if (values.name === '') errors.name = 'console.customers.error.name';
  if (values.code === '') errors.code = 'console.customers.error.code';
  return { values, errors };
}

/**
 * The zones a customer may be given: every IANA zone the runtime knows, plus the default and the
 * customer's current one (ICU lists some zones under an older name, e.g. Asia/Saigon).
 */
export function timeZoneChoices(current: string, supported: readonly string[]): string[] {
  return [...new Set([...supported, DEFAULT_TIME_ZONE, current])].sort();
}
