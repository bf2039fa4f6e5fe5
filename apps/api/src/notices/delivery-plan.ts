// Loads who can be reached for published notices, and hands it to deliveryRows (in the domain),
// which decides the Delivery rows. The dispatcher inserts them in the transaction that publishes.
import type { Prisma } from '@upgrade-desk/db';
import { deliveryRows, type PublishedNoticeRef } from '@upgrade-desk/domain';

export type { PublishedNoticeRef };

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
  return deliveryRows(notices, { emailsOf, staffEmailsOf, endpointsOf }, options);
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
