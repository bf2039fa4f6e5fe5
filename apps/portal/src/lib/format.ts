// Dates and times as the portal shows them: always in the customer's time zone, with the zone's
// UTC offset at that instant beside every time (it changes with daylight saving where there is
// some). Pure: no `$app` imports, tested from the root vitest config.
import type { Locale } from './api-types';
import { htmlLang } from './i18n/locale';
import { localDateKey, utcOffsetLabel } from './time-zone';

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

function bcp47(locale: Locale): string {
  return htmlLang(locale) === 'vi' ? 'vi-VN' : 'en-GB';
}

export function dateTimeFormatter(locale: Locale, timeZone: string): DateTimeFormatter {
  const tag = bcp47(locale);
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
