// Turns the notice plan into Notice rows: one per target and stage, its text rendered now in the
// customer's locale and time zone, so what the customer reads is what was planned. The API writes
// these rows when staff schedule, move or end an upgrade; the demo seed writes the same rows for
// its upgrades' histories.
import type { Locale, NoticeChannel, NoticeStage, UpgradeKind } from './enums.ts';
import {
  planNotices,
  type NoticePolicy,
  type PlannedNotice,
  type PlanTarget,
  type UpgradeWindow,
} from './notice-policy.ts';
import { renderNotice, type NoticeContact } from './notice-text.ts';
import { contentIn, type UpgradeContent } from './upgrade-content.ts';

/** What planning needs to know of an upgrade (a Prisma row with its module names). */
export interface UpgradeToPlan extends UpgradeContent {
  id: string;
  kind: UpgradeKind;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  sandboxStart: Date | null;
  emergency: boolean;
  emergencyReason: string | null;
  sequence: number;
  modules: { module: { id?: string; nameVi: string; nameEn: string } }[];
  /** The version the upgrade brings, when staff gave one. */
  targetVersion?: string | null;
  /** FIX: announced to every target at once, without the account team's release. */
  important?: boolean;
}

export interface TargetToPlan extends PlanTarget {
  locale: Locale;
  /** This customer's own window, when staff moved it for this customer alone. */
  window: { start: Date; end: Date } | null;
  /** The vendor staff assigned to the customer, named at the end of every notice. */
  accountTeam?: NoticeContact['accountTeam'];
  /** What the customer has installed: a FIX advisory says which of these it fixes. */
  installedModules?: readonly { moduleId: string; version: string }[];
}

/**
 * One customer's window from its target row: its own when staff moved it for that customer alone
 * (both ends set), else the upgrade's. What the API, the calendar feed and the overrun check show.
 */
export function customerWindow(
  upgrade: { windowStart: Date; windowEnd: Date },
  own: { windowStart: Date | null; windowEnd: Date | null } | null | undefined,
): { windowStart: Date; windowEnd: Date } {
  return own?.windowStart && own.windowEnd
    ? { windowStart: own.windowStart, windowEnd: own.windowEnd }
    : { windowStart: upgrade.windowStart, windowEnd: upgrade.windowEnd };
}

/** The window a target customer is told about: its own when staff set one, else the upgrade's. */
export function windowFor<U extends { windowStart: Date; windowEnd: Date }>(upgrade: U, target: TargetToPlan): U {
  return target.window ? { ...upgrade, windowStart: target.window.start, windowEnd: target.window.end } : upgrade;
}

/**
 * The policy's plan (planNotices) for each target, from the target's own window: when each
 * notice goes out, before anything is rendered. planRows renders these; a policy change's
 * preview compares them.
 */
export function targetPlans(
  upgrade: UpgradeWindow,
  policy: NoticePolicy,
  targets: readonly TargetToPlan[],
  now: Date,
  alreadySent?: ReadonlyMap<string, ReadonlySet<NoticeStage>>,
): PlannedNotice[] {
  // Targets sharing a window are planned together (most of them share the upgrade's).
  const byWindow = new Map<string, TargetToPlan[]>();
  for (const target of targets) {
    const key = target.window ? `${target.window.start.getTime()}-${target.window.end.getTime()}` : '';
    byWindow.set(key, [...(byWindow.get(key) ?? []), target]);
  }
  return [...byWindow.values()].flatMap((group) =>
    planNotices(windowFor(upgrade, group[0]!), policy, group, now, alreadySent),
  );
}

/**
 * The notice plan of an upgrade as rows: targetPlans rendered by noticeRows. Writing a plan,
 * previewing one and the demo seed all call this, so what staff preview is what the dispatcher
 * later publishes.
 */
export function planRows(
  upgrade: UpgradeToPlan & Pick<UpgradeWindow, 'firstNoticeAt'>,
  policy: NoticePolicy,
  targets: readonly TargetToPlan[],
  now: Date,
  alreadySent?: ReadonlyMap<string, ReadonlySet<NoticeStage>>,
  options: Pick<EventNoticeOptions, 'vendor'> = {},
): NoticeRow[] {
  return noticeRows(upgrade, targetPlans(upgrade, policy, targets, now, alreadySent), targets, {
    ...options,
    policy,
  });
}

/** The vendor's contact at the end of every notice; the API passes the configured one (VENDOR_* settings). */
export type VendorContact = NoticeContact['vendor'];

export const DEFAULT_VENDOR_CONTACT: VendorContact = {
  name: 'TIGO Solutions',
  email: 'info@tigosolutions.com',
  phone: '',
};

/**
 * Whether a notice is held for the customer's account team to release (and maybe edit) first:
 * a FIX advisory goes to the customer's implementation and customer-care staff, unless the fix is
 * important enough to be announced to every target at once.
 */
export function awaitsRelease(stage: NoticeStage, upgrade: Pick<UpgradeToPlan, 'kind' | 'important'>): boolean {
  return stage === 'ADVISORY' && upgrade.kind === 'FIX' && !upgrade.important;
}

