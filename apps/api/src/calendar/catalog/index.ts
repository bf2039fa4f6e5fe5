import type { Locale } from '@upgrade-desk/db';
import type { CalendarCatalog } from './catalog.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type { CalendarCatalog, CalendarEventContext } from './catalog.ts';

/** The calendar feed's texts, one module per locale (as the notice templates are). */
export const CALENDAR_CATALOGS: Readonly<Record<Locale, CalendarCatalog>> = { VI: vi, EN: en };
