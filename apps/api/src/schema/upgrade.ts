import type { Prisma } from '@upgrade-desk/db';
import { z } from 'zod';
import { vendorContact } from '../config.ts';
import type { Context } from '../context.ts';
import {
  createDraft,
  rescheduleUpgrade,
  scheduleUpgrade,
  transitionUpgrade,
  updateUpgrade,
  type Actor,
  type LifecycleResult,
  type ScheduleInput,
  type UpdateInput,
} from '../upgrades/lifecycle.ts';
import { rescheduleForCustomer } from '../upgrades/customer-window.ts';
import { noticePlanOf, previewForm } from '../upgrades/notice-plan.ts';
import type { CustomerNoticePlan } from '../notices/plan-preview.ts';
import { entityPayload, UserErrorRef, userErrorsOf, type EntityPayload, type UserError } from './user-error.ts';
import { changesIn, customerWindow, policyWarnings, summaryIn, titleIn } from '@upgrade-desk/domain';
import { CustomerNoticePlanRef } from './notice-plan.ts';
import { uniqueId, visibleNotices, visibleUpgrades } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import { builder, MAX_PAGE_SIZE, type ViewerContext } from './builder.ts';
import { prefetchTotalCount } from './total-count.ts';
import { PolicyWarningEnum, UpgradeKindEnum, UpgradeStatusEnum } from './enums.ts';
import { ModuleNode } from './module.ts';
import { NoticeConnection, noticeListArgs, noticeListQuery, unacknowledged } from './notice.ts';

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

/** The upgrade's window, and for a customer viewer its own target row (where an override lives). */
function ownWindowSelect(viewer: Viewer | null) {
  return {
    windowStart: true,
    windowEnd: true,
    // Staff read the upgrade's window: no extra relation to load for them.
    targets: viewer?.customerId
      ? { where: { customerId: viewer.customerId }, select: { windowStart: true, windowEnd: true } }
      : (false as const),
  };
}

/** Lists per target customer (a plan, the acknowledgements) are paged: `first` of them after skipping `offset` (a plain list, so its bound holds). */
export const customerPageArgs = builder.args((t) => ({
  first: t.int({
    required: false,
    defaultValue: MAX_PAGE_SIZE,
    validate: z.number().int().min(0).max(MAX_PAGE_SIZE),
  }),
  offset: t.int({ required: false, defaultValue: 0, validate: z.number().int().min(0) }),
}));

function planPage(
  plan: readonly CustomerNoticePlan[],
  args: { first?: number | null; offset?: number | null },
): CustomerNoticePlan[] {
  const offset = args.offset ?? 0;
  return plan.slice(offset, offset + (args.first ?? MAX_PAGE_SIZE));
}

const UpgradeModuleVersionRef = builder
  .objectRef<{ module: typeof ModuleNode.$inferType; fromVersion: string | null; targetVersion: string | null }>(
    'UpgradeModuleVersion',
  )
  .implement({
    fields: (t) => ({
      module: t.field({ type: ModuleNode, resolve: (v) => v.module }),
      fromVersion: t.exposeString('fromVersion', { nullable: true }),
      targetVersion: t.exposeString('targetVersion', {
        nullable: true,
        description: "installed on every target when the upgrade completes (the module's own, else the upgrade's)",
      }),
    }),
  });

/**
 * An upgrade's modules in the catalog's order. Sorted here rather than by the query: ordering the
 * relation by the module's column made every upgrade row join and sort the whole catalog in SQL.
 */
function inCatalogOrder<T extends { module: { id: string; sortOrder: number } }>(modules: readonly T[]): T[] {
  return [...modules].sort((a, b) => a.module.sortOrder - b.module.sortOrder || a.module.id.localeCompare(b.module.id));
}

