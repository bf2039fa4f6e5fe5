// The upgrade state machine (DESIGN.md section 1): DRAFT -> SCHEDULED -> SANDBOX -> READY ->
// IN_PROGRESS -> COMPLETED | FAILED; CANCELLED from any state before IN_PROGRESS. FIX and SERVER
// upgrades may skip the sandbox (SCHEDULED -> IN_PROGRESS).
import type { NoticeStage, UpgradeKind } from './enums.ts';

export const UPGRADE_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'SANDBOX',
  'READY',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const;
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

const NEXT: Readonly<Record<UpgradeStatus, readonly UpgradeStatus[]>> = {
  DRAFT: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['SANDBOX', 'CANCELLED'],
  SANDBOX: ['READY', 'CANCELLED'],
  READY: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};

const SANDBOX_OPTIONAL: readonly UpgradeKind[] = ['FIX', 'SERVER'];

/** The statuses an upgrade of `kind` may move to from `from`. */
export function nextUpgradeStatuses(kind: UpgradeKind, from: UpgradeStatus): UpgradeStatus[] {
  const next = [...NEXT[from]];
  if (from === 'SCHEDULED' && SANDBOX_OPTIONAL.includes(kind)) next.push('IN_PROGRESS');
  return next;
}

export function canTransitionUpgrade(kind: UpgradeKind, from: UpgradeStatus, to: UpgradeStatus): boolean {
  return nextUpgradeStatuses(kind, from).includes(to);
}

/** Statuses whose window may still move and whose pending notices still stand. */
export function isUpgradeOpen(status: UpgradeStatus): boolean {
  return status !== 'IN_PROGRESS' && NEXT[status].includes('CANCELLED');
}

/** The notice a transition sends at once to every customer already told about the upgrade, if any. */
export function noticeForTransition(to: UpgradeStatus): NoticeStage | null {
  switch (to) {
    case 'CANCELLED':
      return 'CANCELLED';
    case 'COMPLETED':
      return 'COMPLETED';
    case 'FAILED':
      return 'FAILED';
    default:
      return null;
  }
}

/** After these, no planned notice may go out: what was pending is superseded. */
export function endsNoticePlan(to: UpgradeStatus): boolean {
  return to === 'CANCELLED' || to === 'COMPLETED' || to === 'FAILED';
}

// What a change of an upgrade tells its customers: the notices it sends at once, to whom, and what
// becomes of the notices still pending. The API's lifecycle writes exactly this, and the staff
// console states it in the confirmation before the change is made, so the two cannot disagree.

/** A change staff make to an upgrade. */
export type UpgradeChange =
  /** A move through the states (publishing a draft is DRAFT -> SCHEDULED). */
  | { kind: 'TRANSITION'; to: UpgradeStatus }
  /** The window moves: for every target, or for these customers alone. */
  | { kind: 'MOVE'; customerIds?: readonly string[] }
  /** Words and details change; the window stays. */
  | { kind: 'EDIT' };

/**
 * What becomes of the notices not yet sent: PLANNED (publishing writes the policy's plan),
 * REPLANNED (recomputed from the new window), RERENDERED (same times, new words), DROPPED (the
 * upgrade ended: none of them will go out) or KEPT.
 */
export type PendingNotices = 'PLANNED' | 'REPLANNED' | 'RERENDERED' | 'DROPPED' | 'KEPT';

export interface ChangeNotices {
  /** Notices sent at once, each stage with the customers it goes to (target order kept). */
  sendsNow: { stage: NoticeStage; customerIds: string[] }[];
  pending: PendingNotices;
}

/**
 * The notices a change sends. Only customers already told something about the upgrade (`told`: a
 * notice of it was published to them) hear that it moved or ended: the others were never told it
 * was coming, and simply get the new plan, or nothing. A draft has told nobody and plans nothing
 * until it is published.
 */
export function changeNotices(
  change: UpgradeChange,
  upgrade: { status: UpgradeStatus; targetIds: readonly string[] },
  told: ReadonlySet<string>,
): ChangeNotices {
  const draft = upgrade.status === 'DRAFT';
  const toldOf = (ids: readonly string[]) => ids.filter((id) => told.has(id));
  const event = (stage: NoticeStage | null, ids: readonly string[]): ChangeNotices['sendsNow'] => {
    const customerIds = stage ? toldOf(ids) : [];
    return stage && customerIds.length > 0 ? [{ stage, customerIds }] : [];
  };
  switch (change.kind) {
    case 'TRANSITION':
      if (draft && change.to === 'SCHEDULED') return { sendsNow: [], pending: 'PLANNED' };
      return {
        sendsNow: event(noticeForTransition(change.to), upgrade.targetIds),
        pending: endsNoticePlan(change.to) ? 'DROPPED' : 'KEPT',
      };
    case 'MOVE':
      if (draft) return { sendsNow: [], pending: 'KEPT' };
      return {
        sendsNow: event('RESCHEDULED', change.customerIds ?? upgrade.targetIds),
        pending: 'REPLANNED',
      };
    case 'EDIT':
      return { sendsNow: [], pending: draft ? 'KEPT' : 'RERENDERED' };
  }
}
