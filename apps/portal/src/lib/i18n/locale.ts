import { LOCALES, type Locale } from '../api-types';

export const DEFAULT_LOCALE: Locale = 'VI';
export const LOCALE_COOKIE = 'ud_locale';

export function parseLocale(value: unknown): Locale | null {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

/**
 * The portal's language: an explicit choice (the `ud_locale` cookie set by the
 * language switch) wins, then the signed-in user's own locale, then Vietnamese.
 * The cookie wins because the API has no mutation to change a user's locale yet,
 * so the switch would otherwise do nothing for a signed-in user.
 */
export function pickLocale(cookieValue: string | undefined, viewerLocale: Locale | undefined): Locale {
  return parseLocale(cookieValue) ?? viewerLocale ?? DEFAULT_LOCALE;
}

/** BCP 47 tag for `<html lang>` and Intl. */
export function htmlLang(locale: Locale): 'vi' | 'en' {
  return locale === 'EN' ? 'en' : 'vi';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'EN' ? 'VI' : 'EN';
}
