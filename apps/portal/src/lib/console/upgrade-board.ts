// The staff upgrades board: the filters and view a URL carries, the days a calendar shows, which
// upgrade goes on which day, and each upgrade's acknowledgement progress per customer. Pure
// functions, so the page's load and its tests share them.
import {
  isDateKey,
  localDateKey,
  shiftDateKey,
  shiftMonthKey,
  monthGrid,
  weekOf,
} from '@upgrade-desk/domain/time-zone';
import { UPGRADE_KINDS, UPGRADE_STATUSES, type UpgradeKind, type UpgradeStatus } from '../api-types';
import type { AcknowledgementState as ApiAcknowledgementState } from '@upgrade-desk/domain/acknowledgement-standing';

/** What the board's load depends on: the live acknowledgements invalidate it, and the board reloads its data in place. */
export const BOARD_DEPENDENCY = 'console:upgrades';

export type BoardView = 'list' | 'calendar';
export const CALENDAR_SPANS = ['day', 'week', 'month'] as const;
export type CalendarSpan = (typeof CALENDAR_SPANS)[number];

export interface BoardFilter {
  kind: UpgradeKind | null;
  status: UpgradeStatus | null;
  moduleId: string | null;
  customerId: string | null;
}

export interface BoardQuery {
  filter: BoardFilter;
  view: BoardView;
  span: CalendarSpan;
  /** The calendar's day ("YYYY-MM-DD"): the day shown, or one in the week or month shown. */
  day: string;
}

/** The board's filters and view from a URL's query; unknown or empty values mean "any" (or today). */
export function boardQueryFromParams(params: URLSearchParams, today: string): BoardQuery {
  const text = (name: string) => params.get(name)?.trim() || null;
  const pick = <T extends string>(values: readonly T[], value: string | null): T | null =>
    values.find((candidate) => candidate === value) ?? null;
  const day = text('date');
  return {
    filter: {
      kind: pick(UPGRADE_KINDS, text('kind')),
      status: pick(UPGRADE_STATUSES, text('status')),
      moduleId: text('module'),
      customerId: text('customer'),
    },
    view: text('view') === 'calendar' ? 'calendar' : 'list',
    span: pick(CALENDAR_SPANS, text('span')) ?? 'week',
    day: isDateKey(day) ? day : today,
  };
}

/** The fields of an upgrade the filters look at. */
export interface FilteredUpgrade {
  kind: UpgradeKind;
  status: UpgradeStatus;
  modules: readonly { id: string }[];
  targets: readonly { id: string }[];
}

export function matchesBoardFilter(upgrade: FilteredUpgrade, filter: BoardFilter): boolean {
  if (filter.kind && upgrade.kind !== filter.kind) return false;
  if (filter.status && upgrade.status !== filter.status) return false;
  if (filter.moduleId && !upgrade.modules.some((module) => module.id === filter.moduleId)) return false;
  if (filter.customerId && !upgrade.targets.some((customer) => customer.id === filter.customerId)) return false;
  return true;
}

/**
 * The calendar's rows of days for a span around `day`: the month's weeks (null for the days of the
 * neighbouring months), the week holding the day, or the day alone; and the first and last day shown.
 */
export function calendarDays(
  span: CalendarSpan,
  day: string,
): { rows: (string | null)[][]; first: string; last: string } {
  if (span === 'day') return { rows: [[day]], first: day, last: day };
  if (span === 'week') {
    const week = weekOf(day);
    return { rows: [week], first: week[0]!, last: week[6]! };
  }
  const month = day.slice(0, 7);
  return { rows: monthGrid(month), first: `${month}-01`, last: shiftDateKey(`${shiftMonthKey(month, 1)}-01`, -1) };
}

/** The calendar's day one span earlier (`delta` -1) or later (1). */
export function shiftCalendarDay(span: CalendarSpan, day: string, delta: number): string {
  if (span === 'day') return shiftDateKey(day, delta);
  if (span === 'week') return shiftDateKey(day, 7 * delta);
  // The first of the month: the 31st has no counterpart in every month.
  return `${shiftMonthKey(day.slice(0, 7), delta)}-01`;
}

/**
 * The upgrades under way on each shown day, in `timeZone`: a window is placed on every day from
 * the one it starts to the one it ends, so a night's maintenance shows on both days it touches.
 */
export function upgradesByDay<T extends { windowStart: string; windowEnd: string }>(
  upgrades: readonly T[],
  first: string,
  last: string,
  timeZone: string,
): Record<string, T[]> {
  const byDay: Record<string, T[]> = {};
  const sorted = [...upgrades].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  for (const upgrade of sorted) {
    const startDay = localDateKey(upgrade.windowStart, timeZone);
    // A window ending at midnight does not touch the next day.
    const endDay = localDateKey(new Date(new Date(upgrade.windowEnd).getTime() - 1), timeZone);
    let day = startDay < first ? first : startDay;
    const stop = endDay > last ? last : endDay;
    for (; day <= stop; day = shiftDateKey(day, 1)) (byDay[day] ??= []).push(upgrade);
  }
  return byDay;
}

/** The board's names of the API's acknowledgement states (its badges' message keys and the rows' data-state). */
export type AcknowledgementState = 'overdue' | 'pending' | 'acknowledged' | 'notAsked';

const BOARD_STATE: Record<ApiAcknowledgementState, AcknowledgementState> = {
  OVERDUE: 'overdue',
  PENDING: 'pending',
  ACKNOWLEDGED: 'acknowledged',
  NOT_ASKED: 'notAsked',
};

/** One target as the API reports it (Upgrade.acknowledgementProgress). */
export interface TargetAcknowledgement<C> {
  customer: C;
  state: ApiAcknowledgementState;
  deadline: string | null;
  /** Who acknowledged, oldest first. */
  by: readonly { name: string | null; at: string }[];
}

export interface CustomerAcknowledgement<C> {
  customer: C;
  state: AcknowledgementState;
  /** The earliest deadline still open (pending or overdue), else null. */
  deadline: string | null;
  /** The latest acknowledgement the customer gave for the upgrade, if any. */
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface AcknowledgementProgress<C> {
  customers: CustomerAcknowledgement<C>[];
  counts: Record<AcknowledgementState, number>;
}

const STATE_ORDER: readonly AcknowledgementState[] = ['overdue', 'pending', 'acknowledged', 'notAsked'];

/**
 * The targets' standing as the board shows it (the API works out each state): overdue customers
 * first, the ones to call, then by name; with the latest acknowledgement each gave, and how many
 * customers are in each state.
 */
export function boardProgress<C extends { name: string }>(
  targets: readonly TargetAcknowledgement<C>[],
): AcknowledgementProgress<C> {
  const customers = targets.map(({ customer, state, deadline, by }): CustomerAcknowledgement<C> => {
    const latest = by.at(-1);
    return {
      customer,
      state: BOARD_STATE[state],
      deadline,
      acknowledgedAt: latest?.at ?? null,
      acknowledgedBy: latest?.name ?? null,
    };
  });
  customers.sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
      a.customer.name.localeCompare(b.customer.name, 'vi'),
  );
  const counts = { overdue: 0, pending: 0, acknowledged: 0, notAsked: 0 };
  for (const entry of customers) counts[entry.state] += 1;
  return { customers, counts };
}
