import type { Locale } from './enums.ts';

// Times shown to a customer are always in the customer's own IANA time zone, with the UTC
// offset spelled out, because customers abroad (and staff reading a notice) must never have
// to guess which clock a maintenance window refers to. Everything is built from
// Intl.DateTimeFormat#formatToParts so the output is exact and does not depend on how ICU
// orders the pieces for a locale.

export interface LocalDateTimeParts {
  /** Weekday name in the locale, e.g. "Thứ Bảy" or "Saturday". */
  weekday: string;
  /** The local calendar date, e.g. "19/12/2026" (VI) or "19 Dec 2026" (EN). */
  date: string;
  /** 24-hour local time, e.g. "19:00". */
  time: string;
  /** The zone's offset at that instant, e.g. "GMT+7", "GMT+5:30", "GMT+0". */
  offset: string;
}

// Formatters are costly to build and a notice run renders thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'VI' ? 'vi-VN' : 'en-US', {
      timeZone,
      weekday: 'long',
      day: locale === 'VI' ? '2-digit' : 'numeric',
      // en-US, not en-GB: ICU's en-GB abbreviates September as "Sept".
      month: locale === 'VI' ? '2-digit' : 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      // h23, not hour12: false, which some ICU versions render as "24:00" at midnight.
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
      numberingSystem: 'latn',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Upper-cases the first letter of each word: ICU has varied in how it capitalises vi-VN weekdays. */
function capitaliseWords(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_match, space: string, letter: string) => space + letter.toUpperCase());
}

export function localDateTimeParts(instant: Date, timeZone: string, locale: Locale): LocalDateTimeParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(locale, timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = part.value;
  }
  const { weekday = '', day = '', month = '', year = '', hour = '', minute = '' } = parts;
  const zoneName = parts.timeZoneName ?? 'GMT';
  return {
    weekday: locale === 'VI' ? capitaliseWords(weekday) : weekday,
    date: locale === 'VI' ? `${day}/${month}/${year}` : `${day} ${month} ${year}`,
    time: `${hour}:${minute}`,
    // ICU writes a zero offset as bare "GMT"; spell it out so every notice shows a number.
    offset: zoneName === 'GMT' || zoneName === 'UTC' ? 'GMT+0' : zoneName,
  };
}

/** VI `Thứ Bảy, 19/12/2026 19:00 (GMT+7)`, EN `Saturday, 19 Dec 2026 19:00 (GMT+7)`. */
export function formatLocalDateTime(instant: Date, timeZone: string, locale: Locale): string {
  const { weekday, date, time, offset } = localDateTimeParts(instant, timeZone, locale);
  return `${weekday}, ${date} ${time} (${offset})`;
}

/** The local wall-clock time, `19:00`; the same in both locales. */
export function formatLocalTime(instant: Date, timeZone: string): string {
  return localDateTimeParts(instant, timeZone, 'EN').time;
}

/**
 * A maintenance window. When it starts and ends on the same local day at the same offset the
 * date is written once (`Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)`); otherwise both ends are
 * written in full, so a window spanning midnight or a daylight-saving switch is never misread.
 */
export function formatLocalWindow(start: Date, end: Date, timeZone: string, locale: Locale): string {
  const from = localDateTimeParts(start, timeZone, locale);
  const to = localDateTimeParts(end, timeZone, locale);
  if (from.date === to.date && from.offset === to.offset) {
    return `${from.weekday}, ${from.date} ${from.time} – ${to.time} (${from.offset})`;
  }
  return `${formatLocalDateTime(start, timeZone, locale)} – ${formatLocalDateTime(end, timeZone, locale)}`;
}

/** Whether the runtime knows `name` as an IANA time zone (e.g. "Asia/Ho_Chi_Minh", "Europe/Berlin"). */
export function isValidTimeZone(name: string): boolean {
  if (name.length === 0 || name.trim() !== name) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone; that is the answer, not a failure.
    return false;
  }
}

