// The IN_APP channel. For a notice, publishing is the delivery: the dispatcher sets publishedAt and
// announces it on the live events (../events.ts), so no Delivery row is needed. For things other
// than notices it is a customer's activity feed: entries are written in the transaction of the
// change they tell of, rendered in the customer's locale.
import type { ActivityKind, Locale, Prisma } from '@upgrade-desk/db';
import type { DeliveryChannel } from './channel.ts';

export const inAppChannel: DeliveryChannel = {
  channel: 'IN_APP',
  recipients: () => Promise.resolve([]),
};

export interface ActivityEntry {
  customerId: string;
  kind: ActivityKind;
  moduleRequestId?: string | null;
  actorId?: string | null;
  locale: Locale;
  title: string;
  body: string;
  at: Date;
}

export async function recordActivity(tx: Prisma.TransactionClient, entry: ActivityEntry): Promise<void> {
  await tx.activity.create({ data: entry });
}
