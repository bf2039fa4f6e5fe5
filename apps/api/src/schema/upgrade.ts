import type { Prisma } from '@upgrade-desk/db';
import { z } from 'zod';
import type { Context } from '../context.ts';
import {
  rescheduleUpgrade,
  scheduleUpgrade,
  transitionUpgrade,
  type Actor,
  type LifecycleResult,
  type ScheduleInput,
} from '../upgrades/lifecycle.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';
import { policyWarnings } from '@upgrade-desk/domain';
import { uniqueId, visibleNotices, visibleUpgrades } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import { builder, type ViewerContext } from './builder.ts';
import { prefetchTotalCount } from './total-count.ts';
import { PolicyWarningEnum, UpgradeKindEnum, UpgradeStatusEnum } from './enums.ts';
import { ModuleNode } from './module.ts';
import { NOTICE_ORDER, NoticeConnection, NoticeFilterInput, noticeScope, unacknowledged } from './notice.ts';

export const UPGRADE_ORDER: Prisma.UpgradeOrderByWithRelationInput[] = [{ windowStart: 'desc' }, { id: 'desc' }];

export const UpgradeFilterInput = builder.inputType('UpgradeFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [UpgradeKindEnum], required: false }),
    statuses: t.field({ type: [UpgradeStatusEnum], required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'windows ending after this instant' }),
    to: t.field({ type: 'DateTime', required: false, description: 'windows starting before this instant' }),
  }),
});

export function upgradeFilterWhere(
  filter: typeof UpgradeFilterInput.$inferInput | null | undefined,
): Prisma.UpgradeWhereInput {
  return {
    ...(filter?.kinds?.length ? { kind: { in: filter.kinds } } : {}),
    ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter?.from ? { windowEnd: { gt: filter.from } } : {}),
    ...(filter?.to ? { windowStart: { lt: filter.to } } : {}),
  };
}

const AcknowledgementSummary = builder
  .objectRef<{ noticesRequiringAck: number; acknowledged: number; overdue: number }>('AcknowledgementSummary')
  .implement({
    fields: (t) => ({
      noticesRequiringAck: t.exposeInt('noticesRequiringAck'),
      acknowledged: t.exposeInt('acknowledged'),
      overdue: t.exposeInt('overdue', { description: 'past their acknowledgement deadline and not acknowledged' }),
    }),
  });

export const UpgradeNode = builder.prismaNode('Upgrade', {
  id: { field: 'id' },
  // Only the columns the asked fields need: loading whole rows (long texts, every column of each
  // nested relation) made the uncached dashboard spend most of its time in the Prisma client.
  select: { id: true },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleUpgrades(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.expose('kind', { type: UpgradeKindEnum }),
    status: t.expose('status', { type: UpgradeStatusEnum }),
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    modules: t.field({
      type: [ModuleNode],
      select: (_args, _ctx, nestedSelection) => ({
        modules: { select: { module: nestedSelection(true) }, orderBy: { module: { sortOrder: 'asc' } } },
      }),
      resolve: (u) => u.modules.map((m) => m.module),
    }),
    targetVersion: t.exposeString('targetVersion', { nullable: true }),
    windowStart: t.expose('windowStart', { type: 'DateTime' }),
    windowEnd: t.expose('windowEnd', { type: 'DateTime' }),
    expectedDowntimeMinutes: t.exposeInt('expectedDowntimeMinutes'),
    requiresRelogin: t.exposeBoolean('requiresRelogin'),
    sandboxStart: t.expose('sandboxStart', { type: 'DateTime', nullable: true }),
    sandboxVerifiedAt: t.expose('sandboxVerifiedAt', { type: 'DateTime', nullable: true }),
    emergency: t.exposeBoolean('emergency', { authScopes: { staff: true } }),
    emergencyReason: t.exposeString('emergencyReason', { nullable: true, authScopes: { staff: true } }),
    policyWarnings: t.field({
      type: [PolicyWarningEnum],
      authScopes: { staff: true },
      description: 'Vendor staff only: where the window breaks the notice policy for some target',
      select: {
        kind: true,
        windowStart: true,
        windowEnd: true,
        expectedDowntimeMinutes: true,
        sandboxStart: true,
        emergency: true,
        emergencyReason: true,
        createdAt: true,
        targets: {
          select: {
            customer: {
              select: { id: true, timeZone: true, blackoutWindows: { select: { startsAt: true, endsAt: true } } },
            },
          },
        },
        notices: { select: { scheduledFor: true }, orderBy: { scheduledFor: 'asc' }, take: 1 },
      },
      resolve: async (upgrade, _args, ctx) => {
        const policy = (await ctx.noticePolicies()).get(upgrade.kind)!;
        const targets = upgrade.targets.map(({ customer }) => ({
          customerId: customer.id,
          timeZone: customer.timeZone,
          blackouts: customer.blackoutWindows,
        }));
        const firstNoticeAt = upgrade.notices[0]?.scheduledFor ?? upgrade.createdAt;
        return policyWarnings(upgrade, policy, targets, firstNoticeAt);
      },
    }),
    notices: t.relatedConnection(
      'notices',
      {
        cursor: 'id',
        totalCount: true,
        args: { filter: t.arg({ type: NoticeFilterInput, required: false }) },
        query: (args, ctx) => ({ where: noticeScope(ctx.viewer, args.filter), orderBy: NOTICE_ORDER }),
      },
      NoticeConnection,
    ),
    acknowledgement: t.field({
      type: AcknowledgementSummary,
      resolve: async (upgrade, _args, ctx) => {
        const base: Prisma.NoticeWhereInput = {
          AND: [visibleNotices(ctx.viewer), { upgradeId: upgrade.id, requiresAcknowledgement: true }],
        };
        const [noticesRequiringAck, pending, overdue] = await Promise.all([
          ctx.prisma.notice.count({ where: base }),
          ctx.prisma.notice.count({ where: { AND: [base, unacknowledged] } }),
          ctx.prisma.notice.count({ where: { AND: [base, unacknowledged, { acknowledgeBy: { lt: ctx.now() } }] } }),
        ]);
        return { noticesRequiringAck, acknowledged: noticesRequiringAck - pending, overdue };
      },
    }),
  }),
});
export const UpgradeConnection = builder.connectionObject({ type: UpgradeNode, name: 'UpgradeConnection' });

