// The console's page of one upgrade: what each action there would tell the customers (stated in
// its confirmation before anything is written), and the fields its edit form reads. The rule of which notices a change sends is the domain's (changeNotices), the very one
// the API's lifecycle writes by; this file only names the customers and channels it reaches. Pure;
// used by the page's server load.
import type { NoticeChannel, NoticeStage } from '@upgrade-desk/domain/enums';
import {
  changeNotices,
  type PendingNotices,
  type UpgradeChange,
  type UpgradeStatus,
} from '@upgrade-desk/domain/upgrade-status';

/** What the page knows of one target customer's notices (Upgrade.noticePlan). */
export interface TargetPlan {
  customer: { id: string; name: string };
  eventChannels: readonly NoticeChannel[];
  notices: readonly { stage: NoticeStage; state: 'PENDING' | 'PUBLISHED' | 'SUPERSEDED' }[];
}

export interface ReachedCustomer {
  id: string;
  name: string;
  channels: NoticeChannel[];
}

/** What one action would tell the customers, as its confirmation states it. */
export interface NoticeEffect {
  /** Notices sent at once, per stage, with each customer and the channels that reach it. */
  sendsNow: { stage: NoticeStage; customers: ReachedCustomer[] }[];
  pending: PendingNotices;
  /** How many notices not yet sent the change concerns (planned by publishing, else standing). */
  pendingCount: number;
  /** Publishing a draft: the notices its plan holds, per stage, with the customers they reach. */
  planned: { stage: NoticeStage; customers: ReachedCustomer[] }[];
}

/** Channels in the order the page names them (the in-app inbox, then email, then webhook). */
const CHANNEL_ORDER: readonly NoticeChannel[] = ['IN_APP', 'EMAIL', 'WEBHOOK'];

function reached(target: TargetPlan, channels: readonly NoticeChannel[]): ReachedCustomer {
  return {
    id: target.customer.id,
    name: target.customer.name,
    channels: CHANNEL_ORDER.filter((c) => channels.includes(c)),
  };
}

/** The customers already sent a notice of the upgrade: the only ones told that it moved or ended. */
export function toldCustomers(plan: readonly TargetPlan[]): Set<string> {
  return new Set(plan.filter((t) => t.notices.some((n) => n.state === 'PUBLISHED')).map((t) => t.customer.id));
}

/** The notices `change` would send, to whom and on which channels, for an upgrade in `status`. */
export function noticeEffect(change: UpgradeChange, status: UpgradeStatus, plan: readonly TargetPlan[]): NoticeEffect {
  const byId = new Map(plan.map((t) => [t.customer.id, t]));
  const { sendsNow, pending } = changeNotices(
    change,
    { status, targetIds: plan.map((t) => t.customer.id) },
    toldCustomers(plan),
  );
  const concerned =
    change.kind === 'MOVE' && change.customerIds
      ? plan.filter((t) => change.customerIds!.includes(t.customer.id))
      : plan;
  const pendingCount = concerned.reduce((count, t) => count + t.notices.filter((n) => n.state === 'PENDING').length, 0);
  // A draft's plan is what publishing it now would write (every notice PENDING).
  const planned: NoticeEffect['planned'] = [];
  if (pending === 'PLANNED') {
    for (const target of plan) {
      for (const notice of target.notices) {
        let entry = planned.find((p) => p.stage === notice.stage);
        if (!entry) planned.push((entry = { stage: notice.stage, customers: [] }));
        if (!entry.customers.some((c) => c.id === target.customer.id)) {
          entry.customers.push(reached(target, target.eventChannels));
        }
      }
    }
  }
  return {
    sendsNow: sendsNow.map(({ stage, customerIds }) => ({
      stage,
      customers: customerIds.flatMap((id) => {
        const target = byId.get(id);
        return target ? [reached(target, target.eventChannels)] : [];
      }),
    })),
    pending,
    pendingCount,
    planned,
  };
}

/** The texts and details the edit form changes (the window moves through the reschedule form). */
export const UPGRADE_EDIT_FIELDS = ['title', 'titleEn', 'summary', 'summaryEn', 'changesVi', 'changesEn'] as const;

export type UpgradeEditValues = Record<(typeof UPGRADE_EDIT_FIELDS)[number] | 'expectedDowntimeMinutes', string>;

/** A submission of the edit form, trimmed; the problem when a required text is empty or the downtime no whole number. */
export function readUpgradeEdit(form: FormData): {
  values: UpgradeEditValues;
  input: (Omit<UpgradeEditValues, 'expectedDowntimeMinutes'> & { expectedDowntimeMinutes: number }) | null;
} {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values = Object.fromEntries(
    [...UPGRADE_EDIT_FIELDS, 'expectedDowntimeMinutes'].map((field) => [field, text(field)]),
  ) as UpgradeEditValues;
  const downtime = /^\d{1,5}$/.test(values.expectedDowntimeMinutes) ? Number(values.expectedDowntimeMinutes) : null;
  if (values.title === '' || values.summary === '' || downtime === null) return { values, input: null };
  return { values, input: { ...values, expectedDowntimeMinutes: downtime } };
}
