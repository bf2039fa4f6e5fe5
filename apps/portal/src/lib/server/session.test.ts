import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, sessionCookieOptions } from './session';

describe('session cookie', () => {
  it('is named ud_session', () => {
    expect(SESSION_COOKIE).toBe('ud_session');
  });

  it('is HttpOnly, SameSite=Lax, Path=/, Secure, and expires with the API session', () => {
    const options = sessionCookieOptions(new URL('https://portal.example/login'), '2026-12-20T19:00:00+07:00');
    expect(options).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      expires: new Date('2026-12-20T12:00:00Z'),
    });
  });

  it.each(['http://localhost:5173/login', 'http://127.0.0.1:3000/login', 'http://[::1]:3000/login'])(
    'drops Secure only on the loopback (%s)',
    (url) => {
      expect(sessionCookieOptions(new URL(url), null).secure).toBe(false);
    },
  );

  it.each(['http://portal.example/', 'http://127.0.0.2/', 'http://localhost.evil.example/', 'http://192.168.1.10/'])(
    'keeps Secure elsewhere, even over http (%s)',
    (url) => {
      expect(sessionCookieOptions(new URL(url), null).secure).toBe(true);
    },
  );

  it('falls back to a browser-session cookie when expiresAt is missing or unreadable', () => {
    const url = new URL('https://portal.example/');
    expect(sessionCookieOptions(url, null)).not.toHaveProperty('expires');
    expect(sessionCookieOptions(url, undefined)).not.toHaveProperty('expires');
    expect(sessionCookieOptions(url, 'not a date')).not.toHaveProperty('expires');
  });
});
