import { describe, expect, it } from 'vitest';
import {
  acknowledgementStanding,
  isAcknowledgementOverdue,
  type AcknowledgementNotice,
  type AcknowledgementState,
} from './acknowledgement-standing.ts';

const NOW = new Date('2026-12-09T12:00:00Z');
const at = (iso: string) => new Date(iso);

const notice = (over: Partial<AcknowledgementNotice> = {}): AcknowledgementNotice => ({
  stage: 'ANNOUNCEMENT',
  requiresAcknowledgement: true,
  acknowledgeBy: at('2026-12-10T00:00:00Z'),
  acknowledgement: null,
  superseded: false,
  ...over,
});
const given = (iso: string, by: string | null = 'Chị Hoa') => ({ acknowledgement: { at: at(iso), by } });

describe("a customer's acknowledgement standing", () => {
  it.each<[string, AcknowledgementNotice[], AcknowledgementState]>([
    ['not asked before any notice asks', [], 'NOT_ASKED'],
    ['not asked by notices that ask nothing', [notice({ requiresAcknowledgement: false })], 'NOT_ASKED'],
    ['pending while a notice awaits it in time', [notice()], 'PENDING'],
    ['pending with no deadline at all', [notice({ acknowledgeBy: null })], 'PENDING'],
    ['overdue once a deadline has passed', [notice({ acknowledgeBy: at('2026-12-09T11:00:00Z') })], 'OVERDUE'],
    ['acknowledged once every notice asking was', [notice(given('2026-12-08T03:00:00Z'))], 'ACKNOWLEDGED'],
    [
      'acknowledged even after the deadline, when it was given late',
      [notice({ acknowledgeBy: at('2026-12-08T00:00:00Z'), ...given('2026-12-08T03:00:00Z') })],
      'ACKNOWLEDGED',
    ],
    [
      'pending while any notice still awaits it',
      [
        notice(given('2026-12-08T03:00:00Z')),
        notice({ stage: 'FINAL_REMINDER', acknowledgeBy: at('2026-12-12T00:00:00Z') }),
      ],
      'PENDING',
    ],
    [
      'overdue before pending: the customer to call',
      [notice(), notice({ stage: 'FINAL_REMINDER', acknowledgeBy: at('2026-12-09T00:00:00Z') })],
      'OVERDUE',
    ],
  ])('is %s', (_case, notices, state) => {
    expect(acknowledgementStanding(notices, NOW).state).toBe(state);
  });

  it('is still on time at exactly the deadline, and overdue a millisecond later', () => {
    const due = notice({ acknowledgeBy: NOW });
    expect(isAcknowledgementOverdue(due, NOW)).toBe(false);
    expect(acknowledgementStanding([due], NOW)).toMatchObject({ state: 'PENDING', pending: 1, overdue: 0 });
    const later = new Date(NOW.getTime() + 1);
    expect(isAcknowledgementOverdue(due, later)).toBe(true);
    expect(acknowledgementStanding([due], later)).toMatchObject({ state: 'OVERDUE', pending: 0, overdue: 1 });
  });

  it('ignores superseded notices: a replaced reminder asks nothing, overdue or not', () => {
    const replaced = notice({ superseded: true, acknowledgeBy: at('2026-12-01T00:00:00Z') });
    expect(acknowledgementStanding([replaced], NOW)).toEqual({
      state: 'NOT_ASKED',
      acknowledged: 0,
      pending: 0,
      overdue: 0,
      deadline: null,
      by: [],
    });
    expect(acknowledgementStanding([replaced, notice(given('2026-12-08T03:00:00Z'))], NOW).state).toBe('ACKNOWLEDGED');
  });

  it('counts acknowledged, awaited and overdue, with who acknowledged what and when, oldest first', () => {
    const standing = acknowledgementStanding(
      [
        notice({ stage: 'FINAL_REMINDER', ...given('2026-12-09T03:00:00Z', 'Anh Nam') }),
        notice(given('2026-12-08T03:00:00Z', 'Nguyễn Thị Lan')),
        notice({ stage: 'REMINDER', acknowledgeBy: at('2026-12-12T00:00:00Z') }),
        notice({ stage: 'IMMINENT', acknowledgeBy: at('2026-12-09T00:00:00Z') }),
        notice({ requiresAcknowledgement: false }),
      ],
      NOW,
    );
    expect(standing).toEqual({
      state: 'OVERDUE',
      acknowledged: 2,
      pending: 1,
      overdue: 1,
      // The earliest still open, overdue ones included.
      deadline: at('2026-12-09T00:00:00Z'),
      by: [
        { stage: 'ANNOUNCEMENT', name: 'Nguyễn Thị Lan', at: at('2026-12-08T03:00:00Z') },
        { stage: 'FINAL_REMINDER', name: 'Anh Nam', at: at('2026-12-09T03:00:00Z') },
      ],
    });
  });

  it('has no deadline once everything asked was acknowledged, and keeps a deleted user nameless', () => {
    expect(acknowledgementStanding([notice(given('2026-12-08T03:00:00Z', null))], NOW)).toEqual({
      state: 'ACKNOWLEDGED',
      acknowledged: 1,
      pending: 0,
      overdue: 0,
      deadline: null,
      by: [{ stage: 'ANNOUNCEMENT', name: null, at: at('2026-12-08T03:00:00Z') }],
    });
  });
});
