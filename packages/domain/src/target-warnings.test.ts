import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_POLICIES } from './notice-policy.ts';
import { targetWarnings } from './target-warnings.ts';

const HOUR = 3_600_000;
// 19:00-21:00 in Hà Nội (UTC+7) is 08:00-10:00 in Paris (UTC+1 in December).
const upgrade = {
  kind: 'FEATURE' as const,
  windowStart: new Date('2026-12-20T12:00:00Z'),
  windowEnd: new Date('2026-12-20T14:00:00Z'),
  expectedDowntimeMinutes: 15,
  sandboxStart: null,
  emergency: false,
  emergencyReason: null,
};
const policy = DEFAULT_NOTICE_POLICIES.FEATURE;
const early = new Date(upgrade.windowStart.getTime() - 14 * 24 * HOUR);

describe('targetWarnings', () => {
  it('only the customer-specific warnings, per customer (no NO_SANDBOX_RUN here)', () => {
    const hanoi = { customerId: 'h', timeZone: 'Asia/Ho_Chi_Minh', blackouts: [] };
    const paris = { customerId: 'p', timeZone: 'Europe/Paris', blackouts: [] };
    expect(targetWarnings(upgrade, policy, hanoi, early)).toEqual([]);
    expect(targetWarnings(upgrade, policy, paris, early)).toEqual(['OUTSIDE_QUIET_HOURS']);
  });

  it('a blackout overlap and a late first notice', () => {
    const target = {
      customerId: 'b',
      timeZone: 'Asia/Ho_Chi_Minh',
      blackouts: [{ startsAt: new Date('2026-12-20T00:00:00Z'), endsAt: new Date('2026-12-21T00:00:00Z') }],
    };
    const late = new Date(upgrade.windowStart.getTime() - 5 * 24 * HOUR);
    expect(targetWarnings(upgrade, policy, target, late)).toEqual(['SHORT_NOTICE', 'BLACKOUT_CONFLICT']);
  });
});
