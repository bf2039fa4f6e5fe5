import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, nextRetryAt } from './retry-policy.ts';

const FAILED_AT = new Date('2026-12-01T03:00:00Z');
const later = (ms: number) => new Date(FAILED_AT.getTime() + ms).toISOString();

describe('nextRetryAt', () => {
  it.each([
    [1, later(60_000)],
    [2, later(5 * 60_000)],
    [3, later(30 * 60_000)],
    [4, later(2 * 3_600_000)],
    [5, later(6 * 3_600_000)],
    [6, null],
    [7, null],
  ])('after failed attempt %i: %s', (attempts, expected) => {
    expect(nextRetryAt(attempts, FAILED_AT)?.toISOString() ?? null).toBe(expected);
  });

  it('gives up after six attempts, spread over about eight and a half hours', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
    let at = FAILED_AT;
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) at = nextRetryAt(attempt, at)!;
    expect((at.getTime() - FAILED_AT.getTime()) / 60_000).toBe(1 + 5 + 30 + 120 + 360);
    expect(nextRetryAt(MAX_DELIVERY_ATTEMPTS, at)).toBeNull();
  });

  it('refuses an attempt count that cannot be', () => {
    expect(() => nextRetryAt(0, FAILED_AT)).toThrow(RangeError);
    expect(() => nextRetryAt(1.5, FAILED_AT)).toThrow(RangeError);
  });
});
