import { StaffAlertKind } from '@upgrade-desk/db';
import { GraphQLError } from 'graphql';
import { isStaff } from '../auth/viewer.ts';
import { uniqueId, visibleStaffAlerts } from '../auth/visibility.ts';
import { markStaffAlertsRead, MARK_READ_MAX_IDS } from '../staff-alerts/inbox.ts';
import type { Context } from '../context.ts';
import { builder, type ViewerContext } from './builder.ts';
import { checkedEvents } from './checked-events.ts';
import { LocaleEnum } from './enums.ts';
import { UserNode } from './user.ts';
import { UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';

const StaffAlertKindEnum = builder.enumType(StaffAlertKind, {
  name: 'StaffAlertKind',
  description:
    "What the customer's account team is told of: a new module request, a customer's comment or counter-proposal, an overdue acknowledgement, a notice delivery given up",
});

export const StaffAlertNode = builder.prismaNode('StaffAlert', {
  id: { field: 'id' },
  nullable: true,
  description:
    "An alert to one member of a customer's account team (implementation, customer care), in their locale; only its addressee sees it",
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleStaffAlerts(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.expose('kind', { type: StaffAlertKindEnum }),
    customer: t.relation('customer'),
    moduleRequest: t.relation('moduleRequest', { nullable: true }),
    notice: t.relation('notice', { nullable: true }),
    upgrade: t.relation('upgrade', { nullable: true }),
    locale: t.expose('locale', { type: LocaleEnum }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    read: t.boolean({ select: { readAt: true }, resolve: (a) => a.readAt !== null }),
  }),
});

const StaffAlertConnection = builder.connectionObject({
  type: StaffAlertNode,
  name: 'StaffAlertConnection',
  fields: (t) => ({
    unreadCount: t.int({
      description: "The viewer's unread alerts, whatever the filter",
      resolve: (_connection, _args, ctx) => unreadCount(ctx),
    }),
  }),
});

function unreadCount(ctx: Context): Promise<number> {
  return ctx.prisma.staffAlert.count({ where: inbox(ctx, true) });
}

builder.prismaObjectFields(UserNode, (t) => ({
  unreadStaffAlertCount: t.int({
    nullable: true,
    description:
      "Vendor staff, on the viewer: their unread alerts (the console's navigation shows it); null for anyone else",
    select: { id: true },
    resolve: (user, _args, ctx) => (user.id === ctx.viewer?.userId && isStaff(ctx.viewer) ? unreadCount(ctx) : null),
  }),
}));

function inbox(ctx: Pick<Context, 'viewer'>, unreadOnly: boolean | null | undefined) {
  return { AND: [visibleStaffAlerts(ctx.viewer), unreadOnly ? { readAt: null } : {}] };
}

builder.queryField('staffAlerts', (t) =>
  t.prismaConnection(
    {
      type: 'StaffAlert',
      cursor: 'id',
      description: "Vendor staff: the viewer's own alerts, newest first",
      authScopes: { staff: true },
      args: { unreadOnly: t.arg.boolean({ required: false, description: 'Only the alerts not read yet' }) },
      totalCount: (_root, args, ctx) => ctx.prisma.staffAlert.count({ where: inbox(ctx, args.unreadOnly) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.staffAlert.findMany({
          ...query,
          where: inbox(ctx, args.unreadOnly),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    StaffAlertConnection,
  ),
);

const StaffAlertMarkReadInput = builder.inputType('StaffAlertMarkReadInput', {
  description: 'Either ids or all: true',
  fields: (t) => ({
    ids: t.globalIDList({ required: false, for: [StaffAlertNode], description: `1-${MARK_READ_MAX_IDS} alerts` }),
    all: t.boolean({ required: false, description: "Every one of the viewer's unread alerts" }),
  }),
});

interface MarkReadPayload {
  ids: string[];
  marked: number;
  userErrors: UserError[];
}

const StaffAlertMarkReadPayload = builder.objectRef<MarkReadPayload>('StaffAlertMarkReadPayload').implement({
  fields: (t) => ({
    staffAlerts: t.prismaField({
      type: ['StaffAlert'],
      description: 'The alerts named by ids, now read (empty for all)',
      resolve: (query, p, _args, ctx) =>
        p.ids.length === 0
          ? []
          : ctx.prisma.staffAlert.findMany({
              ...query,
              where: { AND: [visibleStaffAlerts(ctx.viewer), { id: { in: p.ids } }] },
              orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            }),
    }),
    markedCount: t.exposeInt('marked', { description: 'How many alerts went from unread to read' }),
    unreadCount: t.int({
      resolve: (_p, _args, ctx) => unreadCount(ctx),
    }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField('staffAlertMarkRead', (t) =>
  t.withAuth({ staff: true }).field({
    type: StaffAlertMarkReadPayload,
    description: 'Vendor staff mark their own alerts read',
    args: { input: t.arg({ type: StaffAlertMarkReadInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await markStaffAlertsRead(
        ctx.prisma,
        ctx.viewer,
        { ids: input.ids?.map((id) => uniqueId(id.id)), all: input.all },
        ctx.now(),
      );
      return outcome.ok
        ? { ...outcome.value, userErrors: [] }
        : { ids: [], marked: 0, userErrors: userErrorsOf(outcome.problems) };
    },
  }),
);

/** The viewer's own alerts as they are written: each event checked against the viewer's inbox on arrival. */
function ownAlertEvents(ctx: ViewerContext) {
  const source = ctx.events.subscribe('staffAlertRaised', ctx.viewer.userId);
  return checkedEvents(ctx, source, async (event) => {
    const mine = await ctx.prisma.staffAlert.count({
      where: { id: uniqueId(event.alertId), AND: [visibleStaffAlerts(ctx.viewer)] },
    });
    return mine > 0 ? { alertId: event.alertId } : null;
  });
}

builder.subscriptionField('staffAlertRaised', (t) =>
  t.withAuth({ staff: true }).prismaField({
    type: StaffAlertNode,
    description: "Vendor staff: the viewer's own alerts as they are written, live (server-sent events)",
    subscribe: (_root, _args, ctx) => ownAlertEvents(ctx),
    resolve: async (query, event: { alertId: string }, _args, ctx) => {
      const alert = await ctx.prisma.staffAlert.findFirst({
        ...query,
        where: { id: event.alertId, AND: [visibleStaffAlerts(ctx.viewer)] },
      });
      if (!alert) throw new GraphQLError('No such alert', { extensions: { code: 'NOT_FOUND' } });
      return alert;
    },
  }),
);
