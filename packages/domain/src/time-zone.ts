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
