import { describe, expect, it } from 'vitest';
import { newPasswordProblem, oneTimeLinkExpiresAt, oneTimeLinkState } from './one-time-link.ts';

const issued = new Date('2026-12-01T00:00:00Z');
const expiresAt = oneTimeLinkExpiresAt(issued);
const at = (hours: number) => new Date(issued.getTime() + hours * 3_600_000);

describe('oneTimeLinkExpiresAt', () => {
  it('is 72 hours after issue', () => {
    expect(expiresAt.toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });
});

describe('oneTimeLinkState', () => {
  it.each([
    ['fresh', { expiresAt, usedAt: null }, at(1), 'VALID'],
    ['just before expiry', { expiresAt, usedAt: null }, at(71.99), 'VALID'],
    ['at expiry', { expiresAt, usedAt: null }, at(72), 'EXPIRED'],
    ['after expiry', { expiresAt, usedAt: null }, at(100), 'EXPIRED'],
    ['used', { expiresAt, usedAt: at(1) }, at(2), 'USED'],
    ['used and expired', { expiresAt, usedAt: at(1) }, at(100), 'USED'],
  ] as const)('%s', (_name, link, now, state) => {
    expect(oneTimeLinkState(link, now)).toBe(state);
  });
});

describe('newPasswordProblem', () => {
  it.each([
    ['', 'TOO_SHORT'],
    ['elevenchars', 'TOO_SHORT'],
    ['twelve chars', null],
    ['mật khẩu mới dài', null],
    ['x'.repeat(256), null],
    ['x'.repeat(257), 'TOO_LONG'],
  ] as const)('%j', (password, problem) => {
    expect(newPasswordProblem(password)).toBe(problem);
  });
});
