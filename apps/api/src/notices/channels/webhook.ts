import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { webhookDeliveryRows } from '@upgrade-desk/domain';
import { Webhook } from 'standardwebhooks';
import type { Config } from '../../config.ts';
import { groupBy, UndeliverableError, type DeliveredNotice, type DeliveryChannel } from './channel.ts';
import { postPinned, systemResolver, WebhookDeliveryError, type HostResolver } from './webhook-transport.ts';

export { WebhookDeliveryError } from './webhook-transport.ts';

// The WEBHOOK channel: a published notice POSTed as JSON to a partner tool's endpoint, signed as the
// Standard Webhooks specification says, so a partner verifies it with any Standard Webhooks library:
//   webhook-id:        the delivery id, the same on every retry of one delivery (process each once)
//   webhook-timestamp: unix seconds when the request was signed
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>", keyed with the
//                      secret's bytes (the base64 after `whsec_`)>
// The body is the event: {"type": "notice.published", "timestamp": ..., "data": <the notice>}; the
// JSON Schema of each event type is in ./webhook-events/ (README "Webhooks" shows the verification).
//
// Endpoints created before Standard Webhooks have a secret of 64 hex characters (no `whsec_`). They
// keep working unchanged: they still get the bare notice as the body and the X-Upgrade-Desk-*
// headers (HMAC-SHA256 keyed with the secret's text over "<timestamp>.<body>", hex), and also the
// three Standard Webhooks headers, signed with the same key: such a partner moves to a Standard
// Webhooks library with `whsec_` + base64 of its old secret's text as the secret, and to the event
// envelope by creating a new endpoint (new endpoints get `whsec_` secrets only).
//
// Any 2xx answer is success; anything else (a redirect too: none is followed), a network error
// or no answer within WEBHOOK_TIMEOUT_MS is a failure, retried with backoff (../retry-policy.ts).
// Where the POST may go is decided in ./webhook-transport.ts. A notice goes to every active
// endpoint of its customer.

export const SIGNATURE_HEADER = 'X-Upgrade-Desk-Signature';
export const TIMESTAMP_HEADER = 'X-Upgrade-Desk-Timestamp';
export const DELIVERY_HEADER = 'X-Upgrade-Desk-Delivery';
export const EVENT_HEADER = 'X-Upgrade-Desk-Event';
export const NOTICE_PUBLISHED_EVENT = 'notice.published';

/** The prefix Standard Webhooks libraries expect of a secret (base64 of the key bytes follows). */
export const STANDARD_SECRET_PREFIX = 'whsec_';

/** A new endpoint's signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${STANDARD_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** A secret from before Standard Webhooks: its text is the HMAC key, and it gets the old headers too. */
export function isLegacyWebhookSecret(secret: string): boolean {
  return !secret.startsWith(STANDARD_SECRET_PREFIX);
}

/** The Standard Webhooks signer for a secret, new (`whsec_`) or legacy (its text as the key bytes). */
function standardSigner(secret: string): Webhook {
  return isLegacyWebhookSecret(secret)
    ? new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' })
    : new Webhook(secret);
}

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
      // The endpoint's URL now: it may have been changed since the delivery was planned.
      url: delivery.webhookUrl ?? delivery.recipient,
      secret: delivery.webhookSecret,
      payload: noticeWebhookPayload({ ...delivery, id: delivery.noticeId }),
    });
  },
};

/** A value as JSON carries it: a date as ISO 8601 text. */
type AsJson<T> = T extends Date ? string : T;

/**
 * What a partner tool receives: the published notice as delivered, field for field, with Relay
 * global IDs as the API shows them and dates as text. Its JSON Schema is in ./webhook-events/.
 */
export type NoticeWebhookPayload = { [K in keyof WebhookNotice]: AsJson<WebhookNotice[K]> };

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

/** What a new endpoint receives: the Standard Webhooks event envelope (./webhook-events/). */
export interface NoticePublishedEvent {
  type: typeof NOTICE_PUBLISHED_EVENT;
  /** When the notice was published (stable across retries). */
  timestamp: string;
  data: NoticeWebhookPayload;
}

export function noticePublishedEvent(payload: NoticeWebhookPayload, now: Date): NoticePublishedEvent {
  return { type: NOTICE_PUBLISHED_EVENT, timestamp: payload.publishedAt ?? now.toISOString(), data: payload };
}

export interface WebhookSenderOptions {
  timeoutMs: number;
  /** WEBHOOK_ALLOW_LOOPBACK_HTTP: receivers on the loopback are allowed (development and tests only). */
  allowLoopback: boolean;
  /** The signing clock; tests pass a fixed one. */
  now?: () => Date;
  /** Resolves endpoint host names, once per delivery; tests inject one. */
  resolver?: HostResolver;
}

/** The body and headers of one delivery, signed. */
export function signedWebhookRequest(
  request: WebhookRequest,
  now: Date,
): { body: string; headers: Record<string, string> } {
  const legacy = isLegacyWebhookSecret(request.secret);
  const body = JSON.stringify(legacy ? request.payload : noticePublishedEvent(request.payload, now));
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'UpgradeDesk-Webhooks/1.0',
    'webhook-id': request.deliveryId,
    'webhook-timestamp': String(timestamp),
    // The library signs the whole second, as the header carries it.
    'webhook-signature': standardSigner(request.secret).sign(request.deliveryId, new Date(timestamp * 1000), body),
  };
  if (legacy) {
    headers[EVENT_HEADER] = NOTICE_PUBLISHED_EVENT;
    headers[DELIVERY_HEADER] = request.deliveryId;
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = signWebhookBody(request.secret, timestamp, body);
  }
  return { body, headers };
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const now = options.now ?? (() => new Date());
  const transport = {
    timeoutMs: options.timeoutMs,
    allowLoopback: options.allowLoopback,
    resolver: options.resolver ?? systemResolver,
  };
  return {
    async send(request) {
      const { body, headers } = signedWebhookRequest(request, now());
      const status = await postPinned(request.url, headers, body, transport);
      if (status < 200 || status >= 300) throw new WebhookDeliveryError(`HTTP ${status}`);
    },
  };
}

export function createWebhookSenderFromConfig(
  config: Pick<Config, 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_ALLOW_LOOPBACK_HTTP'>,
): WebhookSender {
  return createWebhookSender({
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK_HTTP,
  });
}
