import type { NoticeStage, UpgradeKind } from '../enums.ts';

/**
 * What a template receives: every time already written in the customer's time zone and
 * locale, so a template only chooses words and never touches a clock or a zone.
 */
export interface NoticeTemplateContext {
  title: string;
  kind: UpgradeKind;
  /** The maintenance window, e.g. `Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)`. */
  window: string;
  /** The window's start, e.g. `Thứ Bảy, 19/12/2026 19:00 (GMT+7)`. */
  start: string;
  /** The window's end, written the same way. */
  end: string;
  /** RESCHEDULED: the window before it moved. */
  previousWindow?: string;
  /** Deadline for the customer's acknowledgement, when the notice needs one. */
  acknowledgeBy?: string;
  /** Why the upgrade was rescheduled, cancelled or failed (staff's words, as given). */
  reason?: string;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  /** The upgrade's summary in the notice's locale (or the other language when it has none there). */
  summary?: string;
  /** What changes for the users, in the notice's locale (or the other language). */
  changes?: string;
  /** Module names in the notice's locale. */
  modules: readonly string[];
  /** The stage's name from the one stage catalog (notice-stage-names.ts): every title starts with it. */
  stageName: string;
  /** Whether the window lies wholly in the customer's quiet hours (18:00-06:00 by default), outside working hours. */
  outsideWorkingHours: boolean;
  /** The version the upgrade brings, when staff gave one. */
  targetVersion?: string;
  /** FIX: which of the customer's own installed modules the fix is for, with the version each runs. */
  customerModules?: readonly { name: string; version: string }[];
  /** Who the customer can reach: the vendor and its own account team. Absent: no contact block. */
  contact?: NoticeContact;
}

/** The vendor's contact details (from settings) and the customer's account team, closing each notice. */
export interface NoticeContact {
  vendor: { name: string; email: string; phone: string };
  /** Vendor staff assigned to the customer: names and roles only, never their login emails. */
  accountTeam: readonly { name: string; role: 'IMPLEMENTATION' | 'CUSTOMER_CARE' }[];
}

export interface RenderedNotice {
  title: string;
  body: string;
}

export type NoticeTemplate = (context: NoticeTemplateContext) => RenderedNotice;

/** One locale's templates: a template for every stage, enforced by the type. */
export type NoticeCatalog = Readonly<Record<NoticeStage, NoticeTemplate>>;

/** Paragraphs separated by a blank line; absent ones (empty strings, undefined) are skipped. */
export function paragraphs(...blocks: ReadonlyArray<string | false | undefined>): string {
  return blocks.filter((block): block is string => typeof block === 'string' && block.length > 0).join('\n\n');
}

/** Lines of one paragraph; absent ones are skipped. */
export function lines(...items: ReadonlyArray<string | false | undefined>): string {
  return items.filter((item): item is string => typeof item === 'string' && item.length > 0).join('\n');
}
