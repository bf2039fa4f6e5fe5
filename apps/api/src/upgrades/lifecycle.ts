// Drafting, scheduling, editing, moving and transitioning upgrades: each write is one transaction
// that changes the upgrade, replaces its notice plan and writes the audit log. The rules come from
// packages/domain; this file only loads, calls them and writes.
import type { Prisma, PrismaClient, UpgradeKind } from '@upgrade-desk/db';
import {
  canTransitionUpgrade,
  changeNotices,
  isUpgradeOpen,
  nextUpgradeStatuses,
  scheduleProblems,
  type EventNoticeOptions,
  type ModuleMove,
  type NoticePolicy,
  type ScheduleProblem,
  type UpgradeContent,
  type UpgradeStatus,
  type VendorContact,
} from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import {
  eventNotices,
  loadPlanTargets,
  noticeRows,
  planRows,
  sentStages,
  supersedePending,
  type TargetToPlan,
} from '../notices/plan-writer.ts';
import { done, problem, refused, type Outcome, type Problem } from '../problem.ts';
import { moduleMoves, targetVersionProblems } from './target-versions.ts';

/** The upgrade scheduled or changed, or why not; problem fields are paths inside the caller's input. */
export type LifecycleResult = Outcome<string>;

/** An upgrade's words in both languages (see contentIn). */
export const CONTENT_SELECT = {
  title: true,
  summary: true,
  titleEn: true,
  summaryEn: true,
  changesVi: true,
  changesEn: true,
} as const satisfies Prisma.UpgradeSelect;

export const PLAN_SELECT = {
  id: true,
  kind: true,
  status: true,
  ...CONTENT_SELECT,
  targetVersion: true,
  windowStart: true,
  windowEnd: true,
  expectedDowntimeMinutes: true,
  requiresRelogin: true,
  sandboxStart: true,
  emergency: true,
  emergencyReason: true,
  sequence: true,
  important: true,
  firstNoticeAt: true,
  modules: {
    select: { moduleId: true, targetVersion: true, module: { select: { id: true, nameVi: true, nameEn: true } } },
    orderBy: { module: { sortOrder: 'asc' } },
  },
  targets: { select: { customerId: true }, orderBy: { customerId: 'asc' } },
} as const satisfies Prisma.UpgradeSelect;

export type PlannedUpgrade = Prisma.UpgradeGetPayload<{ select: typeof PLAN_SELECT }>;

export const NO_SUCH_UPGRADE = problem('NOT_FOUND', 'No such upgrade.', ['id']);

