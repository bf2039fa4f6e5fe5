import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import { readerZoneProperties, upgradeEvent, type CalendarReader, type CalendarUpgrade } from './upgrade-event.ts';

// A maintenance window as a calendar invitation (iTIP, RFC 5546) for the text/calendar part of a
// notice email. Mail clients (Outlook, Gmail, Thunderbird) add a REQUEST to the reader's calendar,
// replace the event when the same UID comes again with a higher SEQUENCE, and remove it on a CANCEL.

export type InvitationMethod = 'REQUEST' | 'CANCEL';

export interface UpgradeInvitation {
  method: InvitationMethod;
  /** The iCalendar object, CRLF line ends. */
  content: string;
}

export interface InvitationParties {
  /** Whom replies would go to: the notice emails' sender (iTIP wants one; Outlook shows it). */
  organizer?: { name?: string; email: string } | undefined;
  /** The reader of this copy. */
  attendee: string;
}

/**
 * The invitation for the upgrade as it stands now: a cancelled upgrade is a CANCEL, anything else a
 * REQUEST. Read from the upgrade at sending time, so a late retry of an older notice never puts
 * back a window that has moved or been cancelled since.
 */
export function upgradeInvitation(
  upgrade: CalendarUpgrade,
  reader: CalendarReader,
  parties: InvitationParties,
): UpgradeInvitation {
  const method = upgrade.status === 'CANCELLED' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({
    prodId: { company: 'Upgrade Desk', product: 'Maintenance calendar', language: reader.locale },
    method,
    x: readerZoneProperties(reader.timeZone),
  });
  calendar.createEvent({
    ...upgradeEvent(upgrade, reader),
    ...(parties.organizer
      ? { organizer: { name: parties.organizer.name ?? 'Upgrade Desk', email: parties.organizer.email } }
      : {}),
    // RSVP=FALSE: the window is the vendor's to set; an answer would go to a no-reply address.
    attendees: [
      {
        email: parties.attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return { method, content: calendar.toString() };
}
