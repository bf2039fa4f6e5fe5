import type { Prisma } from '@upgrade-desk/db';
import { policyWarnings } from '@upgrade-desk/domain';
import { uniqueId, visibleNotices, visibleUpgrades } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import { builder } from './builder.ts';
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
      totalCount: (_root, _args, ctx) => ctx.prisma.upgrade.count({ where: upcoming(ctx.viewer, ctx.now()) }),
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.upgrade.findMany({
          ...query,
          where: upcoming(ctx.viewer, ctx.now()),
          orderBy: [{ windowStart: 'asc' }, { id: 'asc' }],
        }),
    },
    UpgradeConnection,
  ),
}));

function upcoming(viewer: Viewer | null, now: Date): Prisma.UpgradeWhereInput {
  return {
    AND: [visibleUpgrades(viewer), { windowEnd: { gt: now }, status: { notIn: ['CANCELLED', 'COMPLETED', 'FAILED'] } }],
  };
}