/** The upgrade form: what a draft holds, and what upgradeSchedule creates and publishes in one step. */
export interface ScheduleInput extends UpgradeContent {
  kind: UpgradeKind;
  moduleIds: string[];
  /** Per-module versions; each module must be one of moduleIds. */
  moduleVersions: ModuleMove[];
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

export function policyFor(actor: Actor, kind: UpgradeKind): NoticePolicy {
  const policy = actor.policies.get(kind);
  if (!policy) throw new Error(`No notice policy for ${kind} upgrades`);
  return policy;
}

/** A draft may be saved with too short a notice (publishing refuses it); everything else must hold. */
function draftProblems(problems: readonly ScheduleProblem[]): ScheduleProblem[] {
  return problems.filter((p) => p.code !== 'NOTICE_PERIOD_TOO_SHORT');
}

/** The modules exist, the versions name only those modules, and the targets (ids) they reach. */
export async function resolveTargets(
  prisma: PrismaClient,
  input: Pick<ScheduleInput, 'moduleIds' | 'moduleVersions' | 'customerIds'>,
): Promise<Outcome<string[]>> {
  const modules = await prisma.module.findMany({ where: { id: { in: input.moduleIds } }, select: { id: true } });
  if (modules.length !== new Set(input.moduleIds).size) {
    return refused(problem('NOT_FOUND', 'One of the modules does not exist.', ['moduleIds']));
  }
  const stray = input.moduleVersions.findIndex((v) => !input.moduleIds.includes(v.moduleId));
  if (stray >= 0) {
    return refused(
      problem('INVALID_INPUT', 'Versions are given for a module the upgrade does not include.', [
        'moduleVersions',
        String(stray),
        'moduleId',
      ]),
    );
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
  return done(targetIds.sort());
}

function contentData(input: ScheduleInput) {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    titleEn: input.titleEn,
    summaryEn: input.summaryEn,
    changesVi: input.changesVi,
    changesEn: input.changesEn,
    targetVersion: input.targetVersion,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    expectedDowntimeMinutes: input.expectedDowntimeMinutes,
    requiresRelogin: input.requiresRelogin,
    sandboxStart: input.sandboxStart,
    emergency: input.emergency,
    emergencyReason: input.emergency ? input.emergencyReason?.trim() : null,
  };
}

/** The checks of a form: refusals (all of them when `publish`, else a draft's), its targets, its versions. */
export async function checkForm(
  prisma: PrismaClient,
  input: ScheduleInput,
  actor: Actor,
  publish: boolean,
): Promise<Outcome<string[]>> {
  const problems = scheduleProblems({ ...input }, policyFor(actor, input.kind), actor.now);
  const blocking = publish ? problems : draftProblems(problems);
  if (blocking.length > 0) return refused(...blocking);
  const targets = await resolveTargets(prisma, input);
  if (!targets.ok) return targets;
  const versions = await targetVersionProblems(prisma, input);
  return versions.length > 0 ? refused(...versions) : targets;
}

/** Creates and publishes in one step (partner tools): the form's checks, then the plan is written. */
export async function scheduleUpgrade(
  prisma: PrismaClient,
  input: ScheduleInput,
  actor: Actor,
): Promise<LifecycleResult> {
  return createUpgrade(prisma, input, actor, 'SCHEDULED');
}

/** Saves a draft: nothing planned, nothing any customer can see. */
export async function createDraft(prisma: PrismaClient, input: ScheduleInput, actor: Actor): Promise<LifecycleResult> {
  return createUpgrade(prisma, input, actor, 'DRAFT');
}

async function createUpgrade(
  prisma: PrismaClient,
  input: ScheduleInput,
  actor: Actor,
  status: 'DRAFT' | 'SCHEDULED',
): Promise<LifecycleResult> {
  const checked = await checkForm(prisma, input, actor, status === 'SCHEDULED');
  if (!checked.ok) return checked;
  const targetIds = checked.value;
  const policy = policyFor(actor, input.kind);

  const upgradeId = await prisma.$transaction(
    async (tx) => {
      const upgrade = await tx.upgrade.create({
        data: {
          ...contentData(input),
          status,
          firstNoticeAt: input.kind === 'SERVER' ? input.firstNoticeAt : null,
          important: input.kind === 'FIX' && (input.important ?? false),
          createdById: actor.userId,
          createdAt: actor.now,
          modules: { createMany: { data: moduleMoves(input) } },
          targets: { createMany: { data: targetIds.map((customerId) => ({ customerId })) } },
        },
        select: PLAN_SELECT,
      });
      let notices = 0;
      if (status === 'SCHEDULED') {
        const targets = await loadPlanTargets(tx, targetIds, upgrade.id);
        const rows = planRows(upgrade, policy, targets, actor.now, undefined, {
          vendor: actor.vendor,
        });
        await tx.notice.createMany({ data: rows });
        notices = rows.length;
      }
      await audit(tx, {
        actorId: actor.userId,
        action: status === 'DRAFT' ? 'upgrade.draft' : 'upgrade.schedule',
        entityType: 'Upgrade',
        entityId: upgrade.id,
        at: actor.now,
        data: { kind: input.kind, targets: targetIds.length, notices, emergency: input.emergency },
      });
      return upgrade.id;
    },
    { timeout: 60_000 },
  );
  return done(upgradeId);
}

/** An edit of an upgrade: absent fields stay as they are. */
export type UpdateInput = Partial<Omit<ScheduleInput, 'kind' | 'firstNoticeAt'>> & {
  id: string;
  /** Required when the window of a published upgrade moves: told to the customers. */
  reason: string | null;
};

/**
 * Edits a draft (anything), or an open published upgrade: its words and details re-render the
 * pending notices; a moved window is a reschedule (RESCHEDULED to those already told, and the
 * pending notices replanned). Targets and modules of a published upgrade stay as announced.
 */
export async function updateUpgrade(prisma: PrismaClient, input: UpdateInput, actor: Actor): Promise<LifecycleResult> {
  const current = await prisma.upgrade.findUnique({
    where: { id: input.id },
    select: { ...PLAN_SELECT, modules: { select: { moduleId: true, fromVersion: true, targetVersion: true } } },
  });
  if (!current) return refused(NO_SUCH_UPGRADE);
  if (!isUpgradeOpen(current.status)) {
    return refused(problem('INVALID_TRANSITION', `A ${current.status} upgrade can no longer be edited.`, ['id']));
  }
  const draft = current.status === 'DRAFT';
  if (!draft && (input.moduleIds || input.moduleVersions || input.customerIds)) {
    const field = input.moduleIds ? 'moduleIds' : input.moduleVersions ? 'moduleVersions' : 'customerIds';
    return refused(
      problem('INVALID_INPUT', 'The modules and customers of a published upgrade cannot change.', [field]),
    );
  }
  const merged: ScheduleInput = {
    kind: current.kind,
    title: input.title ?? current.title,
    summary: input.summary ?? current.summary,
    titleEn: input.titleEn !== undefined ? input.titleEn : current.titleEn,
    summaryEn: input.summaryEn !== undefined ? input.summaryEn : current.summaryEn,
    changesVi: input.changesVi !== undefined ? input.changesVi : current.changesVi,
    changesEn: input.changesEn !== undefined ? input.changesEn : current.changesEn,
    moduleIds: input.moduleIds ?? current.modules.map((m) => m.moduleId),
    moduleVersions: input.moduleVersions ?? current.modules,
    targetVersion: input.targetVersion !== undefined ? input.targetVersion : current.targetVersion,
    customerIds: input.customerIds !== undefined ? input.customerIds : current.targets.map((t) => t.customerId),
    windowStart: input.windowStart ?? current.windowStart,
    windowEnd: input.windowEnd ?? current.windowEnd,
    expectedDowntimeMinutes: input.expectedDowntimeMinutes ?? current.expectedDowntimeMinutes,
    requiresRelogin: input.requiresRelogin ?? current.requiresRelogin,
    sandboxStart: input.sandboxStart !== undefined ? input.sandboxStart : current.sandboxStart,
    emergency: input.emergency ?? current.emergency,
    emergencyReason: input.emergencyReason !== undefined ? input.emergencyReason : current.emergencyReason,
    firstNoticeAt: null,
  };
  const moved =
    merged.windowStart.getTime() !== current.windowStart.getTime() ||
    merged.windowEnd.getTime() !== current.windowEnd.getTime();
  const reason = input.reason?.trim() ?? '';
  if (!draft && moved && !reason) return refused(problem('INVALID_INPUT', 'Say why the window moves.', ['reason']));

  let targetIds = current.targets.map((t) => t.customerId);
  if (draft) {
    const checked = await checkForm(prisma, merged, actor, false);
    if (!checked.ok) return checked;
    targetIds = checked.value;
  } else {
    // A sandbox run already under way is not re-checked against the window.
    const problems: Problem[] = scheduleProblems(merged, policyFor(actor, current.kind), actor.now).filter(
      (p) => p.field[0] !== 'sandboxStart',
    );
    // The modules stay as announced; a new upgrade target is announced too, so it must be published.
    if (problems.length === 0 && input.targetVersion !== undefined)
      problems.push(...(await targetVersionProblems(prisma, merged)));
    if (problems.length > 0) return refused(...problems);
  }

  await prisma.$transaction(
    async (tx) => {
      const { kind: _kind, ...data } = contentData(merged);
      if (draft) {
        await tx.upgradeModule.deleteMany({ where: { upgradeId: current.id } });
        await tx.upgradeTarget.deleteMany({ where: { upgradeId: current.id } });
      }
      const upgrade = await tx.upgrade.update({
        where: { id: current.id },
        data: {
          ...data,
          ...(draft
            ? {
                modules: { createMany: { data: moduleMoves(merged) } },
                targets: { createMany: { data: targetIds.map((customerId) => ({ customerId })) } },
              }
            : { sequence: { increment: 1 } }),
        },
        select: PLAN_SELECT,
      });
      if (!draft) {
        await replan(tx, upgrade, policyFor(actor, current.kind), actor.now, {
          previousWindow: moved ? { start: current.windowStart, end: current.windowEnd } : null,
          reason,
          vendor: actor.vendor,
        });
      }
      await audit(tx, {
        actorId: actor.userId,
        action: 'upgrade.update',
        entityType: 'Upgrade',
        entityId: upgrade.id,
        at: actor.now,
        data: {
          status: current.status,
          fields: Object.keys(input).filter((k) => k !== 'id' && input[k as keyof UpdateInput] !== undefined),
          ...(moved
            ? {
                from: { start: current.windowStart.toISOString(), end: current.windowEnd.toISOString() },
                to: { start: merged.windowStart.toISOString(), end: merged.windowEnd.toISOString() },
              }
            : {}),
          ...(reason ? { reason } : {}),
        },
      });
    },
    { timeout: 60_000 },
  );
  return done(current.id);
}

/**
 * Replaces the pending notices of a published upgrade (of the given customers, else all its
 * targets) by a new plan from its current state; what was sent stays sent. When the window moved
 * (`previousWindow`), those already told get a RESCHEDULED notice at once.
 */
export async function replan(
  tx: Prisma.TransactionClient,
  upgrade: PlannedUpgrade,
  policy: NoticePolicy,
  now: Date,
  change: {
    previousWindow: { start: Date; end: Date } | null;
    reason: string;
    customerId?: string;
    vendor?: VendorContact;
  },
): Promise<void> {
  await supersedePending(tx, upgrade.id, now, change.customerId);
  const sent = await sentStages(tx, upgrade.id);
  const targetIds = change.customerId ? [change.customerId] : upgrade.targets.map((t) => t.customerId);
  const targets: TargetToPlan[] = await loadPlanTargets(tx, targetIds, upgrade.id);
  const { sendsNow } = changeNotices(
    change.previousWindow ? { kind: 'MOVE', customerIds: targetIds } : { kind: 'EDIT' },
    { status: upgrade.status, targetIds: upgrade.targets.map((t) => t.customerId) },
    new Set(sent.keys()),
  );
  const rows = [
    ...sendsNow.flatMap(({ stage, customerIds }) =>
      noticeRows(upgrade, eventNotices(stage, customerIds, now), targets, {
        previousWindow: change.previousWindow ?? undefined,
        reason: change.reason,
        vendor: change.vendor,
        policy,
      }),
    ),
    ...planRows(upgrade, policy, targets, now, sent, { vendor: change.vendor }),
  ];
  await tx.notice.createMany({ data: rows });
}

/** A move of an upgrade's window (for all its targets, or one): what is checked before anything is written. */
export interface WindowMove {
  id: string;
  windowStart: Date;
  windowEnd: Date;
  reason: string;
}

/**
 * The upgrade to move, its policy and the trimmed reason, or why it cannot move there: no reason,
 * no such upgrade, a finished one, or a window the policy refuses (a sandbox run already under way
 * is not re-checked against it).
 */
export async function checkMove(
  prisma: PrismaClient,
  input: WindowMove,
  actor: Actor,
): Promise<Outcome<{ current: PlannedUpgrade; policy: NoticePolicy; reason: string }>> {
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
  return done({ current, policy, reason });
}

export async function rescheduleUpgrade(
  prisma: PrismaClient,
  input: WindowMove,
  actor: Actor,
): Promise<LifecycleResult> {
  const checked = await checkMove(prisma, input, actor);
  if (!checked.ok) return checked;
  const { current, policy, reason } = checked.value;

  await prisma.$transaction(
    async (tx) => {
      const upgrade = await tx.upgrade.update({
        where: { id: current.id },
        data: { windowStart: input.windowStart, windowEnd: input.windowEnd, sequence: { increment: 1 } },
        select: PLAN_SELECT,
      });
      if (current.status !== 'DRAFT') {
        await replan(tx, upgrade, policy, actor.now, {
          previousWindow: { start: current.windowStart, end: current.windowEnd },
          reason,
          vendor: actor.vendor,
        });
      }
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

/**
 * Publishing a draft asks what upgradeSchedule asks, and more: its targets must still have its
 * modules. A draft saved before its versions were checked is refused on its id, its only field.
 */
async function publishProblems(prisma: PrismaClient, current: PlannedUpgrade, actor: Actor): Promise<Problem[]> {
  const problems = scheduleProblems(current, policyFor(actor, current.kind), actor.now);
  if (problems.length > 0) return problems;
  const checked = await resolveTargets(prisma, {
    moduleIds: current.modules.map((m) => m.moduleId),
    moduleVersions: [],
    customerIds: current.targets.map((t) => t.customerId),
  });
  if (!checked.ok) return checked.problems;
  const moduleVersions = await prisma.upgradeModule.findMany({
    where: { upgradeId: current.id },
    select: { moduleId: true, fromVersion: true, targetVersion: true },
  });
  const versions = await targetVersionProblems(prisma, {
    moduleIds: moduleVersions.map((m) => m.moduleId),
    moduleVersions,
    targetVersion: current.targetVersion,
  });
  return versions.map((p) => ({ ...p, field: ['id'] }));
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
  const publishing = current.status === 'DRAFT' && input.to === 'SCHEDULED';
  if (publishing) {
    const problems = await publishProblems(prisma, current, actor);
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
        upgrade.id,
      );
      const told = new Set((await sentStages(tx, upgrade.id)).keys());
      const notices = changeNotices(
        { kind: 'TRANSITION', to: input.to },
        { status: current.status, targetIds: upgrade.targets.map((t) => t.customerId) },
        told,
      );
      if (notices.pending === 'PLANNED')
        await tx.notice.createMany({
          data: planRows(upgrade, policy, targets, actor.now, undefined, { vendor: actor.vendor }),
        });
      if (input.to === 'COMPLETED') await installTargetVersions(tx, upgrade);
      if (notices.pending === 'DROPPED') await supersedePending(tx, upgrade.id, actor.now);
      for (const { stage, customerIds } of notices.sendsNow) {
        await tx.notice.createMany({
          data: noticeRows(upgrade, eventNotices(stage, customerIds, actor.now), targets, {
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

/**
 * A completed upgrade leaves every target running the target version of each of its modules (the
 * module's own, else the upgrade's), so customers' installed versions stay true. One statement per
 * module; a module without a target version is left as it is.
 */
async function installTargetVersions(tx: Prisma.TransactionClient, upgrade: PlannedUpgrade): Promise<void> {
  const customerIds = upgrade.targets.map((t) => t.customerId);
  for (const m of upgrade.modules) {
    const version = m.targetVersion ?? upgrade.targetVersion;
    if (!version) continue;
    await tx.installedModule.updateMany({
      where: { moduleId: m.moduleId, customerId: { in: customerIds } },
      data: { version },
    });
  }
}
