import { NOTICE_STAGE_NAMES } from '@upgrade-desk/domain';
import { lines, paragraphs, type CalendarCatalog } from './catalog.ts';

// English calendar texts; wording matches the notice templates in packages/domain.

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

/** The stage name from the one catalog the portal and the notices share, set in capitals as a marker. */
const CANCELLED = NOTICE_STAGE_NAMES.EN.CANCELLED.toLocaleUpperCase('en');

export const en: CalendarCatalog = {
  calendarName: (customerName) => `Upgrades and maintenance – ${customerName}`,
  calendarDescription: (customerName) => `Software upgrades and maintenance announced to ${customerName}.`,
  eventDescription: (c) =>
    paragraphs(
      lines(c.cancelled && `${CANCELLED}: this upgrade will not take place.`, c.summary),
      lines(
        `Window: ${c.window}`,
        c.modules.length > 0 && `Modules concerned: ${c.modules.join(', ')}.`,
        c.expectedDowntimeMinutes > 0
          ? `Expected downtime: about ${duration(c.expectedDowntimeMinutes)}.`
          : 'Expected downtime: negligible.',
        c.requiresRelogin ? 'Users will need to sign in again after the upgrade.' : 'No new sign-in needed.',
      ),
    ),
};
