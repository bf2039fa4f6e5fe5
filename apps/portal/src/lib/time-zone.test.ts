import { describe, expect, it } from 'vitest';
import { utcOffsetLabel } from './time-zone';

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