export interface EventNoticeOptions {
  /** RESCHEDULED: the window before it moved. */
  previousWindow?: { start: Date; end: Date };
  /** RESCHEDULED, CANCELLED, FAILED: the staff's reason. */
  reason?: string | null;
  /** Who the customer can contact (default DEFAULT_VENDOR_CONTACT). */
  vendor?: VendorContact;
  /** The policy's quiet hours, for the working-hours sentence (default 18:00-06:00). */
  policy?: Pick<NoticePolicy, 'quietHoursStart' | 'quietHoursEnd'>;
}

/** A Notice row as planned: not yet published, shown in the app only until the dispatcher adds channels. */
export interface NoticeRow {
  upgradeId: string;
  customerId: string;
  stage: NoticeStage;
  sequence: number;
  channels: NoticeChannel[];
  scheduledFor: Date;
  locale: Locale;
  title: string;
  body: string;
  requiresAcknowledgement: boolean;
  acknowledgeBy: Date | null;
  /** Held until a member of the customer's account team (or an ADMIN) releases it. */
  awaitingRelease: boolean;
}

/** FIX advisory: the upgrade's modules the customer has installed, with the version it runs. */
function customerModulesOf(upgrade: UpgradeToPlan, target: TargetToPlan) {
  const installed = new Map((target.installedModules ?? []).map((m) => [m.moduleId, m.version]));
  return upgrade.modules.flatMap(({ module }) => {
    const version = module.id === undefined ? undefined : installed.get(module.id);
    return version === undefined ? [] : [{ name: target.locale === 'EN' ? module.nameEn : module.nameVi, version }];
  });
}

/** Notice rows for planned notices (or for an event notice sent at `now`), rendered per customer. */
export function noticeRows(
  upgrade: UpgradeToPlan,
  planned: readonly PlannedNotice[],
  targets: readonly TargetToPlan[],
  options: EventNoticeOptions = {},
): NoticeRow[] {
  const byId = new Map(targets.map((t) => [t.customerId, t]));
  // Thousands of targets share a handful of (locale, time zone) pairs: render each text once.
  const rendered = new Map<string, ReturnType<typeof renderNotice>>();
  const render = (notice: PlannedNotice, target: TargetToPlan) => {
    const key = JSON.stringify([
      notice.stage,
      target.locale,
      target.timeZone,
      notice.acknowledgeBy?.getTime(),
      target.window?.start.getTime(),
      target.window?.end.getTime(),
      target.accountTeam,
      notice.stage === 'ADVISORY' ? target.installedModules : null,
    ]);
    let text = rendered.get(key);
    if (!text) {
      text = renderText(notice, target);
      rendered.set(key, text);
    }
    return text;
  };
  const renderText = (notice: PlannedNotice, target: TargetToPlan) => {
    const content = contentIn(target.locale, upgrade);
    const window = windowFor(upgrade, target);
    return renderNotice({
      stage: notice.stage,
      locale: target.locale,
      timeZone: target.timeZone,
      upgrade: {
        title: content.title,
        summary: content.summary,
        changes: content.changes,
        kind: upgrade.kind,
        windowStart: window.windowStart,
        windowEnd: window.windowEnd,
        expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
        requiresRelogin: upgrade.requiresRelogin,
        modules: upgrade.modules.map(({ module }) => (target.locale === 'EN' ? module.nameEn : module.nameVi)),
        targetVersion: upgrade.targetVersion,
      },
      previousWindowStart: options.previousWindow?.start,
      previousWindowEnd: options.previousWindow?.end,
      reason: options.reason ?? undefined,
      acknowledgeBy: notice.acknowledgeBy ?? undefined,
      quietHours: options.policy && { start: options.policy.quietHoursStart, end: options.policy.quietHoursEnd },
      customerModules: notice.stage === 'ADVISORY' ? customerModulesOf(upgrade, target) : undefined,
      contact: { vendor: options.vendor ?? DEFAULT_VENDOR_CONTACT, accountTeam: target.accountTeam ?? [] },
    });
  };
  return planned.map((notice) => {
    const target = byId.get(notice.customerId);
    if (!target) throw new Error(`No target ${notice.customerId} for upgrade ${upgrade.id}`);
    const { title, body } = render(notice, target);
    return {
      upgradeId: upgrade.id,
      customerId: notice.customerId,
      stage: notice.stage,
      sequence: upgrade.sequence,
      channels: ['IN_APP'],
      scheduledFor: notice.scheduledFor,
      locale: target.locale,
      title,
      body,
      requiresAcknowledgement: notice.requiresAcknowledgement,
      acknowledgeBy: notice.acknowledgeBy,
      awaitingRelease: awaitsRelease(notice.stage, upgrade),
    };
  });
}

/** An event notice (RESCHEDULED, CANCELLED, COMPLETED, FAILED) for each customer, to go out at once. */
export function eventNotices(stage: NoticeStage, customerIds: readonly string[], now: Date): PlannedNotice[] {
  return customerIds.map((customerId) => ({
    customerId,
    stage,
    scheduledFor: now,
    requiresAcknowledgement: false,
    acknowledgeBy: null,
  }));
}
