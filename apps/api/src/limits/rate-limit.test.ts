// The rate limit's counting rules: fixed windows, decisions, headers, keys and the in-process store.
import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/token.ts';
import {
  createMemoryRateLimitStore,
  decide,
  fixedWindow,
  rateLimitHeaders,
  rateLimitKey,
  type RateLimitRule,
} from './rate-limit.ts';

const RULE: RateLimitRule = { limit: 3, windowMs: 60_000 };
const T0 = Date.UTC(2026, 11, 1, 3, 0, 0); // a whole minute

describe('fixedWindow', () => {
  it('puts instants of the same minute in one window, ending at the next minute', () => {
    expect(fixedWindow(T0, 60_000)).toEqual({ index: T0 / 60_000, endsAt: T0 + 60_000 });
    expect(fixedWindow(T0 + 59_999, 60_000)).toEqual(fixedWindow(T0, 60_000));
    expect(fixedWindow(T0 + 60_000, 60_000).index).toBe(T0 / 60_000 + 1);
  });
});

describe('decide', () => {
  it('allows up to the limit, then refuses; remaining never goes below 0', () => {
    const at = (count: number) => decide(RULE, { count, windowEndsAt: T0 + 60_000 }, T0 + 15_500);
    expect([1, 2, 3, 4, 5].map((n) => [at(n).allowed, at(n).remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(at(1).resetSeconds).toBe(45); // 44.5 s left, rounded up
  });

  it('reports at least one second to reset', () => {
    expect(decide(RULE, { count: 9, windowEndsAt: T0 }, T0).resetSeconds).toBe(1);
  });
});

describe('rateLimitHeaders', () => {
  it('writes the draft-07 RateLimit and RateLimit-Policy fields, and Retry-After on a refusal', () => {
    const allowed = decide(RULE, { count: 1, windowEndsAt: T0 + 60_000 }, T0 + 30_000);
    expect(rateLimitHeaders(RULE, allowed)).toEqual({
      'RateLimit-Policy': '3;w=60',
      RateLimit: 'limit=3, remaining=2, reset=30',
    });
    const refused = decide(RULE, { count: 4, windowEndsAt: T0 + 60_000 }, T0 + 30_000);
    expect(rateLimitHeaders(RULE, refused)).toEqual({
      'RateLimit-Policy': '3;w=60',
      RateLimit: 'limit=3, remaining=0, reset=30',
      'Retry-After': '30',
    });
  });
});

describe('rateLimitKey', () => {
  it('keys a bearer credential by its hash, never the secret itself', () => {
    const key = rateLimitKey('Bearer udt_secretsecret', '10.0.0.1');
    expect(key).toBe(`token:${hashToken('udt_secretsecret')}`);
    expect(key).not.toContain('secret');
  });

  it('keys everything else by the client address', () => {
    expect(rateLimitKey(null, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(rateLimitKey('Basic dXNlcjpwYXNz', '10.0.0.2')).toBe('ip:10.0.0.2');
  });

  it('keys an IPv6 client by its /64, which it can rotate within', () => {
    expect(rateLimitKey(null, '2001:db8:1:2::7')).toBe('ip:2001:db8:1:2::/64');
    expect(rateLimitKey(null, '2001:db8:1:2:ffff::9')).toBe(rateLimitKey(null, '2001:db8:1:2::7'));
  });
});

describe('createMemoryRateLimitStore', () => {
  it('counts per key within a window and starts again in the next', async () => {
    const store = createMemoryRateLimitStore();
    const counts: number[] = [];
    for (const [key, at] of [
      ['a', T0],
      ['a', T0 + 1_000],
      ['b', T0 + 2_000],
      ['a', T0 + 59_999],
      ['a', T0 + 60_000],
      ['b', T0 + 61_000],
    ] as const) {
      counts.push((await store.hit(key, at, 60_000)).count);
    }
    expect(counts).toEqual([1, 2, 1, 3, 1, 1]);
    expect((await store.hit('a', T0 + 61_000, 60_000)).windowEndsAt).toBe(T0 + 120_000);
  });
});
