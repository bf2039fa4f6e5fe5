import type { PrismaClient } from '@upgrade-desk/db';
import { customerWindow } from '@upgrade-desk/domain';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { upgradesAnnouncedTo } from '../auth/visibility.ts';
import { CALENDAR_CATALOGS } from './catalog/index.ts';
import { readerZoneProperties, upgradeEvent } from './upgrade-event.ts';

/** Calendar apps poll the feed; this asks them to do so hourly. */
const REFRESH_SECONDS = 3600;

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
      // The customer's own window, where staff moved it for this customer alone.
      targets: { where: { customerId: customer.id }, select: { windowStart: true, windowEnd: true } },
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
    x: readerZoneProperties(timeZone),
  });
  for (const { targets, ...upgrade } of upgrades) {
    calendar.createEvent(
      upgradeEvent(
        {
          ...upgrade,
          ...customerWindow(upgrade, targets[0]),
          moduleNames: upgrade.modules.map(({ module }) => (locale === 'VI' ? module.nameVi : module.nameEn)),
        },
        { locale, timeZone },
      ),
    );
  }
  return calendar.toString();
}
