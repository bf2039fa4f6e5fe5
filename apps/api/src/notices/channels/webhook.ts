import { createHmac, timingSafeEqual } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Locale, NoticeStage } from '@upgrade-desk/db';
import { webhookDeliveryRows } from '@upgrade-desk/domain';
import type { Config } from '../../config.ts';
import { groupBy, UndeliverableError, type DeliveredNotice, type DeliveryChannel } from './channel.ts';

// The WEBHOOK channel: a published notice POSTed as JSON to a partner tool's endpoint, signed.
//
// Signature scheme (for partners; README "Webhooks" says the same):
//   X-Upgrade-Desk-Timestamp: <unix seconds when the request was signed>
//   X-Upgrade-Desk-Signature: sha256=<lowercase hex HMAC-SHA256(key = the endpoint's secret as
//                             UTF-8, message = "<timestamp>.<raw request body>")>
//   X-Upgrade-Desk-Delivery:  <delivery id>, the same on every retry of one delivery
// A receiver recomputes the HMAC over the raw body bytes exactly as received (before any JSON
// parsing), compares in constant time, rejects timestamps more than 5 minutes from its clock
// (a captured request cannot be replayed later), and treats a Delivery id it has already
// processed as done: a retry after a lost response, or after a worker crash, repeats the id.
// Any 2xx answer is success; anything else (a redirect too: none is followed), a network error
// or no answer within WEBHOOK_TIMEOUT_MS is a failure, retried with backoff (../retry-policy.ts).
// A notice goes to every active endpoint of its customer.

export const SIGNATURE_HEADER = 'X-Upgrade-Desk-Signature';
export const TIMESTAMP_HEADER = 'X-Upgrade-Desk-Timestamp';
export const DELIVERY_HEADER = 'X-Upgrade-Desk-Delivery';
export const EVENT_HEADER = 'X-Upgrade-Desk-Event';
export const NOTICE_PUBLISHED_EVENT = 'notice.published';

export const webhookChannel: DeliveryChannel = {
  channel: 'WEBHOOK',
  async recipients(db, notices) {
    const endpoints = await db.webhookEndpoint.findMany({
      where: { customerId: { in: [...new Set(notices.map((n) => n.customerId))] }, disabledAt: null },
      select: { id: true, url: true, customerId: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const endpointsOf = groupBy(
      endpoints,
      (e) => e.customerId,
      (e) => e,
    );
    return webhookDeliveryRows(notices, endpointsOf);
  },
  async send(delivery, { webhook }) {
    // Deleted by the customer's admin after the notice was published: do not send it there.
    if (delivery.webhookSecret === null || delivery.webhookDisabledAt !== null) {
      throw new UndeliverableError('The webhook endpoint was deleted.');
    }
    await webhook.send({
      deliveryId: delivery.id,
      url: delivery.recipient,
      secret: delivery.webhookSecret,
      payload: noticeWebhookPayload({ ...delivery, id: delivery.noticeId }),
    });
  },
};

/** What a partner tool receives: the published notice, with Relay global IDs as the API shows them. */
export interface NoticeWebhookPayload {
  id: string;
  upgradeId: string;
  customerCode: string;
  stage: NoticeStage;
  locale: Locale;
  title: string;
  body: string;
  scheduledFor: string;
  publishedAt: string | null;
  requiresAcknowledgement: boolean;
  acknowledgeBy: string | null;
}

export interface WebhookNotice extends DeliveredNotice {
  id: string;
}

export function noticeWebhookPayload(notice: WebhookNotice): NoticeWebhookPayload {
  return {
    id: encodeGlobalID('Notice', notice.id),
    upgradeId: encodeGlobalID('Upgrade', notice.upgradeId),
    customerCode: notice.customerCode,
    stage: notice.stage,
    locale: notice.locale,
    title: notice.title,
    body: notice.body,
    scheduledFor: notice.scheduledFor.toISOString(),
    publishedAt: notice.publishedAt?.toISOString() ?? null,
    requiresAcknowledgement: notice.requiresAcknowledgement,
    acknowledgeBy: notice.acknowledgeBy?.toISOString() ?? null,
  };
}

/** `sha256=<hex>` over `<timestamp>.<body>`. */
export function signWebhookBody(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * Checks a received webhook: the signature must match the body and timestamp, and the timestamp
 * must be within `toleranceSeconds` of `now` (either way: clocks drift). `body` is the raw request
 * body exactly as received.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number | null | undefined,
  body: string,
  signature: string | null | undefined,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (timestamp === null || timestamp === undefined || !signature) return false;
  const stamp = String(timestamp);
  if (!/^\d{1,12}$/.test(stamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(stamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, stamp, body), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  // Constant-time, so the comparison leaks nothing about how much of a forged signature was right.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookRequest {
  deliveryId: string;
  url: string;
  secret: string;
  payload: NoticeWebhookPayload;
}

export interface WebhookSender {
  /** Resolves on a 2xx answer; rejects with a WebhookDeliveryError otherwise. */
  send(request: WebhookRequest): Promise<void>;
}

/** A failed webhook POST; the message is what the delivery log shows. */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
}

export interface WebhookSenderOptions {
  timeoutMs: number;
  /** The signing clock; tests pass a fixed one. */
  now?: () => Date;
  fetch?: typeof fetch;
}

const ERROR_SNIPPET_BYTES = 300;

/** The first bytes of a response body, for the delivery log; the rest is discarded unread. */
async function bodySnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, ERROR_SNIPPET_BYTES).toString('utf8');
  return text.replace(/\s+/g, ' ').trim();
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `No answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    const cause = error.cause as { code?: string; message?: string } | undefined;
    const detail = cause?.code ?? cause?.message;
    return detail ? `${error.message}: ${detail}` : error.message;
  }
  return String(error);
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  return {
    async send(request) {
      const body = JSON.stringify(request.payload);
      const timestamp = Math.floor(now().getTime() / 1000);
      const signal = AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      try {
        response = await doFetch(request.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'UpgradeDesk-Webhooks/1.0',
            [EVENT_HEADER]: NOTICE_PUBLISHED_EVENT,
            [DELIVERY_HEADER]: request.deliveryId,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhookBody(request.secret, timestamp, body),
          },
          body,
          // A redirect is a failure, never followed: the signed notice goes only where the customer said.
          redirect: 'manual',
          signal,
        });
      } catch (error) {
        throw new WebhookDeliveryError(describeFetchError(error, options.timeoutMs));
      }
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      const snippet = await bodySnippet(response).catch(() => '');
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new WebhookDeliveryError(snippet ? `${status}: ${snippet}` : status);
    },
  };
}

export function createWebhookSenderFromConfig(config: Pick<Config, 'WEBHOOK_TIMEOUT_MS'>): WebhookSender {
  return createWebhookSender({ timeoutMs: config.WEBHOOK_TIMEOUT_MS });
}
