// An ADMIN's edit of a notice policy: previewed (what it does to the plans standing now) and saved
// (the policy written, and the upgrades it plans differently replanned, in one transaction). The
// rule is the domain's policyChangeEffects; this file loads the standing plans and writes.
import type { PrismaClient, UpgradeKind } from '@upgrade-desk/db';
import {
  editedNoticePolicy,
  isUpgradeOpen,
  policyChangeEffects,
  UPGRADE_STATUSES,
  validateNoticePolicy,
  type NoticePolicy,
  type NoticeStage,
  type PolicyChangeEffect,
  type StandingPlan,
  type VendorContact,
} from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { loadPlanTargets } from '../notices/plan-writer.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';
import { PLAN_SELECT, replan } from './lifecycle.ts';

/** Published upgrades whose plan still stands: their pending notices follow the policy. */
const STANDING_STATUSES = UPGRADE_STATUSES.filter((status) => status !== 'DRAFT' && isUpgradeOpen(status));

/** The fields of a policy an edit may give; absent (or null) ones keep their value. */
export type PolicyEdit = { kind: UpgradeKind } & Partial<{
  [K in Exclude<keyof NoticePolicy, 'kind'>]: NoticePolicy[K] | null;
}>;

export interface PolicyChangePreview {
  policy: NoticePolicy;
  /** How many published upgrades of the kind have a standing plan. */
  standingUpgrades: number;
  effects: PolicyChangeEffect[];
}

export interface PolicyActor {
  userId: string;
  now: Date;
  policies: ReadonlyMap<UpgradeKind, NoticePolicy>;
  vendor?: VendorContact;
}

type Db = Pick<PrismaClient, 'upgrade' | 'notice' | 'customer'>;

async function standingPlans(db: Db, kind: UpgradeKind): Promise<StandingPlan[]> {
  const rows = await db.upgrade.findMany({
    where: { kind, status: { in: STANDING_STATUSES } },
    select: { ...PLAN_SELECT, createdAt: true },
    orderBy: [{ windowStart: 'asc' }, { id: 'asc' }],
  });
  const ids = rows.map((u) => u.id);
  // One after the other: inside a transaction the connection runs one statement at a time.
  const notices = await db.notice.findMany({
    where: { upgradeId: { in: ids }, supersededAt: null },
    select: {
      upgradeId: true,
      customerId: true,
      stage: true,
      scheduledFor: true,
      acknowledgeBy: true,
      publishedAt: true,
    },
  });
  // The upgrade's warnings count from its earliest notice, superseded ones too (Upgrade.policyWarnings).
  const firsts = await db.notice.groupBy({
    by: ['upgradeId'],
    where: { upgradeId: { in: ids } },
    _min: { scheduledFor: true },
  });
  const firstOf = new Map(firsts.map((f) => [f.upgradeId, f._min.scheduledFor]));
  const plans: StandingPlan[] = [];
  for (const upgrade of rows) {
    const own = notices.filter((n) => n.upgradeId === upgrade.id);
    const sent = new Map<string, Set<NoticeStage>>();
    for (const n of own.filter((n) => n.publishedAt !== null)) {
      sent.set(n.customerId, (sent.get(n.customerId) ?? new Set<NoticeStage>()).add(n.stage));
    }
    plans.push({
      upgrade,
      targets: await loadPlanTargets(
        db,
        upgrade.targets.map((t) => t.customerId),
        upgrade.id,
      ),
      pending: own.filter((n) => n.publishedAt === null),
      sent,
      firstNoticeAt: firstOf.get(upgrade.id) ?? upgrade.createdAt,
    });
  }
  return plans;
}

function checkedEdit(edit: PolicyEdit, actor: PolicyActor): Outcome<{ current: NoticePolicy; proposed: NoticePolicy }> {
  const current = actor.policies.get(edit.kind);
  if (!current) return refused(problem('NOT_FOUND', `No notice policy for ${edit.kind} upgrades.`, ['kind']));
  const proposed = editedNoticePolicy(current, edit);
  const problems = validateNoticePolicy(proposed);
  if (problems.length > 0) return refused(...problems.map((p) => problem(p.code, p.message, [p.field])));
  return done({ current, proposed });
}

/** What saving the edit would do now: the policy it leaves, and each standing upgrade it touches. */
export async function previewPolicyChange(
  prisma: PrismaClient,
  edit: PolicyEdit,
  actor: PolicyActor,
): Promise<Outcome<PolicyChangePreview>> {
  const checked = checkedEdit(edit, actor);
  if (!checked.ok) return checked;
  const { current, proposed } = checked.value;
  const plans = await standingPlans(prisma, edit.kind);
  return done({
    policy: proposed,
    standingUpgrades: plans.length,
    effects: policyChangeEffects(current, proposed, plans, actor.now),
  });
}

/**
 * Saves the edit and replans, in the same transaction, the upgrades the new policy plans
 * differently (their pending notices replaced; what was sent stays sent): what the preview showed.
 */
export async function savePolicyChange(
  prisma: PrismaClient,
  edit: PolicyEdit,
  actor: PolicyActor,
): Promise<Outcome<NoticePolicy>> {
  const checked = checkedEdit(edit, actor);
  if (!checked.ok) return checked;
  const { current, proposed } = checked.value;
  await prisma.$transaction(
    async (tx) => {
      await tx.noticePolicy.upsert({
        where: { kind: proposed.kind },
        create: { ...proposed, updatedById: actor.userId },
        update: { ...proposed, updatedById: actor.userId },
      });
      const plans = await standingPlans(tx, edit.kind);
      const replanned = policyChangeEffects(current, proposed, plans, actor.now).filter((e) => e.replanned);
      for (const effect of replanned) {
        // A new plan is a new generation of the upgrade's notices (one per customer, stage and sequence).
        const upgrade = await tx.upgrade.update({
          where: { id: effect.upgradeId },
          data: { sequence: { increment: 1 } },
          select: PLAN_SELECT,
        });
        await replan(tx, upgrade, proposed, actor.now, { previousWindow: null, reason: '', vendor: actor.vendor });
      }
      await audit(tx, {
        actorId: actor.userId,
        action: 'noticePolicy.update',
        entityType: 'NoticePolicy',
        entityId: proposed.kind,
        at: actor.now,
        data: {
          ...Object.fromEntries(
            Object.entries(proposed).filter(([key, value]) => current[key as keyof NoticePolicy] !== value),
          ),
          replanned: replanned.map((e) => e.upgradeId),
        },
      });
    },
    { timeout: 60_000 },
  );
  return done(proposed);
}
