import type { PrismaClient } from '@upgrade-desk/db';
import { formatLocalWindow } from '@upgrade-desk/domain';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { upgradesAnnouncedTo } from '../auth/visibility.ts';
import { CALENDAR_CATALOGS } from './catalog/index.ts';

/** Calendar apps poll the feed; this asks them to do so hourly. */
const REFRESH_SECONDS = 3600;

/** The UID a calendar app keys the event on: never changes for an upgrade, so updates replace it. */
export function upgradeEventUid(upgradeId: string): string {
  return `upgrade-${upgradeId}@upgrade-desk`;
}

/**
 * The ICS feed of the customer whose calendar token this is, or null for an unknown token. It lists
 * exactly the upgrades the customer's own users see in the API (auth/visibility.ts).
 */
export async function renderCalendarFeed(prisma: PrismaClient, token: string): Promise<string | null> {
  const customer = await prisma.customer.findUnique({
    where: { calendarToken: token },
    select: { id: true, name: true, timeZone: true, locale: true },
  });
  if (!customer) return null;

  const upgrades = await prisma.upgrade.findMany({
    where: upgradesAnnouncedTo(customer.id),
    select: {
      id: true,
      title: true,
      summary: true,
      status: true,
      windowStart: true,
      windowEnd: true,
      expectedDowntimeMinutes: true,
      requiresRelogin: true,
      sequence: true,
      updatedAt: true,
      modules: {
        select: { module: { select: { nameVi: true, nameEn: true } } },
        orderBy: { module: { sortOrder: 'asc' } },
      },
    },
    orderBy: [{ windowStart: 'asc' }, { id: 'asc' }],
  });

  const { locale, timeZone } = customer;
  const texts = CALENDAR_CATALOGS[locale];
  const calendar = ical({
    name: texts.calendarName(customer.name),
    description: texts.calendarDescription(customer.name),
    prodId: { company: 'Upgrade Desk', product: 'Maintenance calendar', language: locale },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    // Only a display hint: every time below is written in UTC ("Z"), which no client can misread.
    // (ical-generator's own `timezone` option would write UTC clock times as local ones without a
    // VTIMEZONE generator.)
    x: { 'X-WR-TIMEZONE': timeZone },
  });
  for (const upgrade of upgrades) {
    const cancelled = upgrade.status === 'CANCELLED';
    calendar.createEvent({
      id: upgradeEventUid(upgrade.id),
      sequence: upgrade.sequence,
      // DTSTAMP from the row, not the clock: an unchanged upgrade reads the same on every poll.
      stamp: upgrade.updatedAt,
      lastModified: upgrade.updatedAt,
      start: upgrade.windowStart,
      end: upgrade.windowEnd,
      summary: upgrade.title,
      description: texts.eventDescription({
        summary: upgrade.summary,
        window: formatLocalWindow(upgrade.windowStart, upgrade.windowEnd, timeZone, locale),
        expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
        requiresRelogin: upgrade.requiresRelogin,
        modules: upgrade.modules.map(({ module }) => (locale === 'VI' ? module.nameVi : module.nameEn)),
        cancelled,
      }),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
