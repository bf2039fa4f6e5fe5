import { describe, expect, it } from 'vitest';
import { isApiPath, requiresLogin } from './login-guard';

describe('requiresLogin', () => {
  it.each(['/login', '/locale', '/_app/immutable/entry/start.js', '/password/forgot', '/password/abc123'])(
    'lets %s through',
    (path) => {
      expect(requiresLogin(path)).toBe(false);
    },
  );

  it.each([
    '/',
    '/logout',
    '/upgrades',
    '/api/graphql',
    '/login/extra',
    '/loginx',
    '/unknown',
    '/password',
    '/password/a/b',
  ])('guards %s', (path) => {
    expect(requiresLogin(path)).toBe(true);
  });
});

describe('isApiPath', () => {
  it('tells script endpoints from pages', () => {
    expect(isApiPath('/api/graphql')).toBe(true);
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/apis')).toBe(false);
    expect(isApiPath('/notices')).toBe(false);
  });
});
