import { describe, expect, it } from 'vitest';
import {
  daysBounds,
  fromLocalInputValue,
  isDateKey,
  isMonthKey,
  localDateKey,
  localMonthKey,
  monthBounds,
  monthGrid,
  shiftDateKey,
  shiftMonthKey,
  toLocalInputValue,
  utcOffsetLabel,
  weekOf,
} from './time-zone.ts';

describe('utcOffsetLabel', () => {
  it('labels Vietnam, which has no daylight saving', () => {
    expect(utcOffsetLabel('Asia/Ho_Chi_Minh', new Date('2026-01-15T00:00:00Z'))).toBe('UTC+07:00');
    expect(utcOffsetLabel('Asia/Ho_Chi_Minh', new Date('2026-07-15T00:00:00Z'))).toBe('UTC+07:00');
  });

  it('follows daylight saving where there is some', () => {
    expect(utcOffsetLabel('Europe/Berlin', new Date('2026-01-15T00:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffsetLabel('Europe/Berlin', new Date('2026-07-15T00:00:00Z'))).toBe('UTC+02:00');
  });

  it('labels UTC and refuses unknown zones', () => {
    expect(utcOffsetLabel('UTC', new Date())).toBe('UTC+00:00');
    expect(utcOffsetLabel('Mars/Olympus', new Date())).toBeNull();
  });
});

describe('local wall-clock times', () => {
  it('reads a datetime-local value in the customer zone', () => {
    expect(fromLocalInputValue('2026-12-01T18:30', 'Asia/Ho_Chi_Minh')?.toISOString()).toBe('2026-12-01T11:30:00.000Z');
    expect(fromLocalInputValue('2026-12-01', 'Asia/Ho_Chi_Minh')?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('follows daylight saving, including its gap and overlap', () => {
    expect(fromLocalInputValue('2026-07-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalInputValue('2026-01-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
    // 29 March 2026, 02:30 does not exist in Berlin; 25 October 2026, 02:30 happens twice.
    expect(fromLocalInputValue('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInputValue('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'tomorrow', '2026-13-01T00:00', '2026-02-30T10:00', '2026-12-01T24:00']) {
      expect(fromLocalInputValue(bad, 'Asia/Ho_Chi_Minh'), bad).toBeNull();
    }
    expect(fromLocalInputValue('2026-12-01T10:00', 'Mars/Olympus')).toBeNull();
  });

  it('round-trips with toLocalInputValue', () => {
    const at = new Date('2026-12-20T12:00:00Z');
    expect(toLocalInputValue(at, 'Asia/Ho_Chi_Minh')).toBe('2026-12-20T19:00');
    expect(fromLocalInputValue(toLocalInputValue(at, 'America/New_York'), 'America/New_York')).toEqual(at);
  });

  it('puts an instant on the calendar day of the zone', () => {
    expect(localDateKey('2026-11-30T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01');
    expect(localDateKey('2026-11-30T17:30:00Z', 'UTC')).toBe('2026-11-30');
    expect(localMonthKey('2026-11-30T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12');
  });
});

describe('months', () => {
  it('shifts month keys across years', () => {
    expect(shiftMonthKey('2026-12', 1)).toBe('2027-01');
    expect(shiftMonthKey('2026-01', -1)).toBe('2025-12');
    expect(isMonthKey('2026-12')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey(null)).toBe(false);
  });

  it('bounds a month in the zone', () => {
    const { start, end } = monthBounds('2026-12', 'Asia/Ho_Chi_Minh');
    expect(start.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('lays out weeks from Monday', () => {
    const weeks = monthGrid('2026-12'); // 1 December 2026 is a Tuesday
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
});

describe('days and weeks', () => {
  it('recognises real calendar days only', () => {
    expect(isDateKey('2026-12-07')).toBe(true);
    expect(isDateKey('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-7', '2026-12', '', null])
      expect(isDateKey(bad)).toBe(false);
  });

  it('shifts days across months and years', () => {
    expect(shiftDateKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDateKey('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDateKey('2026-12-07', 7)).toBe('2026-12-14');
  });

  it('gives the Monday-first week holding a day, across a month end', () => {
    // 7 December 2026 is a Monday; 3 January 2027 a Sunday.
    expect(weekOf('2026-12-07')).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(weekOf('2027-01-03')[0]).toBe('2026-12-28');
    expect(weekOf('2027-01-03')[6]).toBe('2027-01-03');
  });

  it("bounds days at the zone's midnights, even on the day the clocks change", () => {
    const vn = daysBounds('2026-12-07', '2026-12-13', 'Asia/Ho_Chi_Minh');
    expect(vn.start.toISOString()).toBe('2026-12-06T17:00:00.000Z');
    expect(vn.end.toISOString()).toBe('2026-12-13T17:00:00.000Z');
    // New York springs forward on 8 March 2026: that day lasts 23 hours.
    const ny = daysBounds('2026-03-08', '2026-03-08', 'America/New_York');
    expect(ny.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(ny.end.getTime() - ny.start.getTime()).toBe(23 * 3_600_000);
  });
});
