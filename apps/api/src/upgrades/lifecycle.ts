// Scheduling, moving and transitioning upgrades: each is one transaction that changes the upgrade,
// replaces its notice plan and writes the audit log. The rules come from packages/domain; this file
// only loads, calls them and writes.
import type { PrismaClient, UpgradeKind } from '@upgrade-desk/db';
import {
  canTransitionUpgrade,
  endsNoticePlan,
  EVENT_STAGE,
  isUpgradeOpen,
  nextUpgradeStatuses,
  noticeForTransition,
  planNotices,
  scheduleProblems,
  type EventNoticeOptions,
  type NoticePolicy,
  type UpgradeStatus,
  type VendorContact,
} from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { eventNotices, loadPlanTargets, noticeRows, sentStages, supersedePending } from '../notices/plan-writer.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';

/** The upgrade scheduled or changed, or why not; problem fields are paths inside the caller's input. */
export type LifecycleResult = Outcome<string>;

const PLAN_SELECT = {
  id: true,
  kind: true,
  status: true,
  title: true,
  windowStart: true,
  windowEnd: true,
  expectedDowntimeMinutes: true,
  requiresRelogin: true,
  sandboxStart: true,
  emergency: true,
  emergencyReason: true,
  sequence: true,
  targetVersion: true,
  important: true,
  firstNoticeAt: true,
  modules: { select: { module: { select: { id: true, nameVi: true, nameEn: true } } } },
  targets: { select: { customerId: true } },
} as const;

const NO_SUCH_UPGRADE = problem('NOT_FOUND', 'No such upgrade.', ['id']);

export interface ScheduleInput {
  kind: UpgradeKind;
  title: string;
  summary: string;
  moduleIds: string[];
  targetVersion: string | null;
  customerIds: string[] | null;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  sandboxStart: Date | null;
  emergency: boolean;
  emergencyReason: string | null;
  firstNoticeAt: Date | null;
  /** FIX: announce the advisory to every target at once instead of through the account teams. */
  important?: boolean;
}

export interface Actor {
  userId: string;
  now: Date;
  /** The notice policy of each kind of upgrade. */
  policies: ReadonlyMap<UpgradeKind, NoticePolicy>;
  /** The vendor's contact closing every notice (VENDOR_* settings); the domain's default when absent. */
  vendor?: VendorContact;
}

/** What every notice row of this actor's change is rendered with besides the plan. */
function renderOptions(actor: Actor, policy: NoticePolicy): EventNoticeOptions {
  return { vendor: actor.vendor, policy };
}

function policyFor(actor: Actor, kind: UpgradeKind): NoticePolicy {
  const policy = actor.policies.get(kind);
  if (!policy) throw new Error(`No notice policy for ${kind} upgrades`);
  return policy;
}

