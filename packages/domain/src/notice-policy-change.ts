// What an ADMIN's change of a notice policy does to the plans already standing: which published
// upgrades get a new plan, which of their pending notices move (and to when), appear or disappear,
// and which warnings they gain or lose. Replanned with the planner itself (targetPlans), so the
// preview staff read is what saving writes. No clock, no I/O.
import type { NoticeStage } from './enums.ts';
import { policyWarnings, type NoticePolicy, type PolicyWarning, type UpgradeWindow } from './notice-policy.ts';
import { targetPlans, type TargetToPlan } from './notice-rows.ts';

/** A notice's place in a plan: who is told what, when, and by when they must acknowledge. */
export interface ScheduledNotice {
  customerId: string;
  stage: NoticeStage;
  scheduledFor: Date;
  acknowledgeBy: Date | null;
}

/** A published upgrade whose notice plan still stands, as stored. */
export interface StandingPlan {
  upgrade: UpgradeWindow & { id: string };
  targets: readonly TargetToPlan[];
  /** Its notices not yet published (nor superseded). */
  pending: readonly ScheduledNotice[];
  /** The stages each customer has already been sent: a new plan does not repeat them. */
  sent: ReadonlyMap<string, ReadonlySet<NoticeStage>>;
  /** When its first notice went (or goes) out: what its SHORT_NOTICE warning counts from. */
  firstNoticeAt: Date;
}

/** One pending notice the change moves: `from` null when it is added, `to` null when it is dropped. */
export interface NoticeShift {
  customerId: string;
  stage: NoticeStage;
  from: Date | null;
  to: Date | null;
  /** The acknowledgement deadline it will have (null: none asked, or dropped). */
  acknowledgeBy: Date | null;
}

export interface PolicyChangeEffect {
  upgradeId: string;
  /** The change gives the upgrade another plan: its pending notices are replaced on saving. */
  replanned: boolean;
  shifts: NoticeShift[];
  warningsGained: PolicyWarning[];
  warningsLost: PolicyWarning[];
}

const keyOf = (n: Pick<ScheduledNotice, 'customerId' | 'stage'>) => `${n.customerId} ${n.stage}`;
const timeOf = (d: Date | null | undefined) => d?.getTime() ?? null;

function samePlan(a: readonly ScheduledNotice[], b: readonly ScheduledNotice[]): boolean {
  const text = (plan: readonly ScheduledNotice[]) =>
    plan
      .map((n) => `${keyOf(n)} ${n.scheduledFor.getTime()} ${timeOf(n.acknowledgeBy)}`)
      .sort()
      .join('\n');
  return text(a) === text(b);
}

/** The pending notices as stored against the new plan: each one that moves, appears or disappears. */
function shiftsOf(pending: readonly ScheduledNotice[], planned: readonly ScheduledNotice[]): NoticeShift[] {
  const before = new Map(pending.map((n) => [keyOf(n), n]));
  const after = new Map(planned.map((n) => [keyOf(n), n]));
  const shifts: NoticeShift[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const next = after.get(key);
    const same =
      old &&
      next &&
      old.scheduledFor.getTime() === next.scheduledFor.getTime() &&
      timeOf(old.acknowledgeBy) === timeOf(next.acknowledgeBy);
    if (same) continue;
    const { customerId, stage } = (old ?? next)!;
    shifts.push({
      customerId,
      stage,
      from: old?.scheduledFor ?? null,
      to: next?.scheduledFor ?? null,
      acknowledgeBy: next?.acknowledgeBy ?? null,
    });
  }
  return shifts.sort(
    (a, b) => a.customerId.localeCompare(b.customerId) || (timeOf(a.to ?? a.from) ?? 0) - (timeOf(b.to ?? b.from) ?? 0),
  );
}

/**
 * The effect of replacing `current` by `proposed` on each standing plan of that kind of upgrade,
 * at `now`. An upgrade is replanned only when the two policies plan it differently: a change that
 * leaves its plan as it is (quiet hours, say) leaves its notices alone. Upgrades the change does
 * not touch at all (same plan, same warnings) are left out.
 */
export function policyChangeEffects(
  current: NoticePolicy,
  proposed: NoticePolicy,
  plans: readonly StandingPlan[],
  now: Date,
): PolicyChangeEffect[] {
  return plans.flatMap((plan): PolicyChangeEffect[] => {
    const { upgrade, targets, sent } = plan;
    const before = targetPlans(upgrade, current, targets, now, sent);
    const after = targetPlans(upgrade, proposed, targets, now, sent);
    const replanned = !samePlan(before, after);
    // A new plan is written beside the notices already stored: the first notice is the earlier.
    const firstAfter = replanned
      ? after.reduce((first, n) => (n.scheduledFor < first ? n.scheduledFor : first), plan.firstNoticeAt)
      : plan.firstNoticeAt;
    const warningsBefore = policyWarnings(upgrade, current, targets, plan.firstNoticeAt);
    const warningsAfter = policyWarnings(upgrade, proposed, targets, firstAfter);
    const effect: PolicyChangeEffect = {
      upgradeId: upgrade.id,
      replanned,
      shifts: replanned ? shiftsOf(plan.pending, after) : [],
      warningsGained: warningsAfter.filter((w) => !warningsBefore.includes(w)),
      warningsLost: warningsBefore.filter((w) => !warningsAfter.includes(w)),
    };
    const touched = replanned || effect.warningsGained.length > 0 || effect.warningsLost.length > 0;
    return touched ? [effect] : [];
  });
}

/** The policy an edit leaves: the fields given replace the current ones, the others stay. */
export function editedNoticePolicy(
  current: NoticePolicy,
  changes: Partial<{ [K in keyof NoticePolicy]: NoticePolicy[K] | null }>,
): NoticePolicy {
  const given = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => key !== 'kind' && value !== undefined && value !== null),
  );
  return { ...current, ...given };
}
