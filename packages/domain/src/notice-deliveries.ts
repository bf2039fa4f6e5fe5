// Who a published notice is delivered to on the EMAIL and WEBHOOK channels (IN_APP needs no row):
// - EMAIL to every user of the customer who wants notices by email and is not disabled;
// - for a FIX ADVISORY, EMAIL copies to the vendor staff assigned to the customer (implementation
//   and customer care route the advisory to the customer), unless disabled;
// - WEBHOOK to every active endpoint of the customer.
// The dispatcher writes these rows in the transaction that publishes the notices; the demo seed
// writes the same rows for the notices it publishes.
import type { NoticeStage } from './enums.ts';

export interface PublishedNoticeRef {
  id: string;
  customerId: string;
  stage: NoticeStage;
}

/** Who can be reached, per customer id; callers have already left out disabled users and endpoints. */
export interface DeliveryAudience {
  /** Addresses of the customer's users who want notices by email. */
  emailsOf: ReadonlyMap<string, readonly string[]>;
  /** Addresses of the vendor staff assigned to the customer. */
  staffEmailsOf: ReadonlyMap<string, readonly string[]>;
  /** The customer's active webhook endpoints, oldest first. */
  endpointsOf: ReadonlyMap<string, readonly { id: string; url: string }[]>;
}

export interface DeliveryRow {
  noticeId: string;
  channel: 'EMAIL' | 'WEBHOOK';
  recipient: string;
  webhookEndpointId?: string;
  /** When the first attempt is due; absent: the database's now(). */
  nextAttemptAt?: Date;
}

/**
 * The Delivery rows for these notices, due at `options.now` when given. Recipients are unique per
 * notice and channel, matching the table's unique key; rows follow the notices' and the
 * audience's order.
 */
export function deliveryRows(
  notices: readonly PublishedNoticeRef[],
  audience: DeliveryAudience,
  options: { now?: Date } = {},
): DeliveryRow[] {
  const due = options.now ? { nextAttemptAt: options.now } : {};
  const rows: DeliveryRow[] = [];
  for (const notice of notices) {
    const recipients = new Set(audience.emailsOf.get(notice.customerId));
    if (notice.stage === 'ADVISORY')
      for (const email of audience.staffEmailsOf.get(notice.customerId) ?? []) recipients.add(email);
    for (const recipient of recipients) rows.push({ noticeId: notice.id, channel: 'EMAIL', recipient, ...due });
    // Two active endpoints with one URL would break the (notice, channel, recipient) key; creation
    // refuses that, and this keeps the first should one exist anyway.
    const urls = new Set<string>();
    for (const endpoint of audience.endpointsOf.get(notice.customerId) ?? []) {
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