export const UpgradeNode = builder.prismaNode('Upgrade', {
  id: { field: 'id' },
  // Only the columns the asked fields need: loading whole rows (long texts, every column of each
  // nested relation) made the uncached dashboard spend most of its time in the Prisma client. The
  // short columns nearly every reader asks for are always loaded and read by plain resolvers: an
  // exposed field of a select-mode type asks plugin-prisma for its row's loader mapping on every
  // row it resolves (those lookups were a tenth of the uncached dashboard's time).
  select: {
    id: true,
    kind: true,
    status: true,
    title: true,
    titleEn: true,
    expectedDowntimeMinutes: true,
    requiresRelogin: true,
  },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleUpgrades(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.field({ type: UpgradeKindEnum, resolve: (u) => u.kind }),
    status: t.field({ type: UpgradeStatusEnum, resolve: (u) => u.status }),
    // Each reads its own two columns only: a list of titles does not load every summary's long text.
    title: t.string({
      description: "In the reader's language (the other language when it has none there)",
      resolve: (u, _args, ctx) => titleIn(ctx.viewer?.locale ?? 'VI', u),
    }),
    summary: t.string({
      description: "In the reader's language (the other language when it has none there)",
      select: { summary: true, summaryEn: true },
      resolve: (u, _args, ctx) => summaryIn(ctx.viewer?.locale ?? 'VI', u),
    }),
    changes: t.string({
      nullable: true,
      description: "What changes for the users, in the reader's language (else the other one)",
      select: { changesVi: true, changesEn: true },
      resolve: (u, _args, ctx) => changesIn(ctx.viewer?.locale ?? 'VI', u),
    }),
    titleVi: t.exposeString('title', { authScopes: { staff: true }, description: 'Vendor staff: as written' }),
    titleEn: t.exposeString('titleEn', { nullable: true, authScopes: { staff: true } }),
    summaryVi: t.exposeString('summary', { authScopes: { staff: true } }),
    summaryEn: t.exposeString('summaryEn', { nullable: true, authScopes: { staff: true } }),
    changesVi: t.exposeString('changesVi', { nullable: true, authScopes: { staff: true } }),
    changesEn: t.exposeString('changesEn', { nullable: true, authScopes: { staff: true } }),
    moduleVersions: t.field({
      type: [UpgradeModuleVersionRef],
      description: 'Each module with the version customers run before and after the upgrade',
      select: (_args, _ctx, nestedSelection) => ({
        targetVersion: true,
        modules: {
          select: {
            fromVersion: true,
            targetVersion: true,
            module: nestedSelection({ select: { id: true, sortOrder: true } }),
          },
        },
      }),
      resolve: (u) =>
        inCatalogOrder(u.modules).map((m) => ({
          module: m.module,
          fromVersion: m.fromVersion,
          targetVersion: m.targetVersion ?? u.targetVersion,
        })),
    }),
    noticePlan: t.field({
      type: [CustomerNoticePlanRef],
      authScopes: { staff: true },
      args: customerPageArgs,
      description:
        'Vendor staff: for each target customer, every notice with its time, channels, recipients and text, and the warnings it raises. A draft shows what publishing it now would send; a published upgrade its standing notices.',
      resolve: async (u, args, ctx) =>
        planPage(await noticePlanOf(ctx.prisma, u.id, { now: ctx.now(), policies: await ctx.noticePolicies() }), args),
    }),
    modules: t.field({
      type: [ModuleNode],
      select: (_args, _ctx, nestedSelection) => ({
        modules: { select: { module: nestedSelection({ select: { id: true, sortOrder: true } }) } },
      }),
      resolve: (u) => inCatalogOrder(u.modules).map((m) => m.module),
    }),
    targetVersion: t.exposeString('targetVersion', { nullable: true }),
    windowStart: t.field({
      type: 'DateTime',
      description: 'A customer reads its own window when staff moved it for that customer alone',
      select: (_args, ctx) => ownWindowSelect(ctx.viewer),
      resolve: (u) => customerWindow(u, u.targets?.[0]).windowStart,
    }),
    windowEnd: t.field({
      type: 'DateTime',
      select: (_args, ctx) => ownWindowSelect(ctx.viewer),
      resolve: (u) => customerWindow(u, u.targets?.[0]).windowEnd,
    }),
    expectedDowntimeMinutes: t.int({ resolve: (u) => u.expectedDowntimeMinutes }),
    requiresRelogin: t.boolean({ resolve: (u) => u.requiresRelogin }),
    sandboxStart: t.expose('sandboxStart', { type: 'DateTime', nullable: true }),
    sandboxVerifiedAt: t.expose('sandboxVerifiedAt', { type: 'DateTime', nullable: true }),
    emergency: t.exposeBoolean('emergency', { authScopes: { staff: true } }),
    emergencyReason: t.exposeString('emergencyReason', { nullable: true, authScopes: { staff: true } }),
    firstNoticeAt: t.expose('firstNoticeAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: { staff: true },
      description: 'Vendor staff, SERVER: the earlier first notice set when the provider’s schedule was known',
    }),
    important: t.exposeBoolean('important', {
      authScopes: { staff: true },
      description: 'Vendor staff, FIX: the advisory went to every target at once, without the account teams’ release',
    }),
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
      { cursor: 'id', totalCount: true, args: noticeListArgs, query: noticeListQuery },
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

const ModuleVersionInput = builder.inputType('UpgradeModuleVersionInput', {
  fields: (t) => ({
    moduleId: t.globalID({ required: true, for: [ModuleNode] }),
    fromVersion: t.string({ required: false, validate: VERSION }),
    targetVersion: t.string({ required: false, validate: VERSION }),
  }),
});

const TITLE = z.string().trim().min(1).max(200);
const TEXT = z.string().max(10_000);
const VERSION = z.string().trim().max(50);
const REASON = z.string().max(2000);
const MODULES = z.array(z.unknown()).min(1).max(50);
const CUSTOMERS = z.array(z.unknown()).min(1).max(10_000);
const DOWNTIME_MINUTES = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 60);

/** The upgrade form: what upgradeSchedule publishes at once, upgradeCreate saves as a draft, upgradePlanPreview previews. */
function upgradeFormFields(name: string) {
  return builder.inputType(name, {
    fields: (t) => ({
      kind: t.field({ type: UpgradeKindEnum, required: true }),
      title: t.string({ required: true, description: 'in Vietnamese', validate: TITLE }),
      summary: t.string({ required: true, description: 'in Vietnamese', validate: TEXT }),
      titleEn: t.string({
        required: false,
        description: 'English title (English readers get the Vietnamese one without it)',
        validate: TITLE,
      }),
      summaryEn: t.string({ required: false, validate: TEXT }),
      changesVi: t.string({
        required: false,
        description: 'what changes for the users, in Vietnamese',
        validate: TEXT,
      }),
      changesEn: t.string({ required: false, description: 'what changes for the users, in English', validate: TEXT }),
      moduleIds: t.globalIDList({ required: true, for: [ModuleNode], validate: MODULES }),
      moduleVersions: t.field({
        type: [ModuleVersionInput],
        required: false,
        description: "from and target version per module (target default: the upgrade's targetVersion)",
        validate: z.array(z.unknown()).max(50),
      }),
      targetVersion: t.string({ required: false, validate: VERSION }),
      customerIds: t.globalIDList({
        required: false,
        description: 'default: every customer with one of the modules installed',
        validate: CUSTOMERS,
      }),
      windowStart: t.field({ type: 'DateTime', required: true }),
      windowEnd: t.field({ type: 'DateTime', required: true }),
      expectedDowntimeMinutes: t.int({
        required: true,
        validate: DOWNTIME_MINUTES,
      }),
      requiresRelogin: t.boolean({ required: false }),
      sandboxStart: t.field({
        type: 'DateTime',
        required: false,
        description: 'required for FEATURE unless emergency',
      }),
      emergency: t.boolean({ required: false, description: 'allows a shorter notice period; needs emergencyReason' }),
      emergencyReason: t.string({ required: false, validate: REASON }),
      firstNoticeAt: t.field({
        type: 'DateTime',
        required: false,
        description:
          "SERVER: an extra first notice at this time, when the provider's schedule is known early; the final reminder 24 hours ahead still goes out",
      }),
      important: t.boolean({
        required: false,
        description:
          "FIX: announce the advisory to every target at once instead of holding it for each customer's account team to release",
      }),
    }),
  });
}

const UpgradeScheduleInput = upgradeFormFields('UpgradeScheduleInput');
const UpgradeCreateInput = upgradeFormFields('UpgradeCreateInput');

const UpgradeUpdateInput = builder.inputType('UpgradeUpdateInput', {
  description: 'Absent fields stay as they are; null clears an optional one',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [UpgradeNode] }),
    title: t.string({ required: false, validate: TITLE }),
    summary: t.string({ required: false, validate: TEXT }),
    titleEn: t.string({ required: false, validate: TITLE }),
    summaryEn: t.string({ required: false, validate: TEXT }),
    changesVi: t.string({ required: false, validate: TEXT }),
    changesEn: t.string({ required: false, validate: TEXT }),
    moduleIds: t.globalIDList({
      required: false,
      for: [ModuleNode],
      description: 'drafts only',
      validate: MODULES,
    }),
    moduleVersions: t.field({
      type: [ModuleVersionInput],
      required: false,
      description: 'drafts only',
      validate: z.array(z.unknown()).max(50),
    }),
    targetVersion: t.string({ required: false, validate: VERSION }),
    customerIds: t.globalIDList({
      required: false,
      description: 'drafts only',
      validate: CUSTOMERS,
    }),
    windowStart: t.field({ type: 'DateTime', required: false }),
    windowEnd: t.field({ type: 'DateTime', required: false }),
    expectedDowntimeMinutes: t.int({
      required: false,
      validate: DOWNTIME_MINUTES,
    }),
    requiresRelogin: t.boolean({ required: false }),
    sandboxStart: t.field({ type: 'DateTime', required: false }),
    emergency: t.boolean({ required: false }),
    emergencyReason: t.string({ required: false, validate: REASON }),
    reason: t.string({
      required: false,
      description: 'required when the window of a published upgrade moves (a reschedule, told to the customers)',
      validate: REASON,
    }),
  }),
});

