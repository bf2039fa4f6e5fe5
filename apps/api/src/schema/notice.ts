import type { Prisma } from '@upgrade-desk/db';
import { GraphQLError } from 'graphql';
import { uniqueId, visibleNotices } from '../auth/visibility.ts';
import { isStaff, type Viewer } from '../auth/viewer.ts';
import { builder } from './builder.ts';
import { NoticeChannelEnum, NoticeStageEnum } from './enums.ts';
import { UserNode } from './user.ts';

export const unacknowledged: Prisma.NoticeWhereInput = { requiresAcknowledgement: true, acknowledgement: { is: null } };

export const NoticeFilterInput = builder.inputType('NoticeFilter', {
  fields: (t) => ({
    unacknowledgedOnly: t.boolean({ required: false }),
    stages: t.field({ type: [NoticeStageEnum], required: false }),
    includeScheduled: t.boolean({
      required: false,
      description: 'Vendor staff only: include notices not yet published',
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
  if (filter?.includeScheduled && !isStaff(viewer)) {
    throw new GraphQLError('includeScheduled is for vendor staff only', { extensions: { code: 'FORBIDDEN' } });
  }
  return {
    AND: [visibleNotices(viewer, { includeScheduled: filter?.includeScheduled ?? false }), noticeFilterWhere(filter)],
  };
}

export const NOTICE_ORDER: Prisma.NoticeOrderByWithRelationInput[] = [{ scheduledFor: 'desc' }, { id: 'desc' }];

export const NoticeNode = builder.prismaNode('Notice', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleNotices(ctx.viewer, { includeScheduled: true })] }),
  fields: (t) => ({
    upgrade: t.relation('upgrade'),
    customer: t.relation('customer'),
    stage: t.expose('stage', { type: NoticeStageEnum }),
    channels: t.expose('channels', { type: [NoticeChannelEnum] }),
    scheduledFor: t.expose('scheduledFor', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'null until dispatched' }),
    title: t.exposeString('title', { description: "Rendered in the customer's locale and time zone" }),
    body: t.exposeString('body'),
    requiresAcknowledgement: t.exposeBoolean('requiresAcknowledgement'),
    acknowledgeBy: t.expose('acknowledgeBy', {
      type: 'DateTime',
      nullable: true,
      description: 'Acknowledgement deadline',
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
      args: { filter: t.arg({ type: NoticeFilterInput, required: false }) },
      totalCount: (_root, args, ctx) => ctx.prisma.notice.count({ where: noticeScope(ctx.viewer, args.filter) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.notice.findMany({ ...query, where: noticeScope(ctx.viewer, args.filter), orderBy: NOTICE_ORDER }),
    },
    NoticeConnection,
  ),
);
