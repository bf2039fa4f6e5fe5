// Cases written from the vendor's policy text (DESIGN.md section 2), not from the planner's output.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_POLICIES,
  insideQuietHours,
  acknowledgementDeadline,
  maySendNotice,
  overlaps,
  planNotices,
  policyWarnings,
  scheduleProblems,
  validateNoticePolicy,
  windowOverrun,
  type PlanTarget,
  type UpgradeWindow,
} from './notice-policy.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FEATURE = DEFAULT_NOTICE_POLICIES.FEATURE;
const SERVER = DEFAULT_NOTICE_POLICIES.SERVER;
const FIX = DEFAULT_NOTICE_POLICIES.FIX;

// 2026-12-01 10:00 in Hà Nội (UTC+7).
const NOW = new Date('2026-12-01T03:00:00Z');
const HANOI: PlanTarget = { customerId: 'hanoi', timeZone: 'Asia/Ho_Chi_Minh', blackouts: [] };

function upgrade(
  kind: UpgradeWindow['kind'],
  startInMs: number,
  overrides: Partial<UpgradeWindow> = {},
): UpgradeWindow {
  const windowStart = new Date(NOW.getTime() + startInMs);
  return {
    kind,
    windowStart,
    windowEnd: new Date(windowStart.getTime() + 2 * HOUR),
    expectedDowntimeMinutes: 30,
    sandboxStart: kind === 'FEATURE' ? new Date(NOW.getTime() + HOUR) : null,
    emergency: false,
    emergencyReason: null,
    ...overrides,
  };
}

const plan = (u: UpgradeWindow, policy = DEFAULT_NOTICE_POLICIES[u.kind], targets = [HANOI]) =>
  planNotices(u, policy, targets, NOW).map((n) => ({
    stage: n.stage,
    before: (u.windowStart.getTime() - n.scheduledFor.getTime()) / HOUR,
    atOnce: n.scheduledFor.getTime() === NOW.getTime(),
    ack: n.requiresAcknowledgement,
  }));

describe('FEATURE: announcement 10-20 days ahead, reminder -2 days, final reminder -24 h', () => {
  it('15 days ahead: the announcement goes out at once, then -48 h and -24 h', () => {
    expect(plan(upgrade('FEATURE', 15 * DAY))).toEqual([
      { stage: 'ANNOUNCEMENT', before: 15 * 24, atOnce: true, ack: true },
      { stage: 'REMINDER', before: 48, atOnce: false, ack: false },
      { stage: 'FINAL_REMINDER', before: 24, atOnce: false, ack: false },
    ]);
  });

  it('exactly 10 and exactly 20 days ahead: allowed, announced at once', () => {
    for (const days of [10, 20]) {
      const u = upgrade('FEATURE', days * DAY);
      expect(scheduleProblems(u, FEATURE, NOW)).toEqual([]);
      expect(plan(u)[0]).toEqual({ stage: 'ANNOUNCEMENT', before: days * 24, atOnce: true, ack: true });
    }
  });

  it('25 days ahead: the announcement waits until 14 days before', () => {
    expect(plan(upgrade('FEATURE', 25 * DAY))[0]).toEqual({
      stage: 'ANNOUNCEMENT',
      before: 14 * 24,
      atOnce: false,
      ack: true,
    });
  });

  it('the announcement must be acknowledged before the reminder', () => {
    const u = upgrade('FEATURE', 15 * DAY);
    const [announcement] = planNotices(u, FEATURE, [HANOI], NOW);
    expect(announcement!.acknowledgeBy).toEqual(new Date(u.windowStart.getTime() - 48 * HOUR));
  });

  it('5 days ahead is refused as too short unless an emergency with a reason', () => {
    expect(scheduleProblems(upgrade('FEATURE', 5 * DAY), FEATURE, NOW)).toEqual([
      expect.objectContaining({ code: 'NOTICE_PERIOD_TOO_SHORT', field: ['windowStart'] }),
    ]);
    expect(
      scheduleProblems(upgrade('FEATURE', 5 * DAY, { emergency: true, emergencyReason: '  ' }), FEATURE, NOW),
    ).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['emergencyReason'] })]);
    const emergency = upgrade('FEATURE', 5 * DAY, {
      emergency: true,
      emergencyReason: 'Thông tư thuế mới có hiệu lực',
    });
    expect(scheduleProblems(emergency, FEATURE, NOW)).toEqual([]);
    expect(plan(emergency).map((n) => [n.stage, n.atOnce])).toEqual([
      ['ANNOUNCEMENT', true],
      ['REMINDER', false],
      ['FINAL_REMINDER', false],
    ]);
  });

  it('9 days 23 hours ahead is still too short', () => {
    expect(scheduleProblems(upgrade('FEATURE', 10 * DAY - HOUR), FEATURE, NOW).map((p) => p.code)).toEqual([
      'NOTICE_PERIOD_TOO_SHORT',
    ]);
  });

  it('an emergency 12 hours ahead sends one announcement, not three notices at once', () => {
    const u = upgrade('FEATURE', 12 * HOUR, { emergency: true, emergencyReason: 'security fix' });
    expect(plan(u)).toEqual([{ stage: 'ANNOUNCEMENT', before: 12, atOnce: true, ack: true }]);
    expect(planNotices(u, FEATURE, [HANOI], NOW)[0]!.acknowledgeBy).toEqual(u.windowStart);
  });

  it('plans the same notices for every target', () => {
    const targets = [HANOI, { customerId: 'berlin', timeZone: 'Europe/Berlin', blackouts: [] }];
    const planned = planNotices(upgrade('FEATURE', 15 * DAY), FEATURE, targets, NOW);
    expect(planned.filter((n) => n.customerId === 'berlin').map((n) => n.stage)).toEqual([
      'ANNOUNCEMENT',
      'REMINDER',
      'FINAL_REMINDER',
    ]);
    expect(planned).toHaveLength(6);
  });
});

