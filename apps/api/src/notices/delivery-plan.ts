import type { NoticeStage, Prisma } from '@upgrade-desk/db';

// Who a published notice is delivered to on the EMAIL and WEBHOOK channels (IN_APP needs no row):
// - EMAIL to every user of the customer who wants notices by email and is not disabled;
// - for a FIX ADVISORY, EMAIL copies to the vendor staff assigned to the customer (implementation
//   and customer care route the advisory to the customer), unless disabled;
// - WEBHOOK to every active endpoint of the customer.
// The dispatcher inserts these rows in the transaction that publishes the notices.

export interface PublishedNoticeRef {
  id: string;
  customerId: string;
  stage: NoticeStage;
}

/** A Prisma client or an interactive transaction's client. */
export type DeliveryPlanClient = Pick<Prisma.TransactionClient, 'user' | 'webhookEndpoint'>;

/**
 * The Delivery rows for these notices, PENDING (the column default) and due at `options.now`
 * when given (else at the database's now()). At most two queries for any number of notices (a
 * third, only when a FIX ADVISORY is among them). Recipients are unique per notice and channel,
 * matching the table's unique key; rows come in a stable order.
 */
export async function deliveryRowsFor(
  db: DeliveryPlanClient,
  notices: readonly PublishedNoticeRef[],
  options: { now?: Date } = {},
): Promise<Prisma.DeliveryCreateManyInput[]> {
  if (notices.length === 0) return [];
  const customerIds = [...new Set(notices.map((n) => n.customerId))];
  const advisoryCustomerIds = [...new Set(notices.filter((n) => n.stage === 'ADVISORY').map((n) => n.customerId))];

  const [users, staff, endpoints] = await Promise.all([
    db.user.findMany({
      where: { customerId: { in: customerIds }, emailNotifications: true, disabledAt: null },
      select: { email: true, customerId: true },
      orderBy: [{ email: 'asc' }],
    }),
    advisoryCustomerIds.length === 0
      ? Promise.resolve([])
      : db.user.findMany({
          where: { disabledAt: null, customerAssignments: { some: { customerId: { in: advisoryCustomerIds } } } },
          select: {
            email: true,
            customerAssignments: { where: { customerId: { in: advisoryCustomerIds } }, select: { customerId: true } },
          },
          orderBy: [{ email: 'asc' }],
        }),
    db.webhookEndpoint.findMany({
      where: { customerId: { in: customerIds }, disabledAt: null },
      select: { id: true, url: true, customerId: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);

  const emailsOf = groupBy(
    users,
    (u) => u.customerId ?? '',
    (u) => u.email,
  );
  const staffEmailsOf = new Map<string, string[]>();
  for (const member of staff) {
    for (const { customerId } of member.customerAssignments) {
      staffEmailsOf.set(customerId, [...(staffEmailsOf.get(customerId) ?? []), member.email]);
    }
  }
  const endpointsOf = groupBy(
    endpoints,
    (e) => e.customerId,
    (e) => e,
  );
  const due = options.now ? { nextAttemptAt: options.now } : {};

  const rows: Prisma.DeliveryCreateManyInput[] = [];
  for (const notice of notices) {
    const recipients = new Set(emailsOf.get(notice.customerId));
    if (notice.stage === 'ADVISORY')
      for (const email of staffEmailsOf.get(notice.customerId) ?? []) recipients.add(email);
    for (const recipient of recipients) rows.push({ noticeId: notice.id, channel: 'EMAIL', recipient, ...due });
    // Two active endpoints with one URL would break the (notice, channel, recipient) key; creation
    // refuses that, and this keeps the first should one exist anyway.
    const urls = new Set<string>();
    for (const endpoint of endpointsOf.get(notice.customerId) ?? []) {
      if (urls.has(endpoint.url)) continue;
      urls.add(endpoint.url);
      rows.push({
        noticeId: notice.id,
        channel: 'WEBHOOK',
        recipient: endpoint.url,
        webhookEndpointId: endpoint.id,
        ...due,
      });
    }
  }
  return rows;
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(value(item));
    else groups.set(k, [value(item)]);
  }
  return groups;
}
