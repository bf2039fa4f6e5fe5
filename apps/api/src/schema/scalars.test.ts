import { describe, expect, it } from 'vitest';
import { parseCalendarDate, parseDateTime } from './scalars.ts';

describe('DateTime', () => {
  it('accepts RFC 3339 instants with an offset', () => {
    expect(parseDateTime('2026-12-20T19:00:00+07:00').toISOString()).toBe('2026-12-20T12:00:00.000Z');
    expect(parseDateTime('2026-12-20T12:00:00.5Z').toISOString()).toBe('2026-12-20T12:00:00.500Z');
  });

  it.each(['2026-12-20T19:00:00', '2026-12-20', 'tomorrow', '2026-13-40T99:00:00Z', 42, null])(
    'refuses %j',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(/RFC 3339|valid instant/);
    },
  );
});

describe('Date', () => {
  it('accepts calendar dates and refuses impossible ones', () => {
    expect(parseCalendarDate('2026-12-31').toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(() => parseCalendarDate('2026-02-30')).toThrow(/calendar date/);
    expect(() => parseCalendarDate('31/12/2026')).toThrow(/calendar date/);
  });
});