describe('SERVER: final reminder -24 h (or earlier), imminent -30 min; under 24 h needs an emergency', () => {
  it('3 days ahead: final reminder at -24 h to acknowledge before the imminent notice at -30 min', () => {
    expect(plan(upgrade('SERVER', 3 * DAY))).toEqual([
      { stage: 'FINAL_REMINDER', before: 24, atOnce: false, ack: true },
      { stage: 'IMMINENT', before: 0.5, atOnce: false, ack: false },
    ]);
  });

  it('23 hours ahead needs an emergency, then sends the final reminder at once', () => {
    expect(scheduleProblems(upgrade('SERVER', 23 * HOUR), SERVER, NOW).map((p) => p.code)).toEqual([
      'NOTICE_PERIOD_TOO_SHORT',
    ]);
    const u = upgrade('SERVER', 23 * HOUR, { emergency: true, emergencyReason: 'provider maintenance announced late' });
    expect(scheduleProblems(u, SERVER, NOW)).toEqual([]);
    expect(plan(u)).toEqual([
      { stage: 'FINAL_REMINDER', before: 23, atOnce: true, ack: true },
      { stage: 'IMMINENT', before: 0.5, atOnce: false, ack: false },
    ]);
  });

  it('30 minutes ahead (emergency): one notice at once, no separate imminent notice', () => {
    const u = upgrade('SERVER', 30 * 60_000, { emergency: true, emergencyReason: 'disk failure' });
    expect(plan(u)).toEqual([{ stage: 'FINAL_REMINDER', before: 0.5, atOnce: true, ack: true }]);
  });

  it('an earlier first notice set by staff is added: the final reminder still goes out 24 hours ahead', () => {
    const earlier = upgrade('SERVER', 5 * DAY, { firstNoticeAt: new Date(NOW.getTime() + DAY) });
    expect(plan(earlier)).toEqual([
      { stage: 'ANNOUNCEMENT', before: 4 * 24, atOnce: false, ack: true },
      { stage: 'FINAL_REMINDER', before: 24, atOnce: false, ack: true },
      { stage: 'IMMINENT', before: 0.5, atOnce: false, ack: false },
    ]);
  });

  it('a first notice later than the 24-hour one adds nothing', () => {
    const later = upgrade('SERVER', 5 * DAY, { firstNoticeAt: new Date(NOW.getTime() + 4.5 * DAY) });
    expect(plan(later).map((n) => [n.stage, n.before])).toEqual([
      ['FINAL_REMINDER', 24],
      ['IMMINENT', 0.5],
    ]);
  });

  it('a first notice due now goes out at once, and the 24-hour one still follows', () => {
    const now = upgrade('SERVER', 3 * DAY, { firstNoticeAt: NOW });
    expect(plan(now).map((n) => [n.stage, n.before, n.atOnce])).toEqual([
      ['ANNOUNCEMENT', 72, true],
      ['FINAL_REMINDER', 24, false],
      ['IMMINENT', 0.5, false],
    ]);
  });

  it('a stored first notice already past adds nothing when the plan is recomputed', () => {
    const moved = upgrade('SERVER', 3 * DAY, { firstNoticeAt: new Date(NOW.getTime() - HOUR) });
    expect(plan(moved).map((n) => n.stage)).toEqual(['FINAL_REMINDER', 'IMMINENT']);
  });

  it('the acknowledgement of the 24-hour notice is due 4 hours ahead, so the account team can still call', () => {
    const u = upgrade('SERVER', 3 * DAY);
    const [final] = planNotices(u, SERVER, [HANOI], NOW);
    expect(SERVER.acknowledgementCallMinutes).toBe(240);
    expect((u.windowStart.getTime() - final!.acknowledgeBy!.getTime()) / HOUR).toBe(4);
  });

  it('without call time in the policy the deadline is the next notice', () => {
    const u = upgrade('SERVER', 3 * DAY);
    const [final] = planNotices(u, { ...SERVER, acknowledgementCallMinutes: null }, [HANOI], NOW);
    expect((u.windowStart.getTime() - final!.acknowledgeBy!.getTime()) / HOUR).toBe(0.5);
  });
});