builder.queryFields((t) => ({
  upgrades: t.prismaConnection(
    {
      type: 'Upgrade',
      cursor: 'id',
      args: { filter: t.arg({ type: UpgradeFilterInput, required: false }) },
      totalCount: (_root, args, ctx) =>
        ctx.prisma.upgrade.count({ where: { AND: [visibleUpgrades(ctx.viewer), upgradeFilterWhere(args.filter)] } }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.upgrade.findMany({
          ...query,
          where: { AND: [visibleUpgrades(ctx.viewer), upgradeFilterWhere(args.filter)] },
          orderBy: UPGRADE_ORDER,
        }),
    },
    UpgradeConnection,
  ),
  upcomingMaintenance: t.prismaConnection(
    {
      type: 'Upgrade',
      cursor: 'id',
      description: "Windows not yet ended, soonest first, in the viewer's scope",
      totalCount: (_root, _args, ctx) => upcomingTotal(ctx),
      resolve: (query, _root, _args, ctx, info) => {
        prefetchTotalCount(ctx, info, () => upcomingTotal(ctx));
        return ctx.prisma.upgrade.findMany({
          ...query,
          where: upcoming(ctx.viewer, ctx.now()),
          orderBy: [{ windowStart: 'asc' }, { id: 'asc' }],
        });
      },
    },
    UpgradeConnection,
  ),
}));

/** How many upcoming windows the viewer sees; a customer's, counted over its targets and batched with its other counts. */
function upcomingTotal(ctx: Context): Promise<number> {
  const where = upcoming(ctx.viewer, ctx.now());
  return ctx.viewer?.customerId
    ? ctx.customerCount(ctx.viewer.customerId, { relation: 'upgradeTargets', where: { upgrade: { is: where } } })
    : ctx.prisma.upgrade.count({ where });
}

function upcoming(viewer: Viewer | null, now: Date): Prisma.UpgradeWhereInput {
  return {
    AND: [visibleUpgrades(viewer), { windowEnd: { gt: now }, status: { notIn: ['CANCELLED', 'COMPLETED', 'FAILED'] } }],
  };
}

const UpgradeScheduleInput = builder.inputType('UpgradeScheduleInput', {
  fields: (t) => ({
    kind: t.field({ type: UpgradeKindEnum, required: true }),
    title: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    summary: t.string({ required: true, validate: z.string().max(10_000) }),
    moduleIds: t.globalIDList({ required: true, for: [ModuleNode], validate: z.array(z.unknown()).min(1).max(50) }),
    targetVersion: t.string({ required: false, validate: z.string().trim().max(50) }),
    customerIds: t.globalIDList({
      required: false,
      description: 'default: every customer with one of the modules installed',
      validate: z.array(z.unknown()).min(1).max(10_000),
    }),
    windowStart: t.field({ type: 'DateTime', required: true }),
    windowEnd: t.field({ type: 'DateTime', required: true }),
    expectedDowntimeMinutes: t.int({
      required: true,
      validate: z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60),
    }),
    requiresRelogin: t.boolean({ required: false }),
    sandboxStart: t.field({ type: 'DateTime', required: false, description: 'required for FEATURE unless emergency' }),
    emergency: t.boolean({ required: false, description: 'allows a shorter notice period; needs emergencyReason' }),
    emergencyReason: t.string({ required: false, validate: z.string().max(2000) }),
    firstNoticeAt: t.field({
      type: 'DateTime',
      required: false,
      description:
        "SERVER: send the final reminder earlier than the policy's 24 hours (the provider's schedule is known)",
    }),
  }),
});

