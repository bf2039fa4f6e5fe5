import { describe, expect, it } from 'vitest';
import {
  formatLocalDateTime,
  formatLocalTime,
  formatLocalWindow,
  fromLocalClock,
  isValidTimeZone,
  toLocalClock,
} from './time-zone.ts';

const HCM = 'Asia/Ho_Chi_Minh';

describe('formatLocalDateTime', () => {
  it.each([
    ['2026-12-19T12:00:00Z', HCM, 'VI', 'Thứ Bảy, 19/12/2026 19:00 (GMT+7)'],
    ['2026-12-19T12:00:00Z', HCM, 'EN', 'Saturday, 19 Dec 2026 19:00 (GMT+7)'],
    // Single-digit day and month: VI pads (dd/mm/yyyy), EN does not.
    ['2027-01-05T01:00:00Z', HCM, 'VI', 'Thứ Ba, 05/01/2027 08:00 (GMT+7)'],
    ['2027-01-05T01:00:00Z', HCM, 'EN', 'Tuesday, 5 Jan 2027 08:00 (GMT+7)'],
    // Midnight is 00:00, never 24:00, and belongs to the next local day.
    ['2026-12-19T17:00:00Z', HCM, 'VI', 'Chủ Nhật, 20/12/2026 00:00 (GMT+7)'],
    ['2026-12-19T17:00:00Z', HCM, 'EN', 'Sunday, 20 Dec 2026 00:00 (GMT+7)'],
    // September is "Sep", not en-GB's "Sept".
    ['2026-09-02T13:30:00Z', HCM, 'EN', 'Wednesday, 2 Sep 2026 20:30 (GMT+7)'],
    ['2026-09-02T13:30:00Z', HCM, 'VI', 'Thứ Tư, 02/09/2026 20:30 (GMT+7)'],
    ['2026-06-11T09:15:00Z', HCM, 'VI', 'Thứ Năm, 11/06/2026 16:15 (GMT+7)'],
    ['2026-06-12T09:15:00Z', HCM, 'VI', 'Thứ Sáu, 12/06/2026 16:15 (GMT+7)'],
    ['2026-06-08T09:15:00Z', HCM, 'VI', 'Thứ Hai, 08/06/2026 16:15 (GMT+7)'],
    // Half-hour offsets and UTC itself.
    ['2026-12-19T12:00:00Z', 'Asia/Kolkata', 'EN', 'Saturday, 19 Dec 2026 17:30 (GMT+5:30)'],
    ['2026-12-19T12:00:00Z', 'UTC', 'EN', 'Saturday, 19 Dec 2026 12:00 (GMT+0)'],
  ] as const)('%s in %s (%s) is %s', (instant, zone, locale, expected) => {
    expect(formatLocalDateTime(new Date(instant), zone, locale)).toBe(expected);
  });

  describe('Europe/Berlin across the daylight-saving switches', () => {
    // Spring 2026: clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC on Sunday 29 March.
    it('is GMT+1 just before the spring switch', () => {
      expect(formatLocalDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Sunday, 29 Mar 2026 01:30 (GMT+1)',
      );
      expect(formatLocalDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', 'VI')).toBe(
        'Chủ Nhật, 29/03/2026 01:30 (GMT+1)',
      );
    });
    it('is GMT+2 just after the spring switch, skipping 02:xx', () => {
      expect(formatLocalDateTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Sunday, 29 Mar 2026 03:30 (GMT+2)',
      );
    });
    // Autumn 2026: 03:00 CEST back to 02:00 CET at 01:00 UTC on Sunday 25 October, so 02:30
    // happens twice and only the offset tells the two apart.
    it('tells the repeated autumn hour apart by its offset', () => {
      expect(formatLocalDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Sunday, 25 Oct 2026 02:30 (GMT+2)',
      );
      expect(formatLocalDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Sunday, 25 Oct 2026 02:30 (GMT+1)',
      );
    });
    it('puts a winter 19:00 upgrade at 18:00 UTC and a summer one at 17:00 UTC', () => {
      expect(formatLocalDateTime(new Date('2026-01-15T18:00:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Thursday, 15 Jan 2026 19:00 (GMT+1)',
      );
      expect(formatLocalDateTime(new Date('2026-07-16T17:00:00Z'), 'Europe/Berlin', 'EN')).toBe(
        'Thursday, 16 Jul 2026 19:00 (GMT+2)',
      );
    });
  });
});

describe('formatLocalTime', () => {
  it('gives the 24-hour wall-clock time in the zone', () => {
    expect(formatLocalTime(new Date('2026-12-19T15:00:00Z'), HCM)).toBe('22:00');
    expect(formatLocalTime(new Date('2026-12-19T17:05:00Z'), HCM)).toBe('00:05');
    expect(formatLocalTime(new Date('2026-07-16T17:00:00Z'), 'Europe/Berlin')).toBe('19:00');
  });
});

describe('formatLocalWindow', () => {
  it('writes the date once for a window within one local day', () => {
    const start = new Date('2026-12-19T12:00:00Z');
    const end = new Date('2026-12-19T15:00:00Z');
    expect(formatLocalWindow(start, end, HCM, 'VI')).toBe('Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)');
    expect(formatLocalWindow(start, end, HCM, 'EN')).toBe('Saturday, 19 Dec 2026 19:00 – 22:00 (GMT+7)');
  });
  it('writes both ends in full across midnight', () => {
    expect(formatLocalWindow(new Date('2026-12-19T16:00:00Z'), new Date('2026-12-19T18:00:00Z'), HCM, 'VI')).toBe(
      'Thứ Bảy, 19/12/2026 23:00 (GMT+7) – Chủ Nhật, 20/12/2026 01:00 (GMT+7)',
    );
  });
  it('writes both ends in full across a daylight-saving switch', () => {
    expect(
      formatLocalWindow(new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T02:00:00Z'), 'Europe/Berlin', 'EN'),
    ).toBe('Sunday, 29 Mar 2026 01:00 (GMT+1) – Sunday, 29 Mar 2026 04:00 (GMT+2)');
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['', 'Mars/Olympus_Mons', 'Asia/Hanoi_City', ' Asia/Ho_Chi_Minh', 'GMT+7 ', 'not a zone'])(
    'rejects %j',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    },
  );
});

describe('toLocalClock and fromLocalClock', () => {
  it('read and set a wall clock in a zone without daylight saving', () => {
    expect(toLocalClock(new Date('2026-12-19T17:30:00Z'), HCM)).toEqual({
      year: 2026,
      month: 12,
      day: 20,
      hour: 0,
      minute: 30,
    });
    expect(fromLocalClock({ year: 2026, month: 12, day: 19, hour: 19, minute: 0 }, HCM).toISOString()).toBe(
      '2026-12-19T12:00:00.000Z',
    );
  });
  it('roll out-of-range days over into the next month and year', () => {
    expect(fromLocalClock({ year: 2026, month: 12, day: 32, hour: 19, minute: 0 }, HCM).toISOString()).toBe(
      '2027-01-01T12:00:00.000Z',
    );
  });
  it.each([
    // Berlin summer and winter: 19:00 local is 17:00 and 18:00 UTC.
    [{ year: 2026, month: 7, day: 16, hour: 19, minute: 0 }, '2026-07-16T17:00:00.000Z'],
    [{ year: 2026, month: 1, day: 15, hour: 19, minute: 0 }, '2026-01-15T18:00:00.000Z'],
    // 02:30 does not exist on 29 March 2026: it lands after the gap, at 03:30 CEST.
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice on 25 October 2026: the earlier (CEST) one is chosen.
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, '2026-10-25T00:30:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, '2026-10-25T02:30:00.000Z'],
  ])('find Berlin %j at %s', (local, expected) => {
    expect(fromLocalClock(local, 'Europe/Berlin').toISOString()).toBe(expected);
  });
  it.each([
    ['spring', Date.UTC(2026, 2, 26)],
    ['autumn', Date.UTC(2026, 9, 22)],
  ])('round-trip every hour of the %s switch week in Berlin', (_season, weekStart) => {
    for (let hour = 0; hour < 7 * 24; hour += 1) {
      const instant = new Date(weekStart + hour * 60 * 60 * 1000 + 15 * 60 * 1000);
      const local = toLocalClock(instant, 'Europe/Berlin');
      const back = fromLocalClock(local, 'Europe/Berlin');
      // Only the repeated autumn hour may map back to its earlier twin.
      expect(instant.getTime() - back.getTime()).toBeGreaterThanOrEqual(0);
      expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(60 * 60 * 1000);
      expect(toLocalClock(back, 'Europe/Berlin')).toEqual(local);
    }
  });
});