describe('FIX: an advisory when scheduled', () => {
  it('sends the advisory at once, with no acknowledgement and no lead time required', () => {
    const u = upgrade('FIX', 2 * HOUR);
    expect(scheduleProblems(u, FIX, NOW)).toEqual([]);
    expect(plan(u)).toEqual([{ stage: 'ADVISORY', before: 2, atOnce: true, ack: false }]);
  });
});

describe('reschedule: sent notices stay, pending ones are recomputed', () => {
  it('does not plan again a stage the customer already got', () => {
    const moved = upgrade('FEATURE', 18 * DAY);
    const sent = new Map([['hanoi', new Set(['ANNOUNCEMENT'] as const)]]);
    const replanned = planNotices(moved, FEATURE, [HANOI], NOW, sent);
    expect(replanned.map((n) => [n.stage, (moved.windowStart.getTime() - n.scheduledFor.getTime()) / HOUR])).toEqual([
      ['REMINDER', 48],
      ['FINAL_REMINDER', 24],
    ]);
  });
});

describe('nothing but COMPLETED, FAILED, CANCELLED and OVERRUN goes out after the window starts', () => {
  const start = new Date('2026-12-19T12:00:00Z');
  it.each([
    ['ANNOUNCEMENT', false],
    ['REMINDER', false],
    ['FINAL_REMINDER', false],
    ['IMMINENT', false],
    ['ADVISORY', false],
    ['RESCHEDULED', false],
    ['COMPLETED', true],
    ['FAILED', true],
    ['CANCELLED', true],
    ['OVERRUN', true],
  ] as const)('%s after the start: %s', (stage, allowed) => {
    expect(maySendNotice(stage, start, new Date(start.getTime() + 1))).toBe(allowed);
    expect(maySendNotice(stage, start, start)).toBe(allowed);
    expect(maySendNotice(stage, start, new Date(start.getTime() - 1))).toBe(true);
  });
});

describe('windows', () => {
  it('refuses a window that ends before it starts, or starts in the past', () => {
    const backwards = upgrade('FIX', DAY, { windowEnd: new Date(NOW.getTime() + DAY - HOUR) });
    expect(scheduleProblems(backwards, FIX, NOW).map((p) => [p.code, p.field])).toEqual([
      ['WINDOW_INVALID', ['windowEnd']],
    ]);
    const past = upgrade('FIX', -HOUR);
    expect(scheduleProblems(past, FIX, NOW).map((p) => p.code)).toContain('WINDOW_INVALID');
  });

  it('refuses a sandbox run after the production window and downtime longer than the window', () => {
    const u = upgrade('FEATURE', 15 * DAY, {
      sandboxStart: new Date(NOW.getTime() + 16 * DAY),
      expectedDowntimeMinutes: 180,
    });
    expect(scheduleProblems(u, FEATURE, NOW).map((p) => p.field[0])).toEqual([
      'expectedDowntimeMinutes',
      'sandboxStart',
    ]);
  });
});

