import { GraphQLError } from 'graphql';
import { uniqueId, visibleNotices } from '../auth/visibility.ts';
import { isStaff } from '../auth/viewer.ts';
import type { NoticeAcknowledgedEvent, NoticePublishedEvent } from '../notices/events.ts';
import { builder, type ViewerContext } from './builder.ts';
import { checkedEvents } from './checked-events.ts';
import { CustomerNode } from './customer.ts';
import { NoticeNode } from './notice.ts';

builder.subscriptionType({
  // Live updates need a logged-in caller; a READ-scoped API token may subscribe.
  authScopes: { loggedIn: true },
});

/** Which stream the viewer listens to: its own customer's, or (vendor staff) one customer's or all. */
function noticeSource(ctx: ViewerContext, customerId: string | undefined): AsyncIterable<NoticePublishedEvent> {
  const { viewer } = ctx;
  if (isStaff(viewer)) {
    return customerId
      ? ctx.events.subscribe('noticePublished', uniqueId(customerId))
      : ctx.events.subscribe('noticePublishedToAnyCustomer');
  }
  if (!viewer.customerId || (customerId !== undefined && customerId !== viewer.customerId)) {
    throw new GraphQLError('customerId is for vendor staff only', { extensions: { code: 'FORBIDDEN' } });
  }
  return ctx.events.subscribe('noticePublished', viewer.customerId);
}

/** The notice events this viewer may receive: each checked against its visibility filter on arrival. */
function visibleNoticeEvents(ctx: ViewerContext, source: AsyncIterable<NoticePublishedEvent>) {
  return checkedEvents(ctx, source, async (event) => {
    const visible = await ctx.prisma.notice.count({
      where: { id: uniqueId(event.noticeId), AND: [visibleNotices(ctx.viewer)] },
    });
    return visible > 0 ? { noticeId: event.noticeId } : null;
  });
}

builder.subscriptionField('noticePublished', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: NoticeNode,
    description:
      "Notices as they are published to the viewer's customer, live (server-sent events). Vendor staff receive every customer's, or one customer's with customerId",
    args: {
      customerId: t.arg.globalID({ required: false, for: [CustomerNode], description: 'Vendor staff only' }),
    },
    subscribe: (_root, args, ctx) => visibleNoticeEvents(ctx, noticeSource(ctx, args.customerId?.id)),
    resolve: (query, event: NoticePublishedEvent, _args, ctx) =>
      ctx.prisma.notice.findFirstOrThrow({
        ...query,
        where: { id: event.noticeId, AND: [visibleNotices(ctx.viewer)] },
      }),
  }),
);

/** Acknowledgements as customers record them: each checked against the staff viewer's notice filter on arrival. */
function acknowledgementEvents(ctx: ViewerContext): AsyncIterable<NoticeAcknowledgedEvent> {
  return checkedEvents(ctx, ctx.events.subscribe('noticeAcknowledged'), async (event) => {
    const visible = await ctx.prisma.notice.count({
      where: { id: uniqueId(event.noticeId), acknowledgement: { isNot: null }, AND: [visibleNotices(ctx.viewer)] },
    });
    return visible > 0 ? event : null;
  });
}

builder.subscriptionField('noticeAcknowledged', (t) =>
  t.withAuth({ staff: true }).prismaField({
    type: NoticeNode,
    description:
      "Vendor staff: notices as customers acknowledge them, live (server-sent events), with who acknowledged and when; for boards that follow every customer's acknowledgements",
    subscribe: (_root, _args, ctx) => acknowledgementEvents(ctx),
    resolve: (query, event: NoticeAcknowledgedEvent, _args, ctx) =>
      ctx.prisma.notice.findFirstOrThrow({
        ...query,
        where: { id: event.noticeId, AND: [visibleNotices(ctx.viewer)] },
      }),
  }),
);
