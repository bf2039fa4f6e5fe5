import type { Prisma } from '@upgrade-desk/db';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { uniqueId, visibleNotices } from '../auth/visibility.ts';
import { isStaff, type Viewer } from '../auth/viewer.ts';
import { builder } from './builder.ts';
import { prefetchTotalCount } from './total-count.ts';
import { NoticeChannelEnum, NoticeStageEnum } from './enums.ts';
import { NoticeStateEnum } from './notice-plan.ts';
import { publishNoticesAcknowledged } from '../notices/events.ts';
import { noticeState } from '../notices/notice-state.ts';
import { UserNode } from './user.ts';
import { userError, UserErrorRef, type UserError } from './user-error.ts';

export const unacknowledged: Prisma.NoticeWhereInput = { requiresAcknowledgement: true, acknowledgement: { is: null } };

export const NoticeFilterInput = builder.inputType('NoticeFilter', {
  fields: (t) => ({
    unacknowledgedOnly: t.boolean({ required: false }),
    stages: t.field({ type: [NoticeStageEnum], required: false }),
    includeScheduled: t.boolean({
      required: false,
      description: 'Vendor staff only: include notices not yet published (PENDING)',
    }),
    includeSuperseded: t.boolean({
      required: false,
      description: 'Vendor staff only: include SUPERSEDED notices (replaced by a reschedule or cancel, never sent)',
    }),
  }),
});

type NoticeFilter = typeof NoticeFilterInput.$inferInput | null | undefined;

export function noticeFilterWhere(filter: NoticeFilter): Prisma.NoticeWhereInput {
  return {
    ...(filter?.unacknowledgedOnly ? unacknowledged : {}),
    ...(filter?.stages?.length ? { stage: { in: filter.stages } } : {}),
  };
}

/** The notices a viewer may list with a filter; asking for unpublished ones is a staff privilege. */
export function noticeScope(viewer: Viewer | null, filter: NoticeFilter): Prisma.NoticeWhereInput {
  if ((filter?.includeScheduled || filter?.includeSuperseded) && !isStaff(viewer)) {
    const option = filter.includeScheduled ? 'includeScheduled' : 'includeSuperseded';
    throw new GraphQLError(`${option} is for vendor staff only`, { extensions: { code: 'FORBIDDEN' } });
  }
  const options = {
    includeScheduled: filter?.includeScheduled ?? false,
    includeSuperseded: filter?.includeSuperseded ?? false,
  };
  return { AND: [visibleNotices(viewer, options), noticeFilterWhere(filter)] };
}

/** How many notices the viewer may list with the filter (a customer's: batched with its other counts). */
function noticeTotal(ctx: Context, filter: NoticeFilter): Promise<number> {
  const where = noticeScope(ctx.viewer, filter);
  return ctx.viewer?.customerId
    ? ctx.customerCount(ctx.viewer.customerId, { relation: 'notices', where })
    : ctx.prisma.notice.count({ where });
}

export const NOTICE_ORDER: Prisma.NoticeOrderByWithRelationInput[] = [{ scheduledFor: 'desc' }, { id: 'desc' }];

/** The arguments of every list of notices (the root field, a customer's, an upgrade's). */
export const noticeListArgs = builder.args((t) => ({
  filter: t.field({ type: NoticeFilterInput, required: false }),
}));

/** What a customer's or an upgrade's notices connection loads: the viewer's, filtered, newest first. */
export function noticeListQuery(args: { filter?: NoticeFilter }, ctx: Context) {
  return { where: noticeScope(ctx.viewer, args.filter), orderBy: NOTICE_ORDER };
}

export const NoticeNode = builder.prismaNode('Notice', {
  id: { field: 'id' },
  // Only the columns the asked fields need: loading whole rows (long texts, every column of each
  // nested relation) made the uncached dashboard spend most of its time in the Prisma client. The
  // short columns nearly every reader asks for are always loaded and read by plain resolvers: an
  // exposed field of a select-mode type asks plugin-prisma for its row's loader mapping on every
  // row it resolves (those lookups were a tenth of the uncached dashboard's time).
  select: { id: true, stage: true, title: true, publishedAt: true, requiresAcknowledgement: true, acknowledgeBy: true },
  nullable: true,
  findUnique: (id, ctx) => ({
    id: uniqueId(id),
    AND: [visibleNotices(ctx.viewer, { includeScheduled: true, includeSuperseded: true })],
  }),
  fields: (t) => ({
    upgrade: t.relation('upgrade'),
    customer: t.relation('customer'),
    stage: t.field({ type: NoticeStageEnum, resolve: (n) => n.stage }),
    channels: t.expose('channels', { type: [NoticeChannelEnum] }),
    scheduledFor: t.expose('scheduledFor', { type: 'DateTime' }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'null until dispatched',
      resolve: (n) => n.publishedAt,
    }),
    state: t.field({
      type: NoticeStateEnum,
      select: { publishedAt: true, supersededAt: true },
      resolve: (n) => noticeState(n),
    }),
    title: t.string({ description: "Rendered in the customer's locale and time zone", resolve: (n) => n.title }),
    body: t.exposeString('body'),
    requiresAcknowledgement: t.boolean({ resolve: (n) => n.requiresAcknowledgement }),
    acknowledgeBy: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Acknowledgement deadline',
      resolve: (n) => n.acknowledgeBy,
    }),
    awaitingRelease: t.exposeBoolean('awaitingRelease', {
      authScopes: { staff: true },
      description: "Vendor staff: a FIX advisory held until the customer's account team releases it",
    }),
    releasedAt: t.expose('releasedAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: { staff: true },
      description: 'Vendor staff: when the account team released the advisory',
    }),
    escalatedAt: t.expose('escalatedAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: { staff: true },
      description: 'Vendor staff: when the missing acknowledgement was escalated',
    }),
    acknowledgedAt: t.field({
      type: 'DateTime',
      nullable: true,
      select: { acknowledgement: { select: { at: true } } },
      resolve: (n) => n.acknowledgement?.at ?? null,
    }),
    acknowledgedBy: t.field({
      type: UserNode,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ acknowledgement: { select: { user: nestedSelection(true) } } }),
      resolve: (n) => n.acknowledgement?.user ?? null,
    }),
  }),
});
export const NoticeConnection = builder.connectionObject({ type: NoticeNode, name: 'NoticeConnection' });