export async function scheduleUpgrade(
  prisma: PrismaClient,
  input: ScheduleInput,
  actor: Actor,
): Promise<LifecycleResult> {
  const policy = policyFor(actor, input.kind);
  const problems = scheduleProblems({ ...input }, policy, actor.now);
  if (problems.length > 0) return refused(...problems);

  const modules = await prisma.module.findMany({ where: { id: { in: input.moduleIds } }, select: { id: true } });
  if (modules.length !== new Set(input.moduleIds).size) {
    return refused(problem('NOT_FOUND', 'One of the modules does not exist.', ['moduleIds']));
  }
  // Targets: every customer with one of the modules installed, narrowed by customerIds when given.
  const eligible = await prisma.customer.findMany({
    where: { installedModules: { some: { moduleId: { in: input.moduleIds } } } },
    select: { id: true },
  });
  const eligibleIds = new Set(eligible.map((c) => c.id));
  let targetIds = [...eligibleIds];
  if (input.customerIds) {
    const outside = input.customerIds.findIndex((id) => !eligibleIds.has(id));
    if (outside >= 0) {
      return refused(
        problem('INVALID_INPUT', 'This customer has none of the upgrade’s modules installed.', [
          'customerIds',
          String(outside),
        ]),
      );
    }
    targetIds = [...new Set(input.customerIds)];
  }
  if (targetIds.length === 0) {
    return refused(problem('INVALID_INPUT', 'No customer has any of these modules installed.', ['moduleIds']));
  }

  const upgradeId = await prisma.$transaction(
    async (tx) => {
      const upgrade = await tx.upgrade.create({
        data: {
          kind: input.kind,
          status: 'SCHEDULED',
          title: input.title,
          summary: input.summary,
          targetVersion: input.targetVersion,
          windowStart: input.windowStart,
          windowEnd: input.windowEnd,
          expectedDowntimeMinutes: input.expectedDowntimeMinutes,
          requiresRelogin: input.requiresRelogin,
          sandboxStart: input.sandboxStart,
          emergency: input.emergency,
          emergencyReason: input.emergency ? input.emergencyReason?.trim() : null,
          firstNoticeAt: input.kind === 'SERVER' ? input.firstNoticeAt : null,
          important: input.kind === 'FIX' && (input.important ?? false),
          createdById: actor.userId,
          createdAt: actor.now,
          modules: { createMany: { data: input.moduleIds.map((moduleId) => ({ moduleId })) } },
          targets: { createMany: { data: targetIds.map((customerId) => ({ customerId })) } },
        },
        select: PLAN_SELECT,
      });
      const targets = await loadPlanTargets(tx, targetIds);
      const planned = planNotices(upgrade, policy, targets, actor.now);
      await tx.notice.createMany({ data: noticeRows(upgrade, planned, targets, renderOptions(actor, policy)) });
      await audit(tx, {
        actorId: actor.userId,
        action: 'upgrade.schedule',
        entityType: 'Upgrade',
        entityId: upgrade.id,
        at: actor.now,
        data: { kind: input.kind, targets: targetIds.length, notices: planned.length, emergency: input.emergency },
      });
      return upgrade.id;
    },
    { timeout: 60_000 },
  );
  return done(upgradeId);
}

export async function rescheduleUpgrade(
  prisma: PrismaClient,
  input: { id: string; windowStart: Date; windowEnd: Date; reason: string },
  actor: Actor,
): Promise<LifecycleResult> {
  const reason = input.reason.trim();
  if (!reason) return refused(problem('INVALID_INPUT', 'Say why the window moves.', ['reason']));
  const current = await prisma.upgrade.findUnique({ where: { id: input.id }, select: PLAN_SELECT });
  if (!current) return refused(NO_SUCH_UPGRADE);
  if (!isUpgradeOpen(current.status)) {
    return refused(problem('INVALID_TRANSITION', `A ${current.status} upgrade can no longer be moved.`, ['id']));
  }
  const policy = policyFor(actor, current.kind);
  const moved = { ...current, windowStart: input.windowStart, windowEnd: input.windowEnd };
  const problems = scheduleProblems(moved, policy, actor.now).filter((p) => p.field[0] !== 'sandboxStart');
  if (problems.length > 0) return refused(...problems);

  await prisma.$transaction(
    async (tx) => {
      const upgrade = await tx.upgrade.update({
        where: { id: current.id },
        data: { windowStart: input.windowStart, windowEnd: input.windowEnd, sequence: { increment: 1 } },
        select: PLAN_SELECT,
      });
      await supersedePending(tx, upgrade.id, actor.now);
      const sent = await sentStages(tx, upgrade.id);
      const targets = await loadPlanTargets(
        tx,
        upgrade.targets.map((t) => t.customerId),
      );
      // Only customers already told of the old window are told it moved; the others just get the new plan.
      const told = [...sent.keys()];
      const rows = [
        ...(current.status === 'DRAFT'
          ? []
          : noticeRows(upgrade, eventNotices(EVENT_STAGE.rescheduled, told, actor.now), targets, {
              ...renderOptions(actor, policy),
              previousWindow: { start: current.windowStart, end: current.windowEnd },
              reason,
            })),
        ...(current.status === 'DRAFT'
          ? []
          : noticeRows(
              upgrade,
              planNotices(upgrade, policy, targets, actor.now, sent),
              targets,
              renderOptions(actor, policy),
            )),
      ];
      await tx.notice.createMany({ data: rows });
      await audit(tx, {
        actorId: actor.userId,
        action: 'upgrade.reschedule',
        entityType: 'Upgrade',
        entityId: upgrade.id,
        at: actor.now,
        data: {
          reason,
          from: { start: current.windowStart.toISOString(), end: current.windowEnd.toISOString() },
          to: { start: input.windowStart.toISOString(), end: input.windowEnd.toISOString() },
        },
      });
    },
    { timeout: 60_000 },
  );
  return done(current.id);
}

