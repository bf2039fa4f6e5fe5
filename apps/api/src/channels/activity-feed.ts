// The IN_APP channel for things other than notices: a customer's activity feed. Entries are
// written in the transaction of the change they tell of, rendered in the customer's locale.
import type { ActivityKind, Locale, Prisma } from '@upgrade-desk/db';

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
