import { describe, expect, it } from 'vitest';
import { UPGRADE_KINDS } from './enums.ts';
import {
  canTransitionUpgrade,
  endsNoticePlan,
  isUpgradeOpen,
  noticeForTransition,
  UPGRADE_STATUSES,
} from './upgrade-status.ts';

// The whole table, from the design's text: every pair not listed is refused.
const ALLOWED: Record<string, string[]> = {
  FEATURE: [
    'DRAFT>SCHEDULED',
    'DRAFT>CANCELLED',
    'SCHEDULED>SANDBOX',
    'SCHEDULED>CANCELLED',
    'SANDBOX>READY',
    'SANDBOX>CANCELLED',
    'READY>IN_PROGRESS',
    'READY>CANCELLED',
    'IN_PROGRESS>COMPLETED',
    'IN_PROGRESS>FAILED',
  ],
};
ALLOWED.FIX = [...ALLOWED.FEATURE!, 'SCHEDULED>IN_PROGRESS'];
ALLOWED.SERVER = ALLOWED.FIX;

describe('upgrade transitions', () => {
  for (const kind of UPGRADE_KINDS) {
    it(`${kind}: exactly the transitions of the design`, () => {
      const allowed = UPGRADE_STATUSES.flatMap((from) =>
        UPGRADE_STATUSES.filter((to) => canTransitionUpgrade(kind, from, to)).map((to) => `${from}>${to}`),
      );
      expect(allowed.sort()).toEqual([...ALLOWED[kind]!].sort());
    });
  }

  it('cannot cancel once the production window is open', () => {
    expect(canTransitionUpgrade('SERVER', 'IN_PROGRESS', 'CANCELLED')).toBe(false);
    expect(isUpgradeOpen('IN_PROGRESS')).toBe(false);
    expect(isUpgradeOpen('READY')).toBe(true);
  });

  it('sends CANCELLED, COMPLETED and FAILED notices and ends the plan then', () => {
    expect(noticeForTransition('CANCELLED')).toBe('CANCELLED');
    expect(noticeForTransition('COMPLETED')).toBe('COMPLETED');
    expect(noticeForTransition('FAILED')).toBe('FAILED');
    expect(noticeForTransition('SANDBOX')).toBeNull();
    expect(UPGRADE_STATUSES.filter(endsNoticePlan)).toEqual(['COMPLETED', 'FAILED', 'CANCELLED']);
  });
});
