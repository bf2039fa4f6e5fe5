// Turns the domain's notice plan into Notice rows: one per target and stage, its text rendered now
// in the customer's locale and time zone, so what the customer reads is what was planned.
import type { Locale, Prisma, PrismaClient } from '@upgrade-desk/db';
import { renderNotice, type NoticeStage, type PlannedNotice, type PlanTarget } from '@upgrade-desk/domain';

/** What planning needs to know of an upgrade (a Prisma row with its module names). */
export interface UpgradeToPlan {
  id: string;
  kind: 'FEATURE' | 'FIX' | 'SERVER';
  title: string;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  sandboxStart: Date | null;
  emergency: boolean;
  emergencyReason: string | null;
  sequence: number;
  modules: { module: { nameVi: string; nameEn: string } }[];
}

export interface TargetToPlan extends PlanTarget {
  locale: Locale;
}

type Tx = Prisma.TransactionClient | PrismaClient;

/** The targets of an upgrade with what the planner and the renderer need: zone, locale, blackouts. */
export async function loadPlanTargets(tx: Tx, customerIds: readonly string[]): Promise<TargetToPlan[]> {
  const customers = await tx.customer.findMany({
    where: { id: { in: [...customerIds] } },
    select: { id: true, timeZone: true, locale: true, blackoutWindows: { select: { startsAt: true, endsAt: true } } },
    orderBy: { id: 'asc' },
  });
  return customers.map((c) => ({
    customerId: c.id,
    timeZone: c.timeZone,
    locale: c.locale,
    blackouts: c.blackoutWindows,
  }));
}

export interface EventNoticeOptions {
  /** RESCHEDULED: the window before it moved. */
  previousWindow?: { start: Date; end: Date };
  /** RESCHEDULED, CANCELLED, FAILED: the staff's reason. */
  reason?: string | null;
}

/** Notice rows for planned notices (or for an event notice sent at `now`), rendered per customer. */
export function noticeRows(
  upgrade: UpgradeToPlan,
  planned: readonly PlannedNotice[],
  targets: readonly TargetToPlan[],
  options: EventNoticeOptions = {},
): Prisma.NoticeCreateManyInput[] {
  const byId = new Map(targets.map((t) => [t.customerId, t]));
  // Thousands of targets share a handful of (locale, time zone) pairs: render each text once.
  const rendered = new Map<string, ReturnType<typeof renderNotice>>();
  const render = (notice: PlannedNotice, target: TargetToPlan) => {
    const key = [notice.stage, target.locale, target.timeZone, notice.acknowledgeBy?.getTime()].join('|');
    let text = rendered.get(key);
    if (!text) {
      text = renderText(notice, target);
      rendered.set(key, text);
    }
    return text;
  };
  const renderText = (notice: PlannedNotice, target: TargetToPlan) =>
    renderNotice({
      stage: notice.stage,
      locale: target.locale,
      timeZone: target.timeZone,
      upgrade: {
        title: upgrade.title,
        kind: upgrade.kind,
        windowStart: upgrade.windowStart,
        windowEnd: upgrade.windowEnd,
        expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
        requiresRelogin: upgrade.requiresRelogin,
        modules: upgrade.modules.map(({ module }) => (target.locale === 'EN' ? module.nameEn : module.nameVi)),
      },
      previousWindowStart: options.previousWindow?.start,
      previousWindowEnd: options.previousWindow?.end,
      reason: options.reason ?? undefined,
      acknowledgeBy: notice.acknowledgeBy ?? undefined,
    });
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

/** The stages each customer has already been sent for an upgrade: a replanned window does not repeat them. */
export async function sentStages(tx: Tx, upgradeId: string): Promise<Map<string, Set<NoticeStage>>> {
  const sent = await tx.notice.findMany({
    where: { upgradeId, publishedAt: { not: null } },
    select: { customerId: true, stage: true },
  });
  const byCustomer = new Map<string, Set<NoticeStage>>();
  for (const { customerId, stage } of sent) {
    const stages = byCustomer.get(customerId) ?? new Set<NoticeStage>();
    stages.add(stage);
    byCustomer.set(customerId, stages);
  }
  return byCustomer;
}

/** Pending notices of an upgrade stop standing (a new plan replaces them, or the upgrade ended). */
export async function supersedePending(tx: Tx, upgradeId: string, now: Date): Promise<number> {
  const { count } = await tx.notice.updateMany({
    where: { upgradeId, publishedAt: null, supersededAt: null },
    data: { supersededAt: now },
  });
  return count;
}
