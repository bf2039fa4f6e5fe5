import {
  Prisma,
  sqlTimestamp,
  type Locale,
  type NoticeChannel,
  type NoticeStage,
  type PrismaClient,
} from '@upgrade-desk/db';
import { noticeEmail, type EmailTransport } from './channels/email.ts';
import { noticeWebhookPayload, type WebhookSender } from './channels/webhook.ts';
import { nextRetryAt } from './delivery-retry.ts';

// The retry worker for the EMAIL and WEBHOOK channels. The dispatcher records a PENDING Delivery
// row per recipient when it publishes a notice (in the publishing transaction); this sends them,
// and tries failed ones again with backoff (delivery-retry.ts) until they are SENT or ABANDONED.
//
// Several processes may run it against one PostgreSQL at once. A delivery is claimed before it is
// sent, by one statement that locks due rows with FOR UPDATE SKIP LOCKED (a row another worker is
// claiming is skipped, not waited for), counts the attempt and pushes nextAttemptAt a lease ahead.
// Until the lease runs out no other worker considers the row due, so no two send it at once. If
// the process dies mid-send, the row becomes due again when the lease ends and is retried: never
// lost. The one message that was in flight at the crash may then reach its recipient twice; the
// copies carry the same idempotency key (the X-Upgrade-Desk-Delivery header; the email's
// Message-ID), so receivers can drop the second.
//
// Results are written with the claimed attempt number as a fencing token: a worker that overran
// its lease (and whose row another worker has claimed since) cannot overwrite the newer outcome.

/** How long a claim keeps other workers off a delivery. Longer than any one send can take (SEND_DEADLINE_MS). */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** A send still unsettled after this counts as failed, so its result is recorded well inside the lease. */
export const SEND_DEADLINE_MS = 60_000;
const LAST_ERROR_MAX_LENGTH = 1000;

export interface DeliverDueOptions {
  prisma: PrismaClient;
  email: EmailTransport;
  webhook: WebhookSender;
  /** The clock for this run: what is due, the lease, the retry times and sentAt. */
  now: Date;
  /** At most this many deliveries in this run (default 100). */
  limit?: number;
  /**
   * Deliveries claimed and sent together (default 8). Claims are made this many at a time, just
   * before sending, so every claim's lease covers one round of sends only.
   */
  concurrency?: number;
}

export interface DeliverDueResult {
  /** Deliveries this run claimed (attempted). */
  claimed: number;
  sent: number;
  /** Failed this time; another attempt is scheduled. */
  failed: number;
  /** Failed for the last time, or had nowhere to go (a deleted webhook endpoint). */
  abandoned: number;
}

/** A claimed delivery with what sending it needs, as read by the claiming statement. */
interface ClaimedDelivery {
  id: string;
  channel: NoticeChannel;
  recipient: string;
  /** Including this attempt. */
  attempts: number;
  noticeId: string;
  upgradeId: string;
  customerCode: string;
  stage: NoticeStage;
  locale: Locale;
  title: string;
  body: string;
  scheduledFor: Date;
  publishedAt: Date | null;
  requiresAcknowledgement: boolean;
  acknowledgeBy: Date | null;
  webhookSecret: string | null;
  webhookDisabledAt: Date | null;
}

/**
 * Claims up to `limit` due deliveries and reads, in the same statement, the notice, the customer's
 * code and the endpoint's secret for each: one query per round, however many deliveries.
 */
function claimDue(prisma: PrismaClient, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  return prisma.$queryRaw<ClaimedDelivery[]>(Prisma.sql`
    WITH due AS (
      SELECT id FROM "Delivery"
      WHERE status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${sqlTimestamp(now)}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "Delivery" AS d
      SET attempts = d.attempts + 1, "nextAttemptAt" = ${sqlTimestamp(new Date(now.getTime() + CLAIM_LEASE_MS))}
      FROM due
      WHERE d.id = due.id
      RETURNING d.id, d."noticeId", d.channel, d.recipient, d.attempts, d."webhookEndpointId"
    )
    SELECT claimed.id, claimed.channel::text AS channel, claimed.recipient, claimed.attempts,
           n.id AS "noticeId", n."upgradeId", c.code AS "customerCode", n.stage::text AS stage,
           n.locale::text AS locale, n.title, n.body, n."scheduledFor", n."publishedAt",
           n."requiresAcknowledgement", n."acknowledgeBy",
           w.secret AS "webhookSecret", w."disabledAt" AS "webhookDisabledAt"
    FROM claimed
    JOIN "Notice" AS n ON n.id = claimed."noticeId"
    JOIN "Customer" AS c ON c.id = n."customerId"
    LEFT JOIN "WebhookEndpoint" AS w ON w.id = claimed."webhookEndpointId"
    ORDER BY claimed.id
  `);
}

