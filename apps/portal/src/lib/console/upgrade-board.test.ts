import { describe, expect, it } from 'vitest';
import {
  boardProgress,
  boardQueryFromParams,
  calendarDays,
  matchesBoardFilter,
  shiftCalendarDay,
  upgradesByDay,
  type TargetAcknowledgement,
} from './upgrade-board';

const TODAY = '2026-12-09';

describe('the board query', () => {
  it('reads filters, view, span and day from the URL, ignoring what it does not know', () => {
    const query = boardQueryFromParams(
      new URLSearchParams('kind=FIX&status=SANDBOX&module=m1&customer=c1&view=calendar&span=month&date=2026-11-30'),
      TODAY,
    );
    expect(query).toEqual({
      filter: { kind: 'FIX', status: 'SANDBOX', moduleId: 'm1', customerId: 'c1' },
      view: 'calendar',
      span: 'month',
      day: '2026-11-30',
    });
    expect(
      boardQueryFromParams(new URLSearchParams('kind=PATCH&status=&view=x&span=year&date=2026-02-30'), TODAY),
    ).toEqual({
      filter: { kind: null, status: null, moduleId: null, customerId: null },
      view: 'list',
      span: 'week',
      day: TODAY,
    });
  });
});

describe('the board filter', () => {
  const upgrade = {
    kind: 'FEATURE',
    status: 'SCHEDULED',
    modules: [{ id: 'm1' }, { id: 'm2' }],
    targets: [{ id: 'c1' }],
  } as const;
  const any = { kind: null, status: null, moduleId: null, customerId: null };

  it('keeps an upgrade matching every chosen filter', () => {
    expect(matchesBoardFilter(upgrade, any)).toBe(true);
    expect(
      matchesBoardFilter(upgrade, { kind: 'FEATURE', status: 'SCHEDULED', moduleId: 'm2', customerId: 'c1' }),
    ).toBe(true);
  });

  it('drops it on any filter it misses', () => {
    expect(matchesBoardFilter(upgrade, { ...any, kind: 'FIX' })).toBe(false);
    expect(matchesBoardFilter(upgrade, { ...any, status: 'READY' })).toBe(false);
    expect(matchesBoardFilter(upgrade, { ...any, moduleId: 'm3' })).toBe(false);
    expect(matchesBoardFilter(upgrade, { ...any, customerId: 'c2' })).toBe(false);
  });
});

describe('calendar days', () => {
  it('shows a day, its Monday-first week, or its month', () => {
    expect(calendarDays('day', TODAY)).toEqual({ rows: [[TODAY]], first: TODAY, last: TODAY });
    const week = calendarDays('week', TODAY);
    expect(week.first).toBe('2026-12-07');
    expect(week.last).toBe('2026-12-13');
    expect(week.rows).toHaveLength(1);
    const month = calendarDays('month', TODAY);
    expect(month.first).toBe('2026-12-01');
    expect(month.last).toBe('2026-12-31');
    expect(month.rows[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('moves by one span', () => {
    expect(shiftCalendarDay('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftCalendarDay('week', TODAY, -1)).toBe('2026-12-02');
    expect(shiftCalendarDay('month', '2026-01-31', 1)).toBe('2026-02-01');
  });
});

describe('upgrades by day', () => {
  const HCM = 'Asia/Ho_Chi_Minh';
  it("places a window on each day it touches in the staff member's zone, within the shown days", () => {
    const night = { id: 'night', windowStart: '2026-12-08T15:00:00Z', windowEnd: '2026-12-08T19:00:00Z' }; // 22:00-02:00
    const toMidnight = { id: 'evening', windowStart: '2026-12-07T13:00:00Z', windowEnd: '2026-12-07T17:00:00Z' }; // 20:00-24:00
    const long = { id: 'long', windowStart: '2026-12-01T01:00:00Z', windowEnd: '2026-12-20T01:00:00Z' };
    const byDay = upgradesByDay([night, toMidnight, long], '2026-12-07', '2026-12-13', HCM);
    expect(Object.keys(byDay).sort()).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(byDay['2026-12-07']!.map((u) => u.id)).toEqual(['long', 'evening']);
    expect(byDay['2026-12-08']!.map((u) => u.id)).toEqual(['long', 'night']);
    expect(byDay['2026-12-09']!.map((u) => u.id)).toEqual(['long', 'night']);
    expect(byDay['2026-12-10']!.map((u) => u.id)).toEqual(['long']);
    // In New York the night window is an afternoon: one day only.
    expect(upgradesByDay([night], '2026-12-07', '2026-12-13', 'America/New_York')).toEqual({ '2026-12-08': [night] });
  });
});

describe('acknowledgement progress on the board', () => {
  const customers = [
    { id: 'a', name: 'An Phát' },
    { id: 'b', name: 'Bình Minh' },
    { id: 'c', name: 'Cửu Long' },
    { id: 'd', name: 'Đà Nẵng' },
    { id: 'e', name: 'Ê-đê' },
  ];
  type Customer = (typeof customers)[number];
  const target = (
    customer: Customer,
    state: TargetAcknowledgement<Customer>['state'],
    fields: Partial<TargetAcknowledgement<Customer>> = {},
  ): TargetAcknowledgement<Customer> => ({ customer, state, deadline: null, by: [], ...fields });

  it("puts overdue customers first, then pending, acknowledged and not asked, by name; with each one's latest acknowledgement", () => {
    const progress = boardProgress([
      target(customers[0]!, 'ACKNOWLEDGED', { by: [{ name: 'Chị Hoa', at: '2026-12-08T03:00:00Z' }] }),
      target(customers[1]!, 'PENDING', { deadline: '2026-12-12T00:00:00Z' }),
      target(customers[2]!, 'OVERDUE', { deadline: '2026-12-09T11:00:00Z' }),
      target(customers[3]!, 'ACKNOWLEDGED', {
        by: [
          { name: 'Chị Hoa', at: '2026-12-08T03:00:00Z' },
          { name: 'Anh Nam', at: '2026-12-09T03:00:00Z' },
        ],
      }),
      target(customers[4]!, 'NOT_ASKED'),
    ]);
    expect(progress.counts).toEqual({ overdue: 1, pending: 1, acknowledged: 2, notAsked: 1 });
    expect(progress.customers.map((c) => [c.customer.id, c.state])).toEqual([
      ['c', 'overdue'],
      ['b', 'pending'],
      ['a', 'acknowledged'],
      ['d', 'acknowledged'],
      ['e', 'notAsked'],
    ]);
    expect(progress.customers[0]).toMatchObject({ deadline: '2026-12-09T11:00:00Z', acknowledgedAt: null });
    expect(progress.customers[3]).toEqual({
      customer: customers[3],
      state: 'acknowledged',
      deadline: null,
      acknowledgedAt: '2026-12-09T03:00:00Z',
      acknowledgedBy: 'Anh Nam',
    });
  });
});
