import { describe, expect, it } from 'vitest';
import { stagesReached, stepNumber, stepStates, TEN_STEPS } from './module-request';

describe('the ten steps', () => {
  it('are SUBMITTED to WARRANTY', () => {
    expect(TEN_STEPS).toHaveLength(10);
    expect(TEN_STEPS[0]).toBe('SUBMITTED');
    expect(TEN_STEPS[9]).toBe('WARRANTY');
  });

  it('number the stage as the vendor counts: 0 once received', () => {
    expect(stepNumber('SUBMITTED')).toBe(0);
    expect(stepNumber('CONTRACT')).toBe(3);
    expect(stepNumber('WARRANTY')).toBe(10);
    expect(stepNumber('CLOSED')).toBe(10);
    expect(stepNumber('REJECTED')).toBeNull();
  });

  it('mark done, current and to come', () => {
    const states = stepStates('CONTRACT', ['SUBMITTED', 'CONSULTATION', 'ANALYSIS', 'CONTRACT']);
    expect(states.slice(0, 5).map((s) => s.state)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expect(stepStates('CLOSED', []).every((s) => s.state === 'done')).toBe(true);
  });

  it('skip the steps a stopped request never reached', () => {
    const states = stepStates('WITHDRAWN', ['SUBMITTED', 'CONSULTATION', 'WITHDRAWN']);
    expect(states.slice(0, 3).map((s) => s.state)).toEqual(['done', 'done', 'skipped']);
  });
});

describe('the stages reached', () => {
  it('are read from the STAGE events, the last entry winning', () => {
    const reached = stagesReached([
      { kind: 'STAGE', stage: 'SUBMITTED', at: '2026-01-01T00:00:00Z', by: { name: 'An' } },
      { kind: 'COMMENT', stage: 'SUBMITTED', at: '2026-01-02T00:00:00Z', by: { name: 'Bình' } },
      { kind: 'STAGE', stage: 'CONSULTATION', at: '2026-01-03T00:00:00Z', by: null },
      { kind: 'STAGE', stage: 'CONSULTATION', at: '2026-01-04T00:00:00Z', by: { name: 'Chi' } },
    ]);
    expect(reached).toEqual({
      SUBMITTED: { at: '2026-01-01T00:00:00Z', by: 'An' },
      CONSULTATION: { at: '2026-01-04T00:00:00Z', by: 'Chi' },
    });
  });
});
