import { ActivityKind } from '@upgrade-desk/db';
import { uniqueId, visibleActivities } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { LocaleEnum } from './enums.ts';

const ActivityKindEnum = builder.enumType(ActivityKind, { name: 'ActivityKind' });

export const ActivityNode = builder.prismaNode('Activity', {
  id: { field: 'id' },
  nullable: true,
  description: "An entry of a customer's in-app activity feed, written in the customer's locale",
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleActivities(ctx.viewer)] }),
  fields: (t) => ({
    customer: t.relation('customer'),
    kind: t.expose('kind', { type: ActivityKindEnum }),
    moduleRequest: t.relation('moduleRequest', { nullable: true }),
    actor: t.relation('actor', { nullable: true }),
    locale: t.expose('locale', { type: LocaleEnum }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});
const ActivityConnection = builder.connectionObject({ type: ActivityNode, name: 'ActivityConnection' });

// Declared here rather than in customer.ts: the feed is its own concern, and customer.ts need not know it.
builder.prismaObjectField(CustomerNode, 'activities', (t) =>
  t.relatedConnection(
    'activities',
    {
      cursor: 'id',
      totalCount: true,
      description: 'What happened to the customer’s requests, newest first',
      query: (_args, ctx) => ({ where: visibleActivities(ctx.viewer), orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    },
    ActivityConnection,
  ),
);
