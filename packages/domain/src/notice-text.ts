import type { Locale, NoticeStage, UpgradeKind } from './enums.ts';
import { insideQuietHours } from './notice-policy.ts';
import { noticeStageName } from './notice-stage-names.ts';
import type { NoticeCatalog, NoticeContact, RenderedNotice } from './notice-templates/catalog.ts';
import { en } from './notice-templates/en.ts';
import { vi } from './notice-templates/vi.ts';
import { formatLocalDateTime, formatLocalWindow } from './time-zone.ts';

export type { NoticeContact, RenderedNotice } from './notice-templates/catalog.ts';

export const NOTICE_CATALOGS: Readonly<Record<Locale, NoticeCatalog>> = { VI: vi, EN: en };

export interface NoticeUpgrade {
  title: string;
  kind: UpgradeKind;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  /** Module names already in the notice's locale (Module.nameVi or nameEn). */
  modules: readonly string[];
  /** The summary and what changes, already in the notice's locale (see contentIn). */
  summary?: string;
  changes?: string | null;
  targetVersion?: string | null;
}

export interface RenderNoticeInput {
  stage: NoticeStage;
  locale: Locale;
  /** The customer's IANA time zone: every time in the text is written in it. */
  timeZone: string;
  upgrade: NoticeUpgrade;
  /** RESCHEDULED: where the window started before it moved. */
  previousWindowStart?: Date;
  /** RESCHEDULED: where the window ended before it moved (optional; the start alone is shown without it). */
  previousWindowEnd?: Date;
  /** RESCHEDULED, CANCELLED, FAILED: the staff's reason, shown as given. */
  reason?: string;
  /** When the notice requires an acknowledgement: its deadline, shown to the customer. */
  acknowledgeBy?: Date;
  /** The policy's quiet hours (local hours; default 18:00-06:00): the working-hours sentence needs the window inside them. */
  quietHours?: { start: number; end: number };
  /** FIX: the customer's installed modules the fix is for (names in the notice's locale) and their versions. */
  customerModules?: readonly { name: string; version: string }[];
  /** The closing contact block (vendor and account team); the notice pipeline always gives it. */
  contact?: NoticeContact;
}

/** The title and body of one notice, in the customer's locale and time zone. */
export function renderNotice(input: RenderNoticeInput): RenderedNotice {
  const { upgrade, timeZone, locale } = input;
  const at = (instant: Date): string => formatLocalDateTime(instant, timeZone, locale);
  const reason = input.reason?.trim();
  let previousWindow: string | undefined;
  if (input.previousWindowStart) {
    previousWindow = input.previousWindowEnd
      ? formatLocalWindow(input.previousWindowStart, input.previousWindowEnd, timeZone, locale)
      : at(input.previousWindowStart);
  }
  return NOTICE_CATALOGS[locale][input.stage]({
    title: upgrade.title,
    kind: upgrade.kind,
    window: formatLocalWindow(upgrade.windowStart, upgrade.windowEnd, timeZone, locale),
    start: at(upgrade.windowStart),
    end: at(upgrade.windowEnd),
    previousWindow,
    acknowledgeBy: input.acknowledgeBy ? at(input.acknowledgeBy) : undefined,
    reason: reason ? reason : undefined,
    expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
    requiresRelogin: upgrade.requiresRelogin,
    modules: upgrade.modules,
    summary: upgrade.summary?.trim() || undefined,
    changes: upgrade.changes?.trim() || undefined,
    stageName: noticeStageName(locale, input.stage, upgrade.kind),
    outsideWorkingHours: insideQuietHours(
      upgrade.windowStart,
      upgrade.windowEnd,
      timeZone,
      input.quietHours?.start,
      input.quietHours?.end,
    ),
    targetVersion: upgrade.targetVersion ?? undefined,
    customerModules: input.customerModules,
    contact: input.contact,
  });
}
