import { describe, expect, it } from 'vitest';
import { upgradeInvitation } from './invitation.ts';
import type { CalendarUpgrade } from './upgrade-event.ts';

const UPGRADE: CalendarUpgrade = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  title: 'Payroll 2027',
  summary: 'New tax tables.',
  status: 'SCHEDULED',
  // 19:00-21:00 in Berlin on a summer evening (CEST, UTC+2).
  windowStart: new Date('2027-07-02T17:00:00Z'),
  windowEnd: new Date('2027-07-02T19:00:00Z'),
  expectedDowntimeMinutes: 30,
  requiresRelogin: true,
  sequence: 3,
  updatedAt: new Date('2027-06-01T08:00:00Z'),
  moduleNames: ['HR and payroll'],
};
const PARTIES = { organizer: { email: 'no-reply@upgrade-desk.example' }, attendee: 'hr@kessler.example' };

/** The unfolded content lines of an iCalendar object. */
const linesOf = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('upgradeInvitation', () => {
  it('is a REQUEST in UTC that names the reader’s zone and gives the local time in the description', () => {
    const { method, content } = upgradeInvitation(UPGRADE, { locale: 'EN', timeZone: 'Europe/Berlin' }, PARTIES);
    expect(method).toBe('REQUEST');
    const lines = linesOf(content);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Berlin');
    expect(lines).toContain('DTSTART:20270702T170000Z');
    expect(lines).toContain('DTEND:20270702T190000Z');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain(`UID:upgrade-${UPGRADE.id}@upgrade-desk`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/19:00.*21:00 \(GMT\+2\)/);
    expect(lines.find((l) => l.startsWith('ORGANIZER'))).toBe(
      'ORGANIZER;CN="Upgrade Desk":mailto:no-reply@upgrade-desk.example',
    );
    expect(lines.find((l) => l.startsWith('ATTENDEE'))).toMatch(/RSVP=FALSE.*:mailto:hr@kessler\.example$/i);
    expect(lines.some((l) => l.startsWith('BEGIN:VTIMEZONE'))).toBe(false);
  });

  it('is a CANCEL of the same event once the upgrade is cancelled', () => {
    const { method, content } = upgradeInvitation(
      { ...UPGRADE, status: 'CANCELLED', sequence: 4 },
      { locale: 'VI', timeZone: 'Asia/Ho_Chi_Minh' },
      PARTIES,
    );
    expect(method).toBe('CANCEL');
    const lines = linesOf(content);
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:4');
    expect(lines).toContain(`UID:upgrade-${UPGRADE.id}@upgrade-desk`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:ĐÃ HỦY/);
  });
});
