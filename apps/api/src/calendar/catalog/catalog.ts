/** What an event's description is written from: times already in the customer's zone and locale. */
export interface CalendarEventContext {
  /** The upgrade's summary, as staff wrote it. */
  summary: string;
  /** The window in the customer's time zone, e.g. `Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)`. */
  window: string;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  /** Module names in the customer's locale. */
  modules: readonly string[];
  cancelled: boolean;
}

/** One locale's texts for the calendar feed. */
export interface CalendarCatalog {
  calendarName(customerName: string): string;
  calendarDescription(customerName: string): string;
  eventDescription(context: CalendarEventContext): string;
}

const present = (item: string | false | undefined): item is string => typeof item === 'string' && item.length > 0;

/** Lines of one paragraph; absent ones are skipped. */
export function lines(...items: ReadonlyArray<string | false | undefined>): string {
  return items.filter(present).join('\n');
}

/** Paragraphs separated by a blank line; empty ones are skipped. */
export function paragraphs(...blocks: readonly string[]): string {
  return blocks.filter(present).join('\n\n');
}
