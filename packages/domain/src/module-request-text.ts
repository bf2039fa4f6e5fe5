import type { Locale } from './enums.ts';
import type {
  ModuleRequestCatalog,
  ModuleRequestEmailText,
  ModuleRequestActivityText,
} from './module-request-templates/catalog.ts';
import { en } from './module-request-templates/en.ts';
import { vi } from './module-request-templates/vi.ts';
import type { ModuleRequestKind, ModuleRequestStage } from './module-request-stages.ts';
import { formatLocalDateTime, localDateTimeParts } from './time-zone.ts';

export const MODULE_REQUEST_CATALOGS: Readonly<Record<Locale, ModuleRequestCatalog>> = { VI: vi, EN: en };

export interface StageChangeNews {
  locale: Locale;
  /** The customer's IANA time zone: every time in the text is written in it. */
  timeZone: string;
  title: string;
  kind: ModuleRequestKind;
  /** The module's name in `locale` (Module.nameVi or nameEn), when the request names one. */
  module?: string | null;
  stage: ModuleRequestStage;
  at: Date;
  /** The name of who moved the request. */
  by?: string | null;
  note?: string | null;
  /** Names, in `locale`, of required modules the customer lacks. */
  missingPrerequisites?: readonly string[];
  deliveredVersion?: string | null;
  warrantyEndsAt?: Date | null;
}

/** What a customer is told about one step of its request: the in-app entry and the email, in its locale and time zone. */
export function renderStageChange(news: StageChangeNews): {
  activity: ModuleRequestActivityText;
  email: ModuleRequestEmailText;
} {
  const catalog = MODULE_REQUEST_CATALOGS[news.locale];
  const context = {
    title: news.title,
    kind: news.kind,
    module: news.module ?? undefined,
    stage: news.stage,
    by: news.by ?? undefined,
    at: formatLocalDateTime(news.at, news.timeZone, news.locale),
    note: news.note ?? undefined,
    missingPrerequisites: news.missingPrerequisites,
    deliveredVersion: news.deliveredVersion ?? undefined,
    warrantyEndsOn: news.warrantyEndsAt
      ? localDateTimeParts(news.warrantyEndsAt, news.timeZone, news.locale).date
      : undefined,
  };
  return { activity: catalog.stageChanged(context), email: catalog.stageChangedEmail(context) };
}
