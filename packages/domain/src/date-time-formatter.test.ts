import { describe, expect, it } from 'vitest';
import { dateTimeFormatter } from './time-zone.ts';

describe('dateTimeFormatter', () => {
  const vi = dateTimeFormatter('VI', 'Asia/Ho_Chi_Minh');
  const en = dateTimeFormatter('EN', 'Asia/Ho_Chi_Minh');

  it("shows instants in the customer's zone with the offset", () => {
    expect(vi.dateTime('2026-11-30T15:30:00Z')).toBe('Thứ 2, 30/11/2026, 22:30 (UTC+07:00)');
    expect(en.dateTime('2026-11-30T15:30:00Z')).toBe('Mon, 30/11/2026, 22:30 (UTC+07:00)');
  });

  it('shows a window on one day with one date, across midnight with two', () => {
    expect(en.window('2026-11-30T15:30:00Z', '2026-11-30T16:30:00Z')).toBe(
      'Mon, 30/11/2026, 22:30 – 23:30 (UTC+07:00)',
    );
    expect(en.window('2026-11-30T15:30:00Z', '2026-11-30T18:00:00Z')).toBe(
      'Mon, 30/11/2026, 22:30 – Tue, 01/12/2026, 01:00 (UTC+07:00)',
    );
  });

  it('follows daylight saving in zones that have it', () => {
    const berlin = dateTimeFormatter('EN', 'Europe/Berlin');
    expect(berlin.dateTime('2026-01-15T12:00:00Z')).toContain('13:00 (UTC+01:00)');
    expect(berlin.dateTime('2026-07-15T12:00:00Z')).toContain('14:00 (UTC+02:00)');
  });

  it('names months and weekdays in the language', () => {
    expect(en.month('2026-12')).toBe('December 2026');
    expect(vi.month('2026-12')).toBe('tháng 12 năm 2026');
    expect(en.weekdays()[0]).toEqual({ short: 'Mon', long: 'Monday' });
    expect(en.weekdays()[6]?.long).toBe('Sunday');
    expect(en.day('2026-12-01')).toBe('Tuesday, 1 December 2026');
  });
});
