// The back-off rules as a table, and the counting against a real database (PGlite, or PostgreSQL
// with TEST_DATABASE_URL) with a clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import {
  countLoginAttempt,
  lockDurationMs,
  releaseLoginAttempt,
  throttleKeys,
  type BackoffRule,
} from './login-throttle.ts';

const MINUTE = 60_000;
const RULE: BackoffRule = { freeFailures: 3, baseLockMs: MINUTE, maxLockMs: 10 * MINUTE, forgetAfterMs: 60 * MINUTE };
const T0 = new Date('2026-12-01T03:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);

describe('lockDurationMs', () => {
  it.each([
    [1, null],
    [2, null],
    [3, MINUTE],
    [4, 2 * MINUTE],
    [5, 4 * MINUTE],
    [6, 8 * MINUTE],
    [7, 10 * MINUTE],
    [10_000, 10 * MINUTE],
  ])('failure %i locks for %s ms', (failures, expected) => {
    expect(lockDurationMs(RULE, failures)).toBe(expected);
  });
});

describe('throttleKeys', () => {
  it('pairs the account with the client network', () => {
    expect(throttleKeys.accountAddress(' User@Example.COM ', '203.0.113.7')).toBe(
      'account:user@example.com|ip:203.0.113.7',
    );
    expect(throttleKeys.accountAddress('a@b.c', '2001:db8:1:2::5')).toBe(
      throttleKeys.accountAddress('a@b.c', '2001:db8:1:2::9'),
    );
    expect(throttleKeys.address('2001:db8:1:2::5')).toBe('ip:2001:db8:1:2::/64');
  });
});

describe('countLoginAttempt', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const attempt = (key: string, ms: number) => countLoginAttempt(db.prisma, key, RULE, at(ms));
  const row = (key: string) => db.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });

  it('allows the free failures, then doubles the wait after each further one', async () => {
    const key = 'backoff';
    expect([await attempt(key, 0), await attempt(key, 1), await attempt(key, 2)]).toEqual([true, true, true]);
    // The third failure locked it for a minute; attempts meanwhile are refused and not counted.
    expect(await attempt(key, 59_000)).toBe(false);
    expect((await row(key)).failures).toBe(3);
    expect(await attempt(key, MINUTE + 2)).toBe(true);
    expect(await attempt(key, MINUTE + 2 + 2 * MINUTE - 1)).toBe(false);
    expect(await attempt(key, MINUTE + 2 + 2 * MINUTE)).toBe(true);
    expect((await row(key)).lockedUntil).toEqual(at(3 * MINUTE + 2 + 4 * MINUTE));
  });

  it('lets parallel attempts through only up to the lock', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt('parallel', 0)));
    expect(results.filter(Boolean)).toHaveLength(RULE.freeFailures);
  });

  it('forgets a run of failures once it is old and no lock holds', async () => {
    const key = 'forget';
    for (let i = 0; i < 4; i++) await attempt(key, i);
    expect(await attempt(key, RULE.forgetAfterMs + 1)).toBe(true);
    expect(await row(key)).toMatchObject({
      failures: 1,
      lockedUntil: null,
      windowStartsAt: at(RULE.forgetAfterMs + 1),
    });
  });

  it('takes an attempt back, lifting the lock once within the free failures', async () => {
    const key = 'release';
    for (let i = 0; i < 3; i++) await attempt(key, i);
    expect(await attempt(key, 10)).toBe(false);
    await releaseLoginAttempt(db.prisma, key, RULE);
    expect(await row(key)).toMatchObject({ failures: 2, lockedUntil: null });
    expect(await attempt(key, 11)).toBe(true);
  });
});
