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

/** EMAIL rows: the customer's users who want notices by email, plus the assigned staff for a FIX ADVISORY. */
export function emailDeliveryRows(
  notices: readonly PublishedNoticeRef[],
  audience: Pick<DeliveryAudience, 'emailsOf' | 'staffEmailsOf'>,
): DeliveryRow[] {
  return notices.flatMap((notice) => {
    const recipients = new Set(audience.emailsOf.get(notice.customerId));
    if (notice.stage === 'ADVISORY')
      for (const email of audience.staffEmailsOf.get(notice.customerId) ?? []) recipients.add(email);
    return [...recipients].map((recipient) => ({ noticeId: notice.id, channel: 'EMAIL' as const, recipient }));
  });
}

/** WEBHOOK rows: every active endpoint of the customer, one per URL. */
export function webhookDeliveryRows(
  notices: readonly PublishedNoticeRef[],
  endpointsOf: DeliveryAudience['endpointsOf'],
): DeliveryRow[] {
  return notices.flatMap((notice) => {
    // Two active endpoints with one URL would break the (notice, channel, recipient) key; creation
    // refuses that, and this keeps the first should one exist anyway.
    const firstByUrl = new Map<string, { id: string; url: string }>();
    for (const endpoint of endpointsOf.get(notice.customerId) ?? [])
      if (!firstByUrl.has(endpoint.url)) firstByUrl.set(endpoint.url, endpoint);
    return [...firstByUrl.values()].map((endpoint) => ({
      noticeId: notice.id,
      channel: 'WEBHOOK' as const,
      recipient: endpoint.url,
      webhookEndpointId: endpoint.id,
    }));
  });
}

/**
 * The Delivery rows for these notices, due at `options.now` when given, in the order the dispatcher
 * writes them (per notice: EMAIL, then WEBHOOK). Recipients are unique per notice and channel,
 * matching the table's unique key.
 */
export function deliveryRows(
  notices: readonly PublishedNoticeRef[],
  audience: DeliveryAudience,
  options: { now?: Date } = {},
): DeliveryRow[] {
  const due = options.now ? { nextAttemptAt: options.now } : {};
  const rowsOf = new Map(notices.map((n): [string, DeliveryRow[]] => [n.id, []]));
  for (const row of [...emailDeliveryRows(notices, audience), ...webhookDeliveryRows(notices, audience.endpointsOf)])
    rowsOf.get(row.noticeId)?.push({ ...row, ...due });
  return [...rowsOf.values()].flat();
}
