import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../api-types';
import { LOCALE_COOKIE } from '../i18n/locale';
import { baseCookieOptions } from './cookie-policy';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function setLocaleCookie(event: { cookies: Cookies; url: URL }, locale: Locale): void {
  event.cookies.set(LOCALE_COOKIE, locale, { ...baseCookieOptions(event.url), maxAge: ONE_YEAR_SECONDS });
}