/** A wall-clock reading in some time zone. Months are 1-12, as people write them. */
export interface LocalClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** What a clock on the wall in `timeZone` shows at `instant` (seconds dropped). */
export function toLocalClock(instant: Date, timeZone: string): LocalClock {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    clockFormatters.set(timeZone, formatter);
  }
  const clock: LocalClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatter.formatToParts(instant)) {
    if (
      part.type === 'year' ||
      part.type === 'month' ||
      part.type === 'day' ||
      part.type === 'hour' ||
      part.type === 'minute'
    ) {
      clock[part.type] = Number(part.value);
    }
  }
  return clock;
}

/**
 * The instant at which a wall clock in `timeZone` shows `local`. Out-of-range fields roll
 * over (day 32 is the next month's 1st), which makes "N days later at 19:00" easy to write.
 * A time skipped by a daylight-saving switch lands after the gap (02:30 -> 03:30 CEST); a
 * time that happens twice resolves to the earlier one.
 */
export function fromLocalClock(local: LocalClock, timeZone: string): Date {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offsetAt = (instant: number): number => {
    const seen = toLocalClock(new Date(instant), timeZone);
    return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - instant;
  };
  // No zone switches its clocks twice within a day, so the offsets half a day either side
  // are the only ones the wanted wall time can have.
  const HALF_DAY = 12 * 60 * 60 * 1000;
  const offsetBefore = offsetAt(wanted - HALF_DAY);
  const offsetAfter = offsetAt(wanted + HALF_DAY);
  const matches = [wanted - offsetBefore, wanted - offsetAfter].filter(
    (instant) => instant + offsetAt(instant) === wanted,
  );
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: with the offset from before the switch, the reading lands just after the gap.
  return new Date(wanted - offsetBefore);
}

/** The zone of customers that do not say otherwise, and of the vendor staff's screens. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * "UTC+07:00" for Asia/Ho_Chi_Minh: the zone's offset at `at`, as the portal writes it beside a
 * time (it differs across the year in zones with daylight saving). null for an unknown zone name.
 */