const UpgradeTargetRescheduleInput = builder.inputType('UpgradeTargetRescheduleInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [UpgradeNode] }),
    customerId: t.globalID({ required: true, description: 'the target customer whose window moves' }),
    windowStart: t.field({ type: 'DateTime', required: true }),
    windowEnd: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true, validate: REASON }),
  }),
});

const UpgradeRescheduleInput = builder.inputType('UpgradeRescheduleInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [UpgradeNode] }),
    windowStart: t.field({ type: 'DateTime', required: true }),
    windowEnd: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true, validate: REASON }),
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
    note: t.string({ required: false, validate: REASON }),
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
const UpgradeCreatePayload = upgradePayload('UpgradeCreatePayload');
const UpgradeUpdatePayload = upgradePayload('UpgradeUpdatePayload');
const UpgradeTargetReschedulePayload = upgradePayload('UpgradeTargetReschedulePayload');

const UpgradePlanPreviewPayload = builder
  .objectRef<{ plan: CustomerNoticePlan[] | null; userErrors: UserError[] }>('UpgradePlanPreviewPayload')
  .implement({
    fields: (t) => ({
      plan: t.field({
        type: [CustomerNoticePlanRef],
        nullable: true,
        args: customerPageArgs,
        description: 'per target customer, in the order of their ids',
        resolve: (p, args) => (p.plan ? planPage(p.plan, args) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.queryField('upgradePlanPreview', (t) =>
  t.withAuth({ role: ['ENGINEER', 'ADMIN'] }).field({
    type: UpgradePlanPreviewPayload,
    description:
      'Vendor engineers: the notice plan an unsaved upgrade form would get if published now, per target customer',
    args: { input: t.arg({ type: UpgradeCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await previewForm(ctx.prisma, scheduleInput(input), await actorFor(ctx));
      return outcome.ok
        ? { plan: outcome.value, userErrors: [] }
        : { plan: null, userErrors: userErrorsOf(outcome.problems) };
    },
  }),
);
const UpgradeReschedulePayload = upgradePayload('UpgradeReschedulePayload');
const UpgradeTransitionPayload = upgradePayload('UpgradeTransitionPayload');

async function actorFor(ctx: ViewerContext): Promise<Actor> {
  return {
    userId: ctx.viewer.userId,
    now: ctx.now(),
    policies: await ctx.noticePolicies(),
    vendor: vendorContact(ctx.config),
  };
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
    upgradeCreate: runsUpgrades.field({
      type: UpgradeCreatePayload,
      description: 'Vendor engineers: save an upgrade as a DRAFT (nothing planned, nothing shown to customers)',
      args: { input: t.arg({ type: UpgradeCreateInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(ctx, await createDraft(ctx.prisma, scheduleInput(input), await actorFor(ctx))),
    }),
    upgradeUpdate: runsUpgrades.field({
      type: UpgradeUpdatePayload,
      description:
        'Vendor engineers: edit a draft, or an open published upgrade (its pending notices are re-rendered; a moved window is a reschedule)',
      args: { input: t.arg({ type: UpgradeUpdateInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(ctx, await updateUpgrade(ctx.prisma, updateInput(input), await actorFor(ctx))),
    }),
    upgradeTargetReschedule: runsUpgrades.field({
      type: UpgradeTargetReschedulePayload,
      description:
        "Vendor engineers: move the window for one target customer alone (e.g. after its window proposal); only that customer's notices are replanned",
      args: { input: t.arg({ type: UpgradeTargetRescheduleInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(
          ctx,
          await rescheduleForCustomer(
            ctx.prisma,
            {
              id: uniqueId(input.id.id),
              customerId: customerIdOf(input.customerId),
              windowStart: input.windowStart,
              windowEnd: input.windowEnd,
              reason: input.reason,
            },
            await actorFor(ctx),
          ),
        ),
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

// Not typed with `for` (Customer is defined in customer.ts, which imports this file); a non-customer id matches nothing.
function customerIdOf(id: { typename: string; id: string }): string {
  return id.typename === 'Customer' ? uniqueId(id.id) : uniqueId('');
}

function moduleVersionsOf(
  versions: readonly (typeof ModuleVersionInput.$inferInput)[],
): ScheduleInput['moduleVersions'] {
  return versions.map((v) => ({
    moduleId: uniqueId(v.moduleId.id),
    fromVersion: v.fromVersion?.trim() || null,
    targetVersion: v.targetVersion?.trim() || null,
  }));
}

const optionalText = (text: string | null | undefined) => text?.trim() || null;

function scheduleInput(input: typeof UpgradeScheduleInput.$inferInput): ScheduleInput {
  return {
    kind: input.kind,
    title: input.title.trim(),
    summary: input.summary.trim(),
    titleEn: optionalText(input.titleEn),
    summaryEn: optionalText(input.summaryEn),
    changesVi: optionalText(input.changesVi),
    changesEn: optionalText(input.changesEn),
    moduleIds: input.moduleIds.map((m) => uniqueId(m.id)),
    moduleVersions: moduleVersionsOf(input.moduleVersions ?? []),
    targetVersion: input.targetVersion?.trim() || null,
    customerIds: input.customerIds ? input.customerIds.map(customerIdOf) : null,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    expectedDowntimeMinutes: input.expectedDowntimeMinutes,
    requiresRelogin: input.requiresRelogin ?? false,
    sandboxStart: input.sandboxStart ?? null,
    emergency: input.emergency ?? false,
    emergencyReason: input.emergencyReason ?? null,
    firstNoticeAt: input.firstNoticeAt ?? null,
    important: input.important ?? false,
  };
}

/** Absent (undefined) stays; null clears what may be cleared; required fields ignore null. */
function updateInput(input: typeof UpgradeUpdateInput.$inferInput): UpdateInput {
  const keep = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
  const clearable = (text: string | null | undefined) => (text === undefined ? undefined : optionalText(text));
  return {
    id: uniqueId(input.id.id),
    title: keep(input.title?.trim()),
    summary: keep(input.summary?.trim()),
    titleEn: clearable(input.titleEn),
    summaryEn: clearable(input.summaryEn),
    changesVi: clearable(input.changesVi),
    changesEn: clearable(input.changesEn),
    moduleIds: input.moduleIds ? input.moduleIds.map((m) => uniqueId(m.id)) : undefined,
    moduleVersions: input.moduleVersions ? moduleVersionsOf(input.moduleVersions) : undefined,
    targetVersion: clearable(input.targetVersion),
    customerIds: input.customerIds ? input.customerIds.map(customerIdOf) : undefined,
    windowStart: keep(input.windowStart),
    windowEnd: keep(input.windowEnd),
    expectedDowntimeMinutes: keep(input.expectedDowntimeMinutes),
    requiresRelogin: keep(input.requiresRelogin),
    sandboxStart: input.sandboxStart === undefined ? undefined : input.sandboxStart,
    emergency: keep(input.emergency),
    emergencyReason: clearable(input.emergencyReason),
    reason: input.reason ?? null,
  };
}