builder.queryField('notices', (t) =>
  t.prismaConnection(
    {
      type: 'Notice',
      cursor: 'id',
      authScopes: { loggedIn: true },
      args: noticeListArgs,
      totalCount: (_root, args, ctx) => noticeTotal(ctx, args.filter),
      resolve: (query, _root, args, ctx, info) => {
        prefetchTotalCount(ctx, info, () => noticeTotal(ctx, args.filter));
        return ctx.prisma.notice.findMany({
          ...query,
          where: noticeScope(ctx.viewer, args.filter),
          orderBy: NOTICE_ORDER,
        });
      },
    },
    NoticeConnection,
  ),
);

const NoticeAcknowledgeInput = builder.inputType('NoticeAcknowledgeInput', {
  fields: (t) => ({
    ids: t.globalIDList({ required: true, for: [NoticeNode], validate: z.array(z.unknown()).min(1).max(100) }),
  }),
});

const NoticeAcknowledgePayload = builder
  .objectRef<{ noticeIds?: string[]; userErrors: UserError[] }>('NoticeAcknowledgePayload')
  .implement({
    fields: (t) => ({
      notices: t.prismaField({
        type: ['Notice'],
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.noticeIds
            ? ctx.prisma.notice.findMany({ ...query, where: { id: { in: p.noticeIds } }, orderBy: NOTICE_ORDER })
            : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField('noticeAcknowledge', (t) =>
  t.withAuth({ customer: true }).field({
    type: NoticeAcknowledgePayload,
    description: "Customer users: acknowledge their customer's published notices (again is harmless)",
    args: { input: t.arg({ type: NoticeAcknowledgeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const ids = input.ids.map((id) => uniqueId(id.id));
      // Only the viewer's own customer's published notices qualify; any other id is "not found", never "forbidden".
      const found = await ctx.prisma.notice.findMany({
        where: { id: { in: ids }, ...visibleNotices(ctx.viewer) },
        select: { id: true, customerId: true, upgradeId: true, acknowledgement: { select: { at: true } } },
      });
      const foundIds = new Set(found.map((n) => n.id));
      const missing = ids.map((id, index) => ({ id, index })).filter(({ id }) => !foundIds.has(id));
      if (missing.length > 0) {
        return {
          userErrors: missing.map(({ index }) =>
            userError('NOT_FOUND', 'No such notice.', ['input', 'ids', String(index)]),
          ),
        };
      }
      const now = ctx.now();
      await ctx.prisma.acknowledgement.createMany({
        data: [...foundIds].map((noticeId) => ({ noticeId, userId: ctx.viewer.userId, at: now })),
        // The first acknowledgement stands; acknowledging again changes nothing.
        skipDuplicates: true,
      });
      const recorded = found.filter((n) => n.acknowledgement === null);
      publishNoticesAcknowledged(
        ctx.events,
        recorded.map((n) => ({ noticeId: n.id, customerId: n.customerId, upgradeId: n.upgradeId })),
      );
      return { noticeIds: [...foundIds], userErrors: [] };
    },
  }),
);

builder.queryField('overdueAcknowledgements', (t) =>
  t.prismaConnection(
    {
      type: 'Notice',
      cursor: 'id',
      description:
        'Vendor staff: published notices past their acknowledgement deadline and still unacknowledged, oldest deadline first',
      authScopes: { staff: true },
      args: {
        assignedToMe: t.arg.boolean({ required: false, description: 'Only customers the viewer is assigned to' }),
      },
      totalCount: (_root, args, ctx) =>
        ctx.prisma.notice.count({ where: overdueWhere(ctx, args.assignedToMe ?? false) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.notice.findMany({
          ...query,
          where: overdueWhere(ctx, args.assignedToMe ?? false),
          orderBy: [{ acknowledgeBy: 'asc' }, { id: 'asc' }],
        }),
    },
    NoticeConnection,
  ),
);

// Not narrowed by `t.withAuth` (its context does not fit the shared NoticeConnection): without a
// viewer, visibleNotices matches nothing, so the whole filter does.
function overdueWhere(ctx: Context, assignedToMe: boolean): Prisma.NoticeWhereInput {
  return {
    AND: [
      visibleNotices(ctx.viewer),
      unacknowledged,
      { acknowledgeBy: { lt: ctx.now() } },
      assignedToMe && ctx.viewer ? { customer: { staffAssignments: { some: { userId: ctx.viewer.userId } } } } : {},
    ],
  };
}
