// The portal's texts: the catalogs (vi.ts, the default and the source of the keys; en.ts) and the
// functions components call. Components never hold user-visible literals.
import { LOCALES, type Locale, type Role } from '../api-types';
import { roleTitle } from '@upgrade-desk/domain/role-titles';
import { en } from './en';
import { vi } from './vi';

export type MessageKey = keyof typeof vi;

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

/** The names of the keys under `prefix` (`'console.plan'` -> `'module' | 'fromVersion' | ...`). */
export type KeyUnder<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Name}`
    ? Name
    : never
  : never;

/** The texts of several keys of one catalog section in `locale`, in their order (e.g. a table's column titles). */
export function texts<Prefix extends string>(
  locale: Locale,
  prefix: Prefix,
  names: readonly KeyUnder<Prefix>[],
): string[] {
  // KeyUnder admits only names that make a key with the prefix, which TypeScript cannot see through.
  return names.map((name) => t(locale, `${prefix}.${name}` as MessageKey));
}

/** A role as people read it; the domain holds the titles, as the API names staff to customers with them. */
export function roleLabel(locale: Locale, role: Role): string {
  return roleTitle(role, locale);
}

/** The languages a customer or a user may be given, named in `locale`, for a drop-down. */
export function localeOptions(locale: Locale): { value: Locale; label: string }[] {
  return LOCALES.map((option) => ({ value: option, label: t(locale, `locale.name.${option}`) }));
}

/** Keys with `.one` and `.other` forms, named without the suffix. */
type PluralBase<K> = K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

const pluralRules = { vi: new Intl.PluralRules('vi'), en: new Intl.PluralRules('en') };

/** The form of `key` for `count` (Vietnamese has one form; English one and other), with `{count}` filled. */
export function plural(locale: Locale, key: PluralKey, count: number, params?: MessageParams): string {
  const rule = pluralRules[locale === 'EN' ? 'en' : 'vi'].select(count) === 'one' ? 'one' : 'other';
  return t(locale, `${key}.${rule}` as MessageKey, { ...params, count });
}

/** The text for a key built from API data (e.g. a module category), or `fallback` when the catalog lacks it. */
export function tOr(locale: Locale, key: string, fallback: string): string {
  return key in vi ? t(locale, key as MessageKey) : fallback;
}
