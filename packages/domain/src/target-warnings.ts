// The policy warnings one target customer raises, for the per-customer notice plan staff preview
// before publishing. The same rules as the upgrade's policyWarnings, asked of one customer.
import {
  policyWarnings,
  type NoticePolicy,
  type PlanTarget,
  type PolicyWarning,
  type UpgradeWindow,
} from './notice-policy.ts';

/** Warnings that depend on who the customer is (its zone, its blackouts, when it is first told). */
const PER_CUSTOMER: readonly PolicyWarning[] = ['OUTSIDE_QUIET_HOURS', 'BLACKOUT_CONFLICT', 'SHORT_NOTICE'];

/**
 * What this customer raises: a window outside its quiet hours, inside one of its blackouts, or
 * a first notice (`firstNoticeAt`) later than the policy's minimum notice before the window.
 */
export function targetWarnings(
  upgrade: UpgradeWindow,
  policy: NoticePolicy,
  target: PlanTarget,
  firstNoticeAt: Date,
): PolicyWarning[] {
  return policyWarnings(upgrade, policy, [target], firstNoticeAt).filter((w) => PER_CUSTOMER.includes(w));
}
