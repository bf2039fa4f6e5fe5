import { fromLocalClock, toLocalClock } from './time-zone.ts';

/** The vendor's default warranty on a delivered module (DESIGN.md section 1; configurable). */
export const DEFAULT_WARRANTY_MONTHS = 12;

/**
 * When a warranty of `months` calendar months that starts at `start` ends: the same wall-clock
 * time `months` later in the customer's time zone, on the last day of the month when that month
 * is shorter (a warranty from 31 January for one month ends on 28 or 29 February).
 */
export function warrantyEndsAt(start: Date, months: number, timeZone: string): Date {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Warranty months must be 0 or more: ${months}`);
  const local = toLocalClock(start, timeZone);
  const monthIndex = local.month - 1 + months;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromLocalClock({ ...local, year, month, day: Math.min(local.day, lastDay) }, timeZone);
}