type Outcome = { kind: 'sent' } | { kind: 'failed'; error: string } | { kind: 'undeliverable'; error: string };

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Not settled within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > LAST_ERROR_MAX_LENGTH ? `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…` : text;
}

async function attempt(
  delivery: ClaimedDelivery,
  channels: Pick<DeliverDueOptions, 'email' | 'webhook'>,
): Promise<Outcome> {
  try {
    if (delivery.channel === 'EMAIL') {
      await withDeadline(
        channels.email.send(
          noticeEmail({
            deliveryId: delivery.id,
            noticeId: delivery.noticeId,
            recipient: delivery.recipient,
            locale: delivery.locale,
            title: delivery.title,
            body: delivery.body,
          }),
        ),
        SEND_DEADLINE_MS,
      );
      return { kind: 'sent' };
    }
    if (delivery.channel === 'WEBHOOK') {
      // Deleted by the customer's admin after the notice was published: do not send it there.
      if (delivery.webhookSecret === null || delivery.webhookDisabledAt !== null) {
        return { kind: 'undeliverable', error: 'The webhook endpoint was deleted.' };
      }
      await withDeadline(
        channels.webhook.send({
          deliveryId: delivery.id,
          url: delivery.recipient,
          secret: delivery.webhookSecret,
          payload: noticeWebhookPayload({ ...delivery, id: delivery.noticeId }),
        }),
        SEND_DEADLINE_MS,
      );
      return { kind: 'sent' };
    }
    return { kind: 'undeliverable', error: `Channel ${delivery.channel} is not delivered by this worker.` };
  } catch (error) {
    return { kind: 'failed', error: errorText(error) };
  }
}

/** Records an attempt's outcome, unless another worker has claimed the delivery since (fencing by attempts). */
async function record(
  prisma: PrismaClient,
  delivery: ClaimedDelivery,
  outcome: Outcome,
  now: Date,
): Promise<keyof Omit<DeliverDueResult, 'claimed'>> {
  const where = { id: delivery.id, attempts: delivery.attempts };
  if (outcome.kind === 'sent') {
    await prisma.delivery.updateMany({ where, data: { status: 'SENT', sentAt: now, lastError: null } });
    return 'sent';
  }
  const retryAt = outcome.kind === 'failed' ? nextRetryAt(delivery.attempts, now) : null;
  if (retryAt) {
    await prisma.delivery.updateMany({
      where,
      data: { status: 'FAILED', nextAttemptAt: retryAt, lastError: outcome.error },
    });
    return 'failed';
  }
  await prisma.delivery.updateMany({
    where,
    data: { status: 'ABANDONED', nextAttemptAt: now, lastError: outcome.error },
  });
  return 'abandoned';
}

/**
 * Sends the EMAIL and WEBHOOK deliveries that are due (PENDING, or FAILED with nextAttemptAt <= now),
 * at most `limit` of them, `concurrency` at a time. Safe to run in several processes at once.
 */
export async function deliverDue(options: DeliverDueOptions): Promise<DeliverDueResult> {
  const { prisma, now } = options;
  const limit = Math.max(0, Math.floor(options.limit ?? 100));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const result: DeliverDueResult = { claimed: 0, sent: 0, failed: 0, abandoned: 0 };
  while (result.claimed < limit) {
    const batch = await claimDue(prisma, now, Math.min(concurrency, limit - result.claimed));
    if (batch.length === 0) break;
    result.claimed += batch.length;
    const outcomes = await Promise.all(
      batch.map(async (delivery) => record(prisma, delivery, await attempt(delivery, options), now)),
    );
    for (const outcome of outcomes) result[outcome] += 1;
  }
  return result;
}
