import { describe, expect, it } from 'vitest';
import {
  boardColumns,
  filterOptions,
  matchesQueueFilter,
  OPEN_STAGES,
  queueFilterFromQuery,
  timeInStage,
  type QueuedRequest,
} from './request-queue';

const request = (over: Partial<QueuedRequest> = {}): QueuedRequest => ({
  stage: 'ANALYSIS',
  module: { id: 'm1' },
  customer: { id: 'c1' },
  assignee: { id: 'u1' },
  ...over,
});

describe('the queue filter', () => {
  it('reads the stage, module, customer, assignee and view from the query', () => {
    const { filter, view } = queueFilterFromQuery(
      new URLSearchParams('stage=CONTRACT&module=m2&customer=c3&assignee=none&view=list'),
    );
    expect(filter).toEqual({ stage: 'CONTRACT', moduleId: 'm2', customerId: 'c3', assigneeId: 'none' });
    expect(view).toBe('list');
  });

  it('ignores a stage that is not open, and empty values', () => {
    const { filter, view } = queueFilterFromQuery(new URLSearchParams('stage=CLOSED&module=&view=x'));
    expect(filter).toEqual({ stage: null, moduleId: null, customerId: null, assigneeId: null });
    expect(view).toBe('board');
  });

  it('matches each field, and "none" as nobody in charge', () => {
    const any = { stage: null, moduleId: null, customerId: null, assigneeId: null };
    expect(matchesQueueFilter(request(), any)).toBe(true);
    expect(matchesQueueFilter(request(), { ...any, stage: 'CONTRACT' })).toBe(false);
    expect(matchesQueueFilter(request(), { ...any, moduleId: 'm2' })).toBe(false);
    expect(matchesQueueFilter(request({ module: null }), { ...any, moduleId: 'm1' })).toBe(false);
    expect(matchesQueueFilter(request(), { ...any, customerId: 'c1' })).toBe(true);
    expect(matchesQueueFilter(request(), { ...any, customerId: 'c2' })).toBe(false);
    expect(matchesQueueFilter(request(), { ...any, assigneeId: 'u1' })).toBe(true);
    expect(matchesQueueFilter(request(), { ...any, assigneeId: 'none' })).toBe(false);
    expect(matchesQueueFilter(request({ assignee: null }), { ...any, assigneeId: 'none' })).toBe(true);
  });
});

describe('the board', () => {
  it('has a column per open stage, SUBMITTED to WARRANTY, each with its requests', () => {
    const columns = boardColumns([request({ stage: 'SUBMITTED' }), request(), request()], null);
    expect(columns.map((c) => c.stage)).toEqual(OPEN_STAGES);
    expect(OPEN_STAGES).toHaveLength(10);
    expect(columns[0]!.requests).toHaveLength(1);
    expect(columns.find((c) => c.stage === 'ANALYSIS')!.requests).toHaveLength(2);
  });

  it('has one column when filtered by stage', () => {
    expect(boardColumns([request()], 'ANALYSIS').map((c) => c.stage)).toEqual(['ANALYSIS']);
  });

  it('offers each module, customer or assignee once, by name', () => {
    const rows = [
      { m: { id: '2', name: 'Sản xuất' } },
      { m: { id: '1', name: 'Kế toán' } },
      { m: { id: '2', name: 'Sản xuất' } },
      { m: null },
    ];
    expect(filterOptions(rows, (r) => r.m)).toEqual([
      { id: '1', name: 'Kế toán' },
      { id: '2', name: 'Sản xuất' },
    ]);
  });
});

describe('time in stage', () => {
  it('counts days, then hours, then minutes', () => {
    expect(timeInStage(3 * 86_400 + 5)).toEqual({ unit: 'days', count: 3 });
    expect(timeInStage(86_399)).toEqual({ unit: 'hours', count: 23 });
    expect(timeInStage(59)).toEqual({ unit: 'minutes', count: 0 });
  });
});
