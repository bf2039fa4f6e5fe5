import { describe, expect, it } from 'vitest';
import { requiresLogin } from './login-guard';

describe('requiresLogin', () => {
  it.each(['/login', '/locale', '/_app/immutable/entry/start.js'])('lets %s through', (path) => {
    expect(requiresLogin(path)).toBe(false);
  });

  it.each(['/', '/logout', '/upgrades', '/login/extra', '/loginx', '/unknown'])('guards %s', (path) => {
    expect(requiresLogin(path)).toBe(true);
  });
});
