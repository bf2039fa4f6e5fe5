import { describe, expect, it } from 'vitest';
import { afterLoginTarget, loginUrl, safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
  it.each([
    ['/', '/'],
    ['/upgrades', '/upgrades'],
    ['/upgrades?status=SCHEDULED#next', '/upgrades?status=SCHEDULED#next'],
    ['/notices/abc%2Fdef', '/notices/abc%2Fdef'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %s', (raw, expected) => {
    expect(safeRedirectTarget(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    '  /padded',
  ])('refuses %j', (raw) => {
    expect(safeRedirectTarget(raw)).toBe('/');
  });

  it('refuses non-strings and uses the given fallback', () => {
    expect(safeRedirectTarget(null)).toBe('/');
    expect(safeRedirectTarget(undefined, '/login')).toBe('/login');
    expect(safeRedirectTarget(['/x'])).toBe('/');
  });

  it('never returns something a browser reads as another host', () => {
    const tricky = ['/.//x', '/./\\/x', '/%2F/x', '/%5C/x', '/./%2F%2Fx'];
    for (const raw of tricky) {
      const target = safeRedirectTarget(raw);
      expect(new URL(target, 'https://portal.example').host).toBe('portal.example');
    }
  });
});

describe('afterLoginTarget', () => {
  it('does not send a freshly logged-in user back to /login or /logout', () => {
    expect(afterLoginTarget('/login')).toBe('/');
    expect(afterLoginTarget('/login?redirectTo=/x')).toBe('/');
    expect(afterLoginTarget('/logout')).toBe('/');
    expect(afterLoginTarget('/upgrades')).toBe('/upgrades');
    expect(afterLoginTarget('https://evil.example')).toBe('/');
  });

  it('sends a user without a target to their home (staff: the console), never elsewhere', () => {
    expect(afterLoginTarget(null, '/console')).toBe('/console');
    expect(afterLoginTarget('/login', '/console')).toBe('/console');
    expect(afterLoginTarget('https://evil.example', '/console')).toBe('/console');
    expect(afterLoginTarget('/console/modules', '/console')).toBe('/console/modules');
    expect(afterLoginTarget('/notices', '/console')).toBe('/notices');
  });
});

describe('loginUrl', () => {
  it('carries the requested path and query', () => {
    expect(loginUrl(new URL('https://portal.example/'))).toBe('/login');
    expect(loginUrl(new URL('https://portal.example/upgrades?kind=FIX'))).toBe(
      '/login?redirectTo=%2Fupgrades%3Fkind%3DFIX',
    );
  });

  it('round-trips through the guard', () => {
    const login = new URL(loginUrl(new URL('https://portal.example/notices?x=1&y=2')), 'https://portal.example');
    expect(afterLoginTarget(login.searchParams.get('redirectTo'))).toBe('/notices?x=1&y=2');
  });
});
