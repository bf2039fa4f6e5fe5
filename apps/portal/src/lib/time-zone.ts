/** The zone of customers that do not say otherwise, and of the vendor staff's screens. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * "UTC+07:00" for Asia/Ho_Chi_Minh: the zone's offset at `at`, which differs
 * across the year in zones with daylight saving. null for an unknown zone name.
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

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, at: Date): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `at` (negative west of Greenwich). */
function zoneOffsetMs(timeZone: string, at: Date): number {
  const w = wallClock(timeZone, at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-01" for the calendar day `at` falls on in `timeZone`. */
export function localDateKey(at: Date | string, timeZone: string): string {
  const w = wallClock(timeZone, new Date(at));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The value of an `<input type="datetime-local">` ("2026-12-01T18:30") showing `at` in `timeZone`. */
export function toLocalInputValue(at: Date | string, timeZone: string): string {
  const w = wallClock(timeZone, new Date(at));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant a wall-clock time in `timeZone` denotes: "2026-12-01T18:30" (or a date alone, as
 * midnight) typed by a user of that zone. null for text that is not such a time. A time that a
 * daylight-saving change skips is moved forward by the change; one it repeats is the earlier.
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
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null;
  try {
    // The zone's offsets a day either side cover any change near this time; keep the readings
    // that show the typed wall clock, the earlier one in an overlap.
    const day = 24 * 60 * 60 * 1000;
    const offsets = [zoneOffsetMs(timeZone, new Date(asUtc - day)), zoneOffsetMs(timeZone, new Date(asUtc + day))];
    const readings = offsets.map((offset) => asUtc - offset).sort((a, b) => a - b);
    const exact = readings.find((instant) => toLocalInputValue(new Date(instant), timeZone) === wallText(match));
    // In a gap no reading fits: move forward by the change, as clocks do (02:30 becomes 03:30).
    return new Date(exact ?? asUtc - offsets[0]!);
  } catch {
    return null;
  }
}

function wallText(match: RegExpExecArray): string {
  return `${match[1]}-${match[2]}-${match[3]}T${match[4] ?? '00'}:${match[5] ?? '00'}`;
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
