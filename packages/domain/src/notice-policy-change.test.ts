// What a policy edit does to standing plans, from the policy text: a FEATURE reminder 48 hours
// ahead moved to 72 hours moves every pending reminder a day earlier; quiet hours move nothing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_POLICIES, type NoticePolicy } from './notice-policy.ts';
import { editedNoticePolicy, policyChangeEffects, type StandingPlan } from './notice-policy-change.ts';
import type { TargetToPlan } from './notice-rows.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FEATURE = DEFAULT_NOTICE_POLICIES.FEATURE;
// 2026-12-01 10:00 in Hà Nội.
const NOW = new Date('2026-12-01T03:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

const target = (customerId: string, over: Partial<TargetToPlan> = {}): TargetToPlan => ({
  customerId,
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'VI',
  blackouts: [],
  window: null,
  ...over,
});

/** A FEATURE upgrade 30 days away, 20:00-22:00 in Hà Nội, announced (sent), its reminders pending. */
function standing(over: Partial<StandingPlan> = {}): StandingPlan {
  const windowStart = at(30 * DAY + 10 * HOUR);
  return {
    upgrade: {
      id: 'u1',
      kind: 'FEATURE',
      windowStart,
      windowEnd: new Date(windowStart.getTime() + 2 * HOUR),
      expectedDowntimeMinutes: 30,
      sandboxStart: at(DAY),
      emergency: false,
      emergencyReason: null,
    },
    targets: [target('a'), target('b')],
    pending: ['a', 'b'].flatMap((customerId) => [
      {
        customerId,
        stage: 'REMINDER' as const,
        scheduledFor: new Date(windowStart.getTime() - 48 * HOUR),
        acknowledgeBy: null,
      },
      {
        customerId,
        stage: 'FINAL_REMINDER' as const,
        scheduledFor: new Date(windowStart.getTime() - 24 * HOUR),
        acknowledgeBy: null,
      },
    ]),
    sent: new Map([
      ['a', new Set(['ANNOUNCEMENT' as const])],
      ['b', new Set(['ANNOUNCEMENT' as const])],
    ]),
    firstNoticeAt: at(-DAY),
    ...over,
  };
}

describe('a policy change on standing plans', () => {
  it('moves each pending reminder to the new offset, for every target', () => {
    const plan = standing();
    const proposed: NoticePolicy = { ...FEATURE, reminderLeadHours: 72 };
    const [effect, ...others] = policyChangeEffects(FEATURE, proposed, [plan], NOW);
    expect(others).toEqual([]);
    expect(effect).toEqual({
      upgradeId: 'u1',
      replanned: true,
      shifts: ['a', 'b'].map((customerId) => ({
        customerId,
        stage: 'REMINDER',
        from: new Date(plan.upgrade.windowStart.getTime() - 48 * HOUR),
        to: new Date(plan.upgrade.windowStart.getTime() - 72 * HOUR),
        acknowledgeBy: null,
      })),
      warningsGained: [],
      warningsLost: [],
    });
  });

  it('adds and drops stages the policy starts or stops using', () => {
    const dropped = policyChangeEffects(FEATURE, { ...FEATURE, reminderLeadHours: null }, [standing()], NOW)[0]!;
    expect(dropped.shifts.map((s) => [s.customerId, s.stage, s.to])).toEqual([
      ['a', 'REMINDER', null],
      ['b', 'REMINDER', null],
    ]);
    const added = policyChangeEffects(FEATURE, { ...FEATURE, imminentLeadMinutes: 30 }, [standing()], NOW)[0]!;
    expect(added.shifts.filter((s) => s.customerId === 'a')).toEqual([
      {
        customerId: 'a',
        stage: 'IMMINENT',
        from: null,
        to: new Date(standing().upgrade.windowStart.getTime() - 30 * 60_000),
        acknowledgeBy: null,
      },
    ]);
  });

  it('leaves alone a plan the change does not alter, and says which warnings come and go', () => {
    // 20:00-22:00 is quiet with 18-06; with quiet hours 22-06 it is not any more.
    const effects = policyChangeEffects(FEATURE, { ...FEATURE, quietHoursStart: 22 }, [standing()], NOW);
    expect(effects).toEqual([
      { upgradeId: 'u1', replanned: false, shifts: [], warningsGained: ['OUTSIDE_QUIET_HOURS'], warningsLost: [] },
    ]);
    const back = policyChangeEffects({ ...FEATURE, quietHoursStart: 22 }, FEATURE, [standing()], NOW);
    expect(back[0]?.warningsLost).toEqual(['OUTSIDE_QUIET_HOURS']);
  });

  it('omits upgrades the change does not touch', () => {
    expect(policyChangeEffects(FEATURE, { ...FEATURE }, [standing()], NOW)).toEqual([]);
  });

  it("plans a target's own window from that window", () => {
    const own = { start: at(40 * DAY), end: at(40 * DAY + 2 * HOUR) };
    const plan = standing({ targets: [target('a'), target('b', { window: own })] });
    const effect = policyChangeEffects(FEATURE, { ...FEATURE, reminderLeadHours: 72 }, [plan], NOW)[0]!;
    expect(effect.shifts.find((s) => s.customerId === 'b')?.to).toEqual(new Date(own.start.getTime() - 72 * HOUR));
  });
});

describe('an edited policy', () => {
  it('takes the fields given and keeps the others (null keeps too)', () => {
    expect(editedNoticePolicy(FEATURE, { kind: 'SERVER', reminderLeadHours: 72, imminentLeadMinutes: null })).toEqual({
      ...FEATURE,
      reminderLeadHours: 72,
    });
  });
});
