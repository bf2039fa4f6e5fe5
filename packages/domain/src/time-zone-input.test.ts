import { describe, expect, it } from 'vitest';
import {
  fromLocalInputValue,
  isMonthKey,
  localDateKey,
  localMonthKey,
  monthBounds,
  monthGrid,
  shiftMonthKey,
  toLocalInputValue,
  utcOffsetLabel,
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
