import { DeliveryStatus, type Prisma } from '@upgrade-desk/db';
import { uniqueId, visibleDeliveries } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { NoticeChannelEnum } from './enums.ts';
import { NoticeNode } from './notice.ts';

export const DeliveryStatusEnum = builder.enumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING: not tried yet; FAILED: failed, tried again at nextAttemptAt; SENT; ABANDONED: gave up',
});

export const DELIVERY_LOG_ORDER: Prisma.DeliveryOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];

export const DeliveryNode = builder.prismaNode('Delivery', {
  id: { field: 'id' },
  nullable: true,
  description: 'One notice sent on one channel (EMAIL, WEBHOOK) to one recipient, with its retries',
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleDeliveries(ctx.viewer)] }),
  fields: (t) => ({
    channel: t.expose('channel', { type: NoticeChannelEnum }),
    recipient: t.exposeString('recipient', { description: 'The email address, or the webhook endpoint URL' }),
    status: t.expose('status', { type: DeliveryStatusEnum }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it is tried (again); null once SENT or ABANDONED',
      resolve: (d) => (d.status === 'PENDING' || d.status === 'FAILED' ? d.nextAttemptAt : null),
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: "Why the last attempt failed (the receiver's answer, or the network error)",
    }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    notice: t.relation('notice'),
  }),
});
export const DeliveryConnection = builder.connectionObject({ type: DeliveryNode, name: 'DeliveryConnection' });

builder.prismaObjectField(NoticeNode, 'deliveries', (t) =>
  t.relatedConnection(
    'deliveries',
    {
      cursor: 'id',
      totalCount: true,
      description: 'Vendor staff only: where the notice was sent by email and webhook, and how that went',
      authScopes: { staff: true },
      query: (_args, ctx) => ({
        where: visibleDeliveries(ctx.viewer),
        orderBy: [{ channel: 'asc' }, { recipient: 'asc' }, { id: 'asc' }],
      }),
    },
    DeliveryConnection,
  ),
);
