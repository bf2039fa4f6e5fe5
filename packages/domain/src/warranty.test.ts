import { describe, expect, it } from 'vitest';
import { warrantyEndsAt } from './warranty.ts';

describe('warrantyEndsAt', () => {
  it('runs twelve calendar months at the same local time', () => {
    expect(warrantyEndsAt(new Date('2026-12-01T03:00:00Z'), 12, 'Asia/Ho_Chi_Minh')).toEqual(
      new Date('2027-12-01T03:00:00Z'),
    );
  });

  it('counts months in the customer time zone, not in UTC', () => {
    // 31 January 23:30 in Hà Nội is still 31 January 16:30 UTC; either way the warranty ends
    // on the last day of February, at 23:30 Hà Nội time.
    expect(warrantyEndsAt(new Date('2027-01-31T16:30:00Z'), 1, 'Asia/Ho_Chi_Minh')).toEqual(
      new Date('2027-02-28T16:30:00Z'),
    );
    // 1 March 00:30 in Hà Nội is 28 February in UTC: one month later is 1 April in Hà Nội.
    expect(warrantyEndsAt(new Date('2027-02-28T17:30:00Z'), 1, 'Asia/Ho_Chi_Minh')).toEqual(
      new Date('2027-03-31T17:30:00Z'),
    );
  });

  it('keeps the wall clock across a daylight-saving switch', () => {
    // 10:00 in Berlin in winter (UTC+1) is 10:00 in summer (UTC+2).
    expect(warrantyEndsAt(new Date('2027-01-15T09:00:00Z'), 6, 'Europe/Berlin')).toEqual(
      new Date('2027-07-15T08:00:00Z'),
    );
  });

  it('handles leap years and long warranties, and refuses a negative length', () => {
    expect(warrantyEndsAt(new Date('2028-02-29T03:00:00Z'), 12, 'UTC')).toEqual(new Date('2029-02-28T03:00:00Z'));
    expect(warrantyEndsAt(new Date('2026-12-01T03:00:00Z'), 36, 'UTC')).toEqual(new Date('2029-12-01T03:00:00Z'));
    expect(warrantyEndsAt(new Date('2026-12-01T03:00:00Z'), 0, 'UTC')).toEqual(new Date('2026-12-01T03:00:00Z'));
    expect(() => warrantyEndsAt(new Date(), -1, 'UTC')).toThrow(RangeError);
  });
});
