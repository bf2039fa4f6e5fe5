// Who a published notice is delivered to: each channel names its recipients (./channels/), and the
// dispatcher inserts these rows in the transaction that publishes the notices.
import type { Prisma } from '@upgrade-desk/db';
import type { DeliveryPlanClient, PublishedNoticeRef } from './channels/channel.ts';
import { DELIVERY_CHANNELS } from './channels/index.ts';

/**
 * The Delivery rows for these notices, PENDING (the column default) and due at `options.now`
 * when given (else at the database's now()). The channels' queries run together, a fixed number
 * for any number of notices. Rows come per notice, then per channel, in a stable order.
 */
export async function deliveryRowsFor(
  db: DeliveryPlanClient,
  notices: readonly PublishedNoticeRef[],
  options: { now?: Date } = {},
): Promise<Prisma.DeliveryCreateManyInput[]> {
  if (notices.length === 0) return [];
  const perChannel = await Promise.all(DELIVERY_CHANNELS.map((channel) => channel.recipients(db, notices)));
  const due = options.now ? { nextAttemptAt: options.now } : {};
  const rowsOf = new Map(notices.map((n): [string, Prisma.DeliveryCreateManyInput[]] => [n.id, []]));
  for (const row of perChannel.flat()) rowsOf.get(row.noticeId)?.push({ ...row, ...due });
  return [...rowsOf.values()].flat();
}