const UpgradeRescheduleInput = builder.inputType('UpgradeRescheduleInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [UpgradeNode] }),
    windowStart: t.field({ type: 'DateTime', required: true }),
    windowEnd: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true, validate: z.string().max(2000) }),
  }),
});

const UpgradeTransitionInput = builder.inputType('UpgradeTransitionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [UpgradeNode] }),
    to: t.field({
      type: UpgradeStatusEnum,
      required: true,
      description: 'SANDBOX, READY, IN_PROGRESS, COMPLETED, FAILED, CANCELLED',
    }),
    note: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

function upgradePayload(name: string) {
  return builder.objectRef<EntityPayload>(name).implement({
    fields: (t) => ({
      upgrade: t.prismaField({
        type: 'Upgrade',
        nullable: true,
        resolve: (query, result, _args, ctx) =>
          result.id ? ctx.prisma.upgrade.findUnique({ ...query, where: { id: result.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (result) => result.userErrors }),
    }),
  });
}

const UpgradeSchedulePayload = upgradePayload('UpgradeSchedulePayload');
const UpgradeReschedulePayload = upgradePayload('UpgradeReschedulePayload');
const UpgradeTransitionPayload = upgradePayload('UpgradeTransitionPayload');

async function actorFor(ctx: ViewerContext): Promise<Actor> {
  return { userId: ctx.viewer.userId, now: ctx.now(), policies: await ctx.noticePolicies() };
}

/** The payload; a change tells the dispatcher, as it may have planned notices due now. */
function payloadOf(ctx: Context, result: LifecycleResult): EntityPayload {
  if (result.ok) ctx.noticesChanged();
  return entityPayload(result);
}

builder.mutationFields((t) => {
  /** Only engineers and admins run upgrades. */
  const runsUpgrades = t.withAuth({ role: ['ENGINEER', 'ADMIN'] });
  return {
    upgradeSchedule: runsUpgrades.field({
      type: UpgradeSchedulePayload,
      description: 'Vendor engineers: schedule an upgrade and plan its notices by the policy',
      args: { input: t.arg({ type: UpgradeScheduleInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(ctx, await scheduleUpgrade(ctx.prisma, scheduleInput(input), await actorFor(ctx))),
    }),
    upgradeReschedule: runsUpgrades.field({
      type: UpgradeReschedulePayload,
      description: 'Vendor engineers: move the window; a RESCHEDULED notice goes out and pending notices are replanned',
      args: { input: t.arg({ type: UpgradeRescheduleInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(
          ctx,
          await rescheduleUpgrade(ctx.prisma, { ...input, id: uniqueId(input.id.id) }, await actorFor(ctx)),
        ),
    }),
    upgradeTransition: runsUpgrades.field({
      type: UpgradeTransitionPayload,
      description: 'Vendor engineers: move an upgrade through its states',
      args: { input: t.arg({ type: UpgradeTransitionInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(
          ctx,
          await transitionUpgrade(
            ctx.prisma,
            { id: uniqueId(input.id.id), to: input.to, note: input.note ?? null },
            await actorFor(ctx),
          ),
        ),
    }),
  };
});

function scheduleInput(input: typeof UpgradeScheduleInput.$inferInput): ScheduleInput {
  return {
    kind: input.kind,
    title: input.title.trim(),
    summary: input.summary.trim(),
    moduleIds: input.moduleIds.map((m) => uniqueId(m.id)),
    targetVersion: input.targetVersion?.trim() || null,
    // Not typed with `for` (Customer is defined in customer.ts, which imports this file); a non-customer id matches no target.
    customerIds: input.customerIds
      ? input.customerIds.map((c) => (c.typename === 'Customer' ? uniqueId(c.id) : uniqueId('')))
      : null,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    expectedDowntimeMinutes: input.expectedDowntimeMinutes,
    requiresRelogin: input.requiresRelogin ?? false,
    sandboxStart: input.sandboxStart ?? null,
    emergency: input.emergency ?? false,
    emergencyReason: input.emergencyReason ?? null,
    firstNoticeAt: input.firstNoticeAt ?? null,
  };
}
