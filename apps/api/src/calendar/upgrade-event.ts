import type { Locale, UpgradeStatus } from '@upgrade-desk/db';
import { formatLocalWindow } from '@upgrade-desk/domain';
import { ICalEventStatus, type ICalEventData } from 'ical-generator';
import { CALENDAR_CATALOGS } from './catalog/index.ts';

// One upgrade's maintenance window as a calendar event, the same in the customer's subscribed feed
// (./feed.ts) and in the invitations attached to notice emails (./invitation.ts): same UID, same
// SEQUENCE, same texts, so a calendar app that has both sees one event.

/** What an upgrade's event is written from. */
export interface CalendarUpgrade {
  id: string;
  title: string;
  summary: string;
  status: UpgradeStatus;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  /** Grows with every change of the window (and on cancellation): the event's SEQUENCE. */
  sequence: number;
  updatedAt: Date;
  /** Module names, already in the customer's locale. */
  moduleNames: readonly string[];
}

/** The reader's side: the customer's language and time zone. */
export interface CalendarReader {
  locale: Locale;
  timeZone: string;
}

/**
 * The UID a calendar app keys the event on: never changes for an upgrade, so updates replace it.
 * It names the upgrade only: a customer's calendar holds that customer's events alone, and vendor
 * staff who receive the copies of several customers see one event per window, not one per customer.
 */
export function upgradeEventUid(upgradeId: string): string {
  return `upgrade-${upgradeId}@upgrade-desk`;
}

/** The event of one upgrade, in the reader's language; every time in UTC. */
export function upgradeEvent(upgrade: CalendarUpgrade, { locale, timeZone }: CalendarReader): ICalEventData {
  const cancelled = upgrade.status === 'CANCELLED';
  return {
    id: upgradeEventUid(upgrade.id),
    sequence: upgrade.sequence,
    // DTSTAMP from the row, not the clock: an unchanged upgrade reads the same every time.
    stamp: upgrade.updatedAt,
    lastModified: upgrade.updatedAt,
    start: upgrade.windowStart,
    end: upgrade.windowEnd,
    summary: upgrade.title,
    description: CALENDAR_CATALOGS[locale].eventDescription({
      summary: upgrade.summary,
      window: formatLocalWindow(upgrade.windowStart, upgrade.windowEnd, timeZone, locale),
      expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
      requiresRelogin: upgrade.requiresRelogin,
      modules: upgrade.moduleNames,
      cancelled,
    }),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/**
 * Calendar-wide properties naming the reader's zone. Only a display hint: every time is written in
 * UTC ("Z"), which no client can misread. (ical-generator's own `timezone` option would write UTC
 * clock times as local ones without a VTIMEZONE generator.)
 */
export function readerZoneProperties(timeZone: string): Record<string, string> {
  return { 'X-WR-TIMEZONE': timeZone };
}