export async function transitionUpgrade(
  prisma: PrismaClient,
  input: { id: string; to: UpgradeStatus; note: string | null },
  actor: Actor,
): Promise<LifecycleResult> {
  const current = await prisma.upgrade.findUnique({ where: { id: input.id }, select: PLAN_SELECT });
  if (!current) return refused(NO_SUCH_UPGRADE);
  if (!canTransitionUpgrade(current.kind, current.status, input.to)) {
    const allowed = nextUpgradeStatuses(current.kind, current.status);
    return refused(
      problem(
        'INVALID_TRANSITION',
        `A ${current.kind} upgrade cannot go from ${current.status} to ${input.to}` +
          (allowed.length ? ` (allowed: ${allowed.join(', ')}).` : ' (it is finished).'),
        ['to'],
      ),
    );
  }
  const policy = policyFor(actor, current.kind);
  if (current.status === 'DRAFT' && input.to === 'SCHEDULED') {
    const problems = scheduleProblems(current, policy, actor.now);
    if (problems.length > 0) return refused(...problems);
  }
  const note = input.note?.trim() || null;

  const changed = await prisma.$transaction(
    async (tx) => {
      // Guarded by the status read above: a concurrent transition makes this update match nothing.
      const { count } = await tx.upgrade.updateMany({
        where: { id: current.id, status: current.status },
        data: { status: input.to },
      });
      if (count === 0) return false;
      const upgrade = await tx.upgrade.update({
        where: { id: current.id },
        data: {
          ...(input.to === 'SANDBOX' && !current.sandboxStart ? { sandboxStart: actor.now } : {}),
          ...(input.to === 'READY' ? { sandboxVerifiedAt: actor.now } : {}),
          ...(input.to === 'COMPLETED' || input.to === 'FAILED' ? { completedAt: actor.now } : {}),
          // Calendar apps apply a CANCEL only if its SEQUENCE is not below the event they hold.
          ...(input.to === 'CANCELLED' ? { sequence: { increment: 1 } } : {}),
        },
        select: PLAN_SELECT,
      });
      const targets = await loadPlanTargets(
        tx,
        upgrade.targets.map((t) => t.customerId),
      );
      if (current.status === 'DRAFT' && input.to === 'SCHEDULED') {
        await tx.notice.createMany({
          data: noticeRows(
            upgrade,
            planNotices(upgrade, policy, targets, actor.now),
            targets,
            renderOptions(actor, policy),
          ),
        });
      }
      if (endsNoticePlan(input.to)) await supersedePending(tx, upgrade.id, actor.now);
      const stage = noticeForTransition(input.to);
      if (stage) {
        const told = [...(await sentStages(tx, upgrade.id)).keys()];
        await tx.notice.createMany({
          data: noticeRows(upgrade, eventNotices(stage, told, actor.now), targets, {
            ...renderOptions(actor, policy),
            reason: note,
          }),
        });
      }
      await audit(tx, {
        actorId: actor.userId,
        action: `upgrade.${input.to.toLowerCase()}`,
        entityType: 'Upgrade',
        entityId: upgrade.id,
        at: actor.now,
        data: { from: current.status, to: input.to, ...(note ? { note } : {}) },
      });
      return true;
    },
    { timeout: 60_000 },
  );
  if (!changed) return refused(problem('CONFLICT', 'The upgrade changed meanwhile; reload and try again.', ['id']));
  return done(current.id);
}