export function utcOffsetLabel(timeZone: string, at: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    if (!name) return null;
    return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
  } catch {
    return null;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-01" for the calendar day `at` falls on in `timeZone`. */
export function localDateKey(at: Date | string, timeZone: string): string {
  const clock = toLocalClock(new Date(at), timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The value of an `<input type="datetime-local">` ("2026-12-01T18:30") showing `at` in `timeZone`. */
export function toLocalInputValue(at: Date | string, timeZone: string): string {
  const clock = toLocalClock(new Date(at), timeZone);
  return `${localDateKey(at, timeZone)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant a wall-clock time in `timeZone` denotes: "2026-12-01T18:30" (or a date alone, as
 * midnight) typed by a user of that zone. null for text that is not such a time (no rolling over,
 * unlike fromLocalClock) or an unknown zone. Gaps and repeats resolve as fromLocalClock does.
 */
export function fromLocalInputValue(value: string, timeZone: string): Date | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  try {
    return fromLocalClock({ year, month, day, hour, minute }, timeZone);
  } catch {
    // Intl throws RangeError for an unknown zone.
    return null;
  }
}

/** "2026-12" of the month `at` falls in, in `timeZone`. */
export function localMonthKey(at: Date | string, timeZone: string): string {
  return localDateKey(at, timeZone).slice(0, 7);
}

/** Whether `value` is a "YYYY-MM" month. */
export function isMonthKey(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** "2027-01" after "2026-12" (`delta` months later; negative for earlier). */
export function shiftMonthKey(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The instants a month starts and ends (the next month's start) in `timeZone`. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  const start = fromLocalInputValue(`${month}-01T00:00`, timeZone);
  const end = fromLocalInputValue(`${shiftMonthKey(month, 1)}-01T00:00`, timeZone);
  if (!start || !end) throw new Error(`not a month: ${month}`);
  return { start, end };
}

/** Whether `value` is a "YYYY-MM-DD" calendar day that exists. */
export function isDateKey(value: string | null): value is string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2027-01-01" after "2026-12-31" (`delta` days later; negative for earlier). */
export function shiftDateKey(day: string, delta: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + delta)).toISOString().slice(0, 10);
}

/** The seven days of the week holding `day`, Monday first, as a calendar's week shows them. */
export function weekOf(day: string): string[] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7; // Monday = 0
  return Array.from({ length: 7 }, (_, i) => shiftDateKey(day, i - weekday));
}

/**
 * The instants the calendar days `first` to `last` (both included) start and end in `timeZone`:
 * a day is not always 24 hours long where the clocks change.
 */
export function daysBounds(first: string, last: string, timeZone: string): { start: Date; end: Date } {
  const start = fromLocalInputValue(`${first}T00:00`, timeZone);
  const end = fromLocalInputValue(`${shiftDateKey(last, 1)}T00:00`, timeZone);
  if (!start || !end) throw new Error(`not days: ${first} to ${last}`);
  return { start, end };
}

/**
 * The weeks of a month as a calendar shows them, Monday first: "YYYY-MM-DD" keys, with null for
 * the days of the neighbouring months that fill the first and last weeks.
 */
export function monthGrid(month: string): (string | null)[][] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= daysInMonth; day++) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Dates and times as the portal's screens show them: compact (a screen lists many), always in the
 * customer's zone, with the zone's UTC offset at that instant beside every time. Notices and
 * emails use formatLocalDateTime/formatLocalWindow above, which spell the weekday out.
 */
export interface DateTimeFormatter {
  readonly locale: Locale;
  readonly timeZone: string;
  /** "Thứ 2, 30/11/2026, 22:30 (UTC+07:00)" */
  dateTime(at: Date | string): string;
  /** "30/11/2026" */
  date(at: Date | string): string;
  /** A maintenance window: "Thứ 2, 30/11/2026, 22:30 – 23:30 (UTC+07:00)", both dates when it spans days. */
  window(start: Date | string, end: Date | string): string;
  /** "UTC+07:00" at `at` */
  offset(at: Date | string): string;
  /** "tháng 12 năm 2026" for "2026-12" */
  month(month: string): string;
  /** The weekday names, Monday first: short ("T2") and long ("Thứ Hai"). */
  weekdays(): { short: string; long: string }[];
  /** "Thứ Ba, 1 tháng 12, 2026" for a "YYYY-MM-DD" calendar day. */
  day(dateKey: string): string;
}

export function dateTimeFormatter(locale: Locale, timeZone: string): DateTimeFormatter {
  // en-GB on screens: day before month, as Vietnamese readers of the English portal expect.
  const tag = locale === 'VI' ? 'vi-VN' : 'en-GB';
  const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone, ...options });
  const dayFormat = make({ weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateFormat = make({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const timeFormat = make({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Calendar days and months are zone-free labels: format them as UTC dates.
  const monthFormat = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const longDayFormat = new Intl.DateTimeFormat(tag, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const weekdayShort = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'short' });
  const weekdayLong = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long' });

  const toDate = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);
  const offset = (at: Date | string) => utcOffsetLabel(timeZone, toDate(at)) ?? timeZone;

  return {
    locale,
    timeZone,
    dateTime: (at) => `${dayFormat.format(toDate(at))}, ${timeFormat.format(toDate(at))} (${offset(at)})`,
    date: (at) => dateFormat.format(toDate(at)),
    window: (start, end) => {
      const from = toDate(start);
      const to = toDate(end);
      const sameDay = localDateKey(from, timeZone) === localDateKey(to, timeZone);
      const tail = sameDay ? timeFormat.format(to) : `${dayFormat.format(to)}, ${timeFormat.format(to)}`;
      return `${dayFormat.format(from)}, ${timeFormat.format(from)} – ${tail} (${offset(from)})`;
    },
    offset,
    month: (month) => monthFormat.format(new Date(`${month}-01T00:00:00Z`)),
    weekdays: () =>
      // 2024-01-01 was a Monday.
      Array.from({ length: 7 }, (_, i) => {
        const day = new Date(Date.UTC(2024, 0, 1 + i));
        return { short: weekdayShort.format(day), long: weekdayLong.format(day) };
      }),
    day: (dateKey) => longDayFormat.format(new Date(`${dateKey}T00:00:00Z`)),
  };
}
