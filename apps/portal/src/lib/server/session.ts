// The session cookie. It holds the API's session token, which the portal's server
// sends as `Authorization: Bearer`; HttpOnly so page scripts never see it.
import type { Cookies } from '@sveltejs/kit';
import { baseCookieOptions, type BaseCookieOptions } from './cookie-policy';

export const SESSION_COOKIE = 'ud_session';

export interface SessionCookieOptions extends BaseCookieOptions {
  expires?: Date;
}

/** `expiresAt` is the API's `SessionCreatePayload.expiresAt`; without a usable one the cookie lasts for the browser session. */
export function sessionCookieOptions(url: URL, expiresAt: string | Date | null | undefined): SessionCookieOptions {
  const options: SessionCookieOptions = baseCookieOptions(url);
  const expires = expiresAt == null ? null : new Date(expiresAt);
  if (expires && !Number.isNaN(expires.getTime())) options.expires = expires;
  return options;
}

interface CookieEvent {
  cookies: Cookies;
  url: URL;
}

export function getSessionToken({ cookies }: Pick<CookieEvent, 'cookies'>): string | null {
  return cookies.get(SESSION_COOKIE) || null;
}

export function setSessionCookie(event: CookieEvent, token: string, expiresAt: string | Date | null | undefined): void {
  event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, expiresAt));
}

export function clearSessionCookie(event: CookieEvent): void {
  event.cookies.delete(SESSION_COOKIE, baseCookieOptions(event.url));
}
