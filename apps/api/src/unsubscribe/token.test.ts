import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, UNSUBSCRIBE_PATH_PREFIX, unsubscribeUserFromPath } from './token.ts';

const KEY = 'k'.repeat(43);
const USER = '0190a1b2-0000-7000-8000-000000000001';
const OTHER = '0190a1b2-0000-7000-8000-000000000002';
const pathOf = (token: string) => `${UNSUBSCRIBE_PATH_PREFIX}${token}`;

describe('unsubscribe tokens', () => {
  it('name their user, and only under the key that signed them', () => {
    const token = signUnsubscribeToken(KEY, USER);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(unsubscribeUserFromPath(KEY, pathOf(token))).toBe(USER);
    expect(unsubscribeUserFromPath('x'.repeat(43), pathOf(token))).toBeNull();
  });

  it('refuse a signature moved to another user, or altered, or anything not shaped like a token', () => {
    const [, signature] = signUnsubscribeToken(KEY, USER).split('.') as [string, string];
    expect(unsubscribeUserFromPath(KEY, pathOf(`${OTHER}.${signature}`))).toBeNull();
    const altered = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(unsubscribeUserFromPath(KEY, pathOf(`${USER}.${altered}`))).toBeNull();
    for (const bad of [USER, `${USER}.`, `${USER}.${signature}x`, `${USER.toUpperCase()}.${signature}`])
      expect(unsubscribeUserFromPath(KEY, pathOf(bad)), bad).toBeNull();
  });
});