describe('quiet hours: 18:00-06:00 in the customer’s own time zone', () => {
  const at = (iso: string) => new Date(iso);
  it('accepts 19:00-22:00 and 23:00-01:00 in Hà Nội, refuses 10:00-11:00 and 17:00-19:00', () => {
    expect(insideQuietHours(at('2026-12-19T12:00:00Z'), at('2026-12-19T15:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(insideQuietHours(at('2026-12-19T16:00:00Z'), at('2026-12-19T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(insideQuietHours(at('2026-12-19T03:00:00Z'), at('2026-12-19T04:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false);
    expect(insideQuietHours(at('2026-12-19T10:00:00Z'), at('2026-12-19T12:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false);
  });

  it('accepts a window ending exactly at 06:00 and starting exactly at 18:00, not one crossing 06:00', () => {
    expect(insideQuietHours(at('2026-12-19T11:00:00Z'), at('2026-12-19T23:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(insideQuietHours(at('2026-12-19T22:00:00Z'), at('2026-12-19T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false);
  });

  it('follows daylight saving in Berlin (CET in winter, CEST after 29 March 2026)', () => {
    // 18:30-19:30 local: 17:30Z in winter (UTC+1), 16:30Z in summer (UTC+2).
    expect(insideQuietHours(at('2026-03-28T17:30:00Z'), at('2026-03-28T18:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(insideQuietHours(at('2026-03-30T16:30:00Z'), at('2026-03-30T17:30:00Z'), 'Europe/Berlin')).toBe(true);
    // 16:30Z is 17:30 local in winter: outside.
    expect(insideQuietHours(at('2026-03-27T16:30:00Z'), at('2026-03-27T17:30:00Z'), 'Europe/Berlin')).toBe(false);
    // The night of the switch is an hour shorter: 22:00 CET (21:00Z) to 06:00 CEST (04:00Z) is 7 hours.
    expect(insideQuietHours(at('2026-03-28T21:00:00Z'), at('2026-03-29T04:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(insideQuietHours(at('2026-03-28T21:00:00Z'), at('2026-03-29T04:30:00Z'), 'Europe/Berlin')).toBe(false);
  });
});

describe('policy warnings', () => {
  it('warns OUTSIDE_QUIET_HOURS for a 10:00 local window', () => {
    const u = upgrade('FIX', 0, {
      windowStart: new Date('2026-12-10T03:00:00Z'),
      windowEnd: new Date('2026-12-10T04:00:00Z'),
    });
    expect(policyWarnings(u, FIX, [HANOI], NOW)).toEqual(['OUTSIDE_QUIET_HOURS']);
  });

  it('warns when any one target is outside its quiet hours', () => {
    // 19:00-20:00 in Hà Nội is 13:00-14:00 in Berlin.
    const u = upgrade('FIX', 0, {
      windowStart: new Date('2026-12-10T12:00:00Z'),
      windowEnd: new Date('2026-12-10T13:00:00Z'),
    });
    expect(policyWarnings(u, FIX, [HANOI], NOW)).toEqual([]);
    expect(policyWarnings(u, FIX, [HANOI, { customerId: 'b', timeZone: 'Europe/Berlin', blackouts: [] }], NOW)).toEqual(
      ['OUTSIDE_QUIET_HOURS'],
    );
  });

  it('warns DOWNTIME_ABOVE_TYPICAL above 60 minutes of SERVER downtime', () => {
    const base = { windowStart: new Date('2026-12-10T12:00:00Z'), windowEnd: new Date('2026-12-10T14:00:00Z') };
    expect(
      policyWarnings(upgrade('SERVER', 0, { ...base, expectedDowntimeMinutes: 90 }), SERVER, [HANOI], NOW),
    ).toEqual(['DOWNTIME_ABOVE_TYPICAL']);
    expect(
      policyWarnings(upgrade('SERVER', 0, { ...base, expectedDowntimeMinutes: 60 }), SERVER, [HANOI], NOW),
    ).toEqual([]);
  });

  it('warns NO_SANDBOX_RUN for a FEATURE without a sandbox start', () => {
    const base = { windowStart: new Date('2026-12-20T12:00:00Z'), windowEnd: new Date('2026-12-20T14:00:00Z') };
    expect(policyWarnings(upgrade('FEATURE', 0, { ...base, sandboxStart: null }), FEATURE, [HANOI], NOW)).toEqual([
      'NO_SANDBOX_RUN',
    ]);
  });

  it('warns SHORT_NOTICE when scheduled closer than the policy allows (an emergency)', () => {
    const u = upgrade('SERVER', 23 * HOUR, {
      windowStart: new Date(NOW.getTime() + 23 * HOUR),
      emergency: true,
      emergencyReason: 'x',
    });
    expect(
      policyWarnings(
        { ...u, windowStart: new Date('2026-12-01T12:00:00Z'), windowEnd: new Date('2026-12-01T13:00:00Z') },
        SERVER,
        [HANOI],
        NOW,
      ),
    ).toEqual(['SHORT_NOTICE']);
  });

  it('warns BLACKOUT_CONFLICT on overlap, but not when the windows only touch', () => {
    const windowStart = new Date('2026-12-30T12:00:00Z');
    const windowEnd = new Date('2026-12-30T14:00:00Z');
    const u = upgrade('FIX', 0, { windowStart, windowEnd });
    const target = (startsAt: string, endsAt: string): PlanTarget => ({
      ...HANOI,
      blackouts: [{ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }],
    });
    expect(policyWarnings(u, FIX, [target('2026-12-30T13:59:00Z', '2027-01-02T00:00:00Z')], NOW)).toEqual([
      'BLACKOUT_CONFLICT',
    ]);
    expect(policyWarnings(u, FIX, [target('2026-12-28T00:00:00Z', '2026-12-30T12:01:00Z')], NOW)).toEqual([
      'BLACKOUT_CONFLICT',
    ]);
    expect(policyWarnings(u, FIX, [target('2026-12-30T14:00:00Z', '2027-01-02T00:00:00Z')], NOW)).toEqual([]);
    expect(policyWarnings(u, FIX, [target('2026-12-28T00:00:00Z', '2026-12-30T12:00:00Z')], NOW)).toEqual([]);
    expect(overlaps(windowStart, windowEnd, windowStart, windowEnd)).toBe(true);
  });
});

describe('policy edits', () => {
  it('keeps the announcement 10-20 days ahead', () => {
    expect(validateNoticePolicy(FEATURE)).toEqual([]);
    expect(validateNoticePolicy({ ...FEATURE, announcementLeadDays: 9 }).map((p) => p.field)).toContain(
      'announcementLeadDays',
    );
    expect(validateNoticePolicy({ ...FEATURE, announcementLeadDays: 21 }).map((p) => p.field)).toContain(
      'announcementLeadDays',
    );
    expect(validateNoticePolicy({ ...FEATURE, quietHoursStart: 24 }).map((p) => p.field)).toEqual(['quietHoursStart']);
  });
});

describe('acknowledgement deadlines leave the account team time to call', () => {
  const start = new Date('2026-12-19T12:00:00Z');
  const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR);
  it.each([
    // [call minutes, sent (h before), next notice (h before), deadline (h before)]
    [240, 24, 0.5, 4],
    [240, 24, 6, 6],
    [240, 24, null, 4],
    [240, 2, 0.5, 0.5],
    [240, 4, 0.5, 0.5],
    [240, 5, 0.5, 4],
    [null, 24, 0.5, 0.5],
    [null, 24, null, 0],
  ] as const)('call %s min, sent -%sh, next -%sh: due -%sh', (call, sent, next, due) => {
    const deadline = acknowledgementDeadline(
      { acknowledgementCallMinutes: call },
      start,
      at(sent),
      next === null ? null : at(next),
    );
    expect((start.getTime() - deadline.getTime()) / HOUR).toBe(due);
  });
});

describe('an overrun notice when a server maintenance runs past its announced end', () => {
  const windowEnd = new Date('2026-12-19T15:00:00Z');
  const after = new Date(windowEnd.getTime() + 60_000);
  it.each([
    ['SERVER', 'IN_PROGRESS', after, true],
    ['SERVER', 'IN_PROGRESS', windowEnd, false],
    ['SERVER', 'COMPLETED', after, false],
    ['SERVER', 'FAILED', after, false],
    ['SERVER', 'SCHEDULED', after, false],
    ['FEATURE', 'IN_PROGRESS', after, false],
    ['FIX', 'IN_PROGRESS', after, false],
  ] as const)('%s %s: %s', (kind, status, now, due) => {
    expect(windowOverrun({ kind, status, windowEnd }, now)).toBe(due);
  });
});
