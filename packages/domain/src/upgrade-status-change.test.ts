import { describe, expect, it } from 'vitest';
import { changeNotices } from './upgrade-status.ts';

// Three targets; A and B were already sent a notice of the upgrade, C was not (its plan starts later).
const published = { status: 'SCHEDULED' as const, targetIds: ['A', 'B', 'C'] };
const told = new Set(['A', 'B']);

describe('what a change of an upgrade tells its customers', () => {
  it('publishing a draft plans the policy’s notices and sends nothing else', () => {
    expect(
      changeNotices({ kind: 'TRANSITION', to: 'SCHEDULED' }, { ...published, status: 'DRAFT' }, new Set()),
    ).toEqual({ sendsNow: [], pending: 'PLANNED' });
  });

  it('cancelling tells the customers already told, and drops every pending notice', () => {
    expect(changeNotices({ kind: 'TRANSITION', to: 'CANCELLED' }, published, told)).toEqual({
      sendsNow: [{ stage: 'CANCELLED', customerIds: ['A', 'B'] }],
      pending: 'DROPPED',
    });
  });

  it('completing and failing send COMPLETED and FAILED to those told', () => {
    const running = { ...published, status: 'IN_PROGRESS' as const };
    expect(changeNotices({ kind: 'TRANSITION', to: 'COMPLETED' }, running, told).sendsNow).toEqual([
      { stage: 'COMPLETED', customerIds: ['A', 'B'] },
    ]);
    expect(changeNotices({ kind: 'TRANSITION', to: 'FAILED' }, running, told).sendsNow).toEqual([
      { stage: 'FAILED', customerIds: ['A', 'B'] },
    ]);
  });

  it('the sandbox and production steps send nothing and keep the plan', () => {
    for (const to of ['SANDBOX', 'READY', 'IN_PROGRESS'] as const) {
      expect(changeNotices({ kind: 'TRANSITION', to }, published, told)).toEqual({ sendsNow: [], pending: 'KEPT' });
    }
  });

  it('a draft cancelled has told nobody: nothing is sent', () => {
    expect(
      changeNotices({ kind: 'TRANSITION', to: 'CANCELLED' }, { ...published, status: 'DRAFT' }, new Set()),
    ).toEqual({ sendsNow: [], pending: 'DROPPED' });
  });

  it('moving the window sends RESCHEDULED to those told and replans the pending notices', () => {
    expect(changeNotices({ kind: 'MOVE' }, published, told)).toEqual({
      sendsNow: [{ stage: 'RESCHEDULED', customerIds: ['A', 'B'] }],
      pending: 'REPLANNED',
    });
  });

  it('moving one customer’s window tells that customer alone, and only if it was told', () => {
    expect(changeNotices({ kind: 'MOVE', customerIds: ['B'] }, published, told).sendsNow).toEqual([
      { stage: 'RESCHEDULED', customerIds: ['B'] },
    ]);
    expect(changeNotices({ kind: 'MOVE', customerIds: ['C'] }, published, told)).toEqual({
      sendsNow: [],
      pending: 'REPLANNED',
    });
  });

  it('a draft moves or is edited without any notice; a published edit re-renders the pending ones', () => {
    const draft = { ...published, status: 'DRAFT' as const };
    expect(changeNotices({ kind: 'MOVE' }, draft, new Set())).toEqual({ sendsNow: [], pending: 'KEPT' });
    expect(changeNotices({ kind: 'EDIT' }, draft, new Set())).toEqual({ sendsNow: [], pending: 'KEPT' });
    expect(changeNotices({ kind: 'EDIT' }, published, told)).toEqual({ sendsNow: [], pending: 'RERENDERED' });
  });
});
