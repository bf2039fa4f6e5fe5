import { fromLocalClock, toLocalClock, type LocalClock } from '@upgrade-desk/domain';

export const VENDOR_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every demo date is placed relative to `now`, so a fresh demo always has upcoming
 * maintenance, recent notices and running requests whatever day it is started. Wall-clock
 * times ("day +3 at 19:00") are read in the customer's zone, the vendor's by default.
 */
export class DemoCalendar {
  readonly now: Date;
  readonly #today: LocalClock;

  constructor(now: Date) {
    this.now = now;
    this.#today = toLocalClock(now, VENDOR_TIME_ZONE);
  }

  /** Local wall-clock time `hour:minute` on the day `dayOffset` days from the vendor's today. */
  day(dayOffset: number, hour: number, minute = 0, timeZone = VENDOR_TIME_ZONE): Date {
    const { year, month, day } = this.#today;
    return fromLocalClock({ year, month, day: day + dayOffset, hour, minute }, timeZone);
  }

  /** The first day of the month `monthOffset` months from today, at local midnight. */
  monthStart(monthOffset: number, timeZone = VENDOR_TIME_ZONE, day = 1): Date {
    const { year, month } = this.#today;
    return fromLocalClock({ year, month: month + monthOffset, day, hour: 0, minute: 0 }, timeZone);
  }

  /** The same local day as `instant` in the vendor's zone, at `hour:minute`. */
  sameDayAt(instant: Date, hour: number, minute = 0): Date {
    const { year, month, day } = toLocalClock(instant, VENDOR_TIME_ZONE);
    return fromLocalClock({ year, month, day, hour, minute }, VENDOR_TIME_ZONE);
  }

  /** `now` rounded down to the quarter hour, shifted by whole minutes. */
  aroundNow(minutes: number): Date {
    const floored = Math.floor(this.now.getTime() / (15 * MINUTE)) * 15 * MINUTE;
    return new Date(floored + minutes * MINUTE);
  }

  daysAgo(days: number, hours = 0): Date {
    return new Date(this.now.getTime() - days * DAY - hours * HOUR);
  }
}

export function plusMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}

export function plusHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR);
}

export function plusDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY);
}
