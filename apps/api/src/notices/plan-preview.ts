// What each target customer will be told, shown to staff before (and after) they publish: every
// notice with its time, its channels and recipients, its rendered text, and the warnings the
// customer raises. Built from the very functions that write and publish notices (planRows renders
// the rows; deliveryRowsFor names the recipients the dispatcher will deliver to): there is no
// second planner or renderer to drift from what customers receive.
import type { Locale, NoticeChannel, NoticeStage, Prisma } from '@upgrade-desk/db';
import { targetWarnings, type NoticePolicy, type PolicyWarning, type UpgradeWindow } from '@upgrade-desk/domain';
import type { DeliveryPlanClient } from './channels/channel.ts';
import { CHANNEL_ORDER } from './channels/index.ts';
import { deliveryRowsFor } from './delivery-plan.ts';
import { loadPlanTargets, planRows, windowFor, type TargetToPlan, type UpgradeToPlan } from './plan-writer.ts';

export type NoticeState = 'PENDING' | 'PUBLISHED' | 'SUPERSEDED';

/** A notice row as planned or stored: what a customer reads, and when. */
export interface PlanRow {
  customerId: string;
  stage: NoticeStage;
  scheduledFor: Date;
  title: string;
  body: string;
  locale: Locale;
  requiresAcknowledgement: boolean;
  acknowledgeBy: Date | null;
  state: NoticeState;
}

export interface PreviewedNotice extends PlanRow {
  /** IN_APP always, then every channel that has a recipient. */
  channels: NoticeChannel[];
  deliveries: { channel: NoticeChannel; recipient: string }[];
}

export interface CustomerNoticePlan {
  customerId: string;
  timeZone: string;
  locale: Locale;
  /** The window this customer is told about (its own, when staff moved it for this customer). */
  windowStart: Date;
  windowEnd: Date;
  warnings: PolicyWarning[];
  notices: PreviewedNotice[];
  /** The channels a notice sent to this customer now (RESCHEDULED, CANCELLED...) would reach. */
  eventChannels: NoticeChannel[];
}

type Db = DeliveryPlanClient & Pick<Prisma.TransactionClient, 'customer' | 'notice'>;

/** The plan an upgrade (saved as a draft, or a form not saved yet) would get if published at `now`. */
export async function previewNoticePlan(
  db: Db,
  upgrade: UpgradeToPlan & Pick<UpgradeWindow, 'firstNoticeAt'>,
  policy: NoticePolicy,
  customerIds: readonly string[],
  now: Date,
  options: { saved: boolean },
): Promise<CustomerNoticePlan[]> {
  const targets = await loadPlanTargets(db, customerIds, options.saved ? upgrade.id : undefined);
  const rows = planRows(upgrade, policy, targets, now).map((row): PlanRow => ({
    customerId: row.customerId,
    stage: row.stage,
    scheduledFor: new Date(row.scheduledFor),
    title: row.title,
    body: row.body,
    locale: row.locale,
    requiresAcknowledgement: row.requiresAcknowledgement ?? false,
    acknowledgeBy: row.acknowledgeBy ? new Date(row.acknowledgeBy) : null,
    state: 'PENDING',
  }));
  return customerPlans(db, upgrade, policy, targets, rows, now);
}

/** The plan of a published upgrade: its standing notices as stored (sent and pending), per customer. */
export async function storedNoticePlan(
  db: Db,
  upgrade: UpgradeToPlan,
  policy: NoticePolicy,
  customerIds: readonly string[],
  rows: readonly PlanRow[],
  now: Date,
): Promise<CustomerNoticePlan[]> {
  const targets = await loadPlanTargets(db, customerIds, upgrade.id);
  return customerPlans(db, upgrade, policy, targets, rows, now);
}

async function customerPlans(
  db: Db,
  upgrade: UpgradeToPlan,
  policy: NoticePolicy,
  targets: readonly TargetToPlan[],
  rows: readonly PlanRow[],
  now: Date,
): Promise<CustomerNoticePlan[]> {
  // The recipients as the dispatcher would name them if these notices were published now.
  const refs = rows.map((row, i) => ({ id: String(i), customerId: row.customerId, stage: row.stage }));
  // One event notice per target too: what telling the customer of a change now would reach.
  const eventRefs = targets.map((target) => ({
    id: `event:${target.customerId}`,
    customerId: target.customerId,
    stage: 'RESCHEDULED' as const,
  }));
  const deliveries = await deliveryRowsFor(db, [...refs, ...eventRefs]);
  const deliveriesOf = new Map<string, { channel: NoticeChannel; recipient: string }[]>();
  for (const d of deliveries) {
    deliveriesOf.set(d.noticeId, [
      ...(deliveriesOf.get(d.noticeId) ?? []),
      { channel: d.channel, recipient: d.recipient },
    ]);
  }
  const noticesOf = new Map<string, PreviewedNotice[]>();
  rows.forEach((row, i) => {
    const own = deliveriesOf.get(String(i)) ?? [];
    const channels = CHANNEL_ORDER.filter((c) => c === 'IN_APP' || own.some((d) => d.channel === c));
    noticesOf.set(row.customerId, [...(noticesOf.get(row.customerId) ?? []), { ...row, channels, deliveries: own }]);
  });
  return targets.map((target) => {
    const notices = (noticesOf.get(target.customerId) ?? []).sort(
      (a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime(),
    );
    const window = windowFor(upgrade, target);
    const firstNoticeAt = notices[0]?.scheduledFor ?? now;
    const eventDeliveries = deliveriesOf.get(`event:${target.customerId}`) ?? [];
    return {
      customerId: target.customerId,
      timeZone: target.timeZone,
      locale: target.locale,
      windowStart: window.windowStart,
      windowEnd: window.windowEnd,
      warnings: targetWarnings(window, policy, target, firstNoticeAt),
      notices,
      eventChannels: CHANNEL_ORDER.filter((c) => c === 'IN_APP' || eventDeliveries.some((d) => d.channel === c)),
    };
  });
}
