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
