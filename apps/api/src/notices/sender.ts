// The sending worker of every outgoing message: notice deliveries (Delivery rows, which the
// dispatcher records when it publishes a notice) and queued emails (EmailMessage rows, written by
// module-request news and escalations in the transaction of what they tell of). Both are outboxes
// with the same columns and the same life: PENDING -> claimed -> SENT, or FAILED and tried again
// per the retry policy (./retry-policy.ts) until SENT or ABANDONED.
//
// Several processes may run it against one PostgreSQL at once. A message is claimed before it is
// sent, by one statement that locks due rows with FOR UPDATE SKIP LOCKED (a row another worker is
// claiming is skipped, not waited for), counts the attempt and pushes nextAttemptAt a lease ahead.
// Until the lease runs out no other worker considers the row due, so no two send it at once. If
// the process dies mid-send, the row becomes due again when the lease ends and is retried: never
// lost. The one message that was in flight at the crash may then reach its recipient twice; the
// copies carry the same idempotency key (a webhook's webhook-id, the X-Upgrade-Desk-Email
// header; a notice email's Message-ID), so receivers can drop the second.
//
// Results are written with the claimed attempt number as a fencing token: a worker that overran
// its lease (and whose row another worker has claimed since) cannot overwrite the newer outcome.
import { Prisma, sqlTimestamp, type DeliveryStatus, type PrismaClient } from '@upgrade-desk/db';
import { UndeliverableError, type ChannelTransports, type ClaimedDelivery } from './channels/channel.ts';
import { CHANNEL_BY_NAME } from './channels/index.ts';
import { CLAIM_LEASE_MS, LAST_ERROR_MAX_LENGTH, nextRetryAt, SEND_DEADLINE_MS } from './retry-policy.ts';
import { alertAccountTeam, announceStaffAlerts, type RaisedStaffAlert } from '../staff-alerts/alert-account-team.ts';
import type { NoticeEvents } from './events.ts';

export { CLAIM_LEASE_MS, SEND_DEADLINE_MS } from './retry-policy.ts';

export interface SendOptions extends ChannelTransports {
  prisma: PrismaClient;
  /** The clock for this run: what is due, the lease, the retry times and sentAt. */
  now: Date;
  /** At most this many messages of each outbox in this run (default 100). */
  limit?: number;
  /**
   * Messages claimed and sent together (default 8). Claims are made this many at a time, just
   * before sending, so every claim's lease covers one round of sends only.
   */
  concurrency?: number;
  /** Where the live events of staff alerts (a delivery given up) go after their commit. */
  events?: NoticeEvents;
}

export interface SendResult {
  /** Messages this run claimed (attempted). */
  claimed: number;
  sent: number;
  /** Failed this time; another attempt is scheduled. */
  failed: number;
  /** Failed for the last time, or had nowhere to go (a deleted webhook endpoint). */
  abandoned: number;
}

/** What the worker's outcome writes; both outbox tables have these columns. */
interface OutcomeData {
  status: DeliveryStatus;
  sentAt?: Date;
  nextAttemptAt?: Date;
  lastError: string | null;
}

/** A table of outgoing messages the sender works through. */
interface Outbox<Message extends { id: string; attempts: number }> {
  table: 'Delivery' | 'EmailMessage';
  /** Reads, in the claiming statement, what sending needs from the CTE `claimed` (the claimed rows). */
  readClaimed: Prisma.Sql;
  send(message: Message, transports: ChannelTransports): Promise<void>;
  record(
    db: Prisma.TransactionClient,
    where: { id: string; attempts: number },
    data: OutcomeData,
  ): Promise<{ count: number }>;
  /**
   * After the last retry failed, in the transaction that records it: who must hear of it. Not for
   * messages that had nowhere to go (UndeliverableError): those were given up on purpose.
   */
  givenUp?(tx: Prisma.TransactionClient, message: Message, error: string, now: Date): Promise<RaisedStaffAlert[]>;
}

/** Notice deliveries: each rendered and sent by its channel (./channels/). */
const deliveryOutbox: Outbox<ClaimedDelivery> = {
  table: 'Delivery',
  // The notice, the customer's code and the endpoint's secret, the upgrade as it stands now (for
  // calendar parts) and the recipient when a customer user, for every claimed delivery at once.
  readClaimed: Prisma.sql`
    SELECT claimed.id, claimed.channel::text AS channel, claimed.recipient, claimed.attempts,
           n.id AS "noticeId", n."upgradeId", c.code AS "customerCode", n.stage::text AS stage,
           n.locale::text AS locale, n.title, n.body, n."scheduledFor", n."publishedAt",
           n."requiresAcknowledgement", n."acknowledgeBy",
           w.secret AS "webhookSecret", w.url AS "webhookUrl", w."disabledAt" AS "webhookDisabledAt",
           u.title AS "upgradeTitle", u.summary AS "upgradeSummary", u.status::text AS "upgradeStatus",
           u."windowStart", u."windowEnd", u."expectedDowntimeMinutes", u."requiresRelogin",
           u.sequence AS "upgradeSequence", u."updatedAt" AS "upgradeUpdatedAt",
           ARRAY(SELECT CASE WHEN n.locale = 'VI' THEN m."nameVi" ELSE m."nameEn" END
                 FROM "UpgradeModule" AS um JOIN "Module" AS m ON m.id = um."moduleId"
                 WHERE um."upgradeId" = n."upgradeId" ORDER BY m."sortOrder", m.id) AS "moduleNames",
           c."timeZone" AS "customerTimeZone", r.id AS "recipientUserId"
    FROM claimed
    JOIN "Notice" AS n ON n.id = claimed."noticeId"
    JOIN "Customer" AS c ON c.id = n."customerId"
    JOIN "Upgrade" AS u ON u.id = n."upgradeId"
    LEFT JOIN "WebhookEndpoint" AS w ON w.id = claimed."webhookEndpointId"
    LEFT JOIN "User" AS r ON claimed.channel = 'EMAIL' AND r.email = claimed.recipient AND r."customerId" = n."customerId"
    ORDER BY claimed.id`,
  send(delivery, transports) {
    const channel = CHANNEL_BY_NAME.get(delivery.channel);
    if (!channel?.send) throw new UndeliverableError(`Channel ${delivery.channel} is not delivered by this worker.`);
    return channel.send(delivery, transports);
  },
  record: (db, where, data) => db.delivery.updateMany({ where, data }),
  // A notice the customer never received: its account team is told, to reach it another way.
  async givenUp(tx, delivery, error, now) {
    const notice = await tx.notice.findUniqueOrThrow({
      where: { id: delivery.noticeId },
      select: { customerId: true, upgradeId: true },
    });
    return alertAccountTeam(tx, {
      customerId: notice.customerId,
      sourceKey: `delivery-abandoned:${delivery.id}`,
      at: now,
      noticeId: delivery.noticeId,
      upgradeId: notice.upgradeId,
      event: {
        kind: 'DELIVERY_FAILED',
        noticeTitle: delivery.title,
        channel: delivery.channel,
        recipient: delivery.recipient,
        attempts: delivery.attempts,
        lastError: error,
      },
    });
  },
};

interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
}

/** Queued emails (./email-outbox.ts), already rendered in their reader's locale. */
const emailOutbox: Outbox<ClaimedEmail> = {
  table: 'EmailMessage',
  readClaimed: Prisma.sql`
    SELECT id, "to", subject, "textBody", "htmlBody", attempts FROM claimed ORDER BY id`,
  send: (message, { email }) =>
    email.send({
      to: message.to,
      subject: message.subject,
      text: message.textBody,
      ...(message.htmlBody !== null ? { html: message.htmlBody } : {}),
      headers: { 'X-Upgrade-Desk-Email': message.id },
    }),
  record: (db, where, data) => db.emailMessage.updateMany({ where, data }),
};

/** Claims up to `limit` due messages of `outbox` and reads what sending them needs: one statement. */
function claimDue<M extends { id: string; attempts: number }>(
  prisma: PrismaClient,
  outbox: Outbox<M>,
  now: Date,
  limit: number,
): Promise<M[]> {
  const table = Prisma.raw(`"${outbox.table}"`);
  return prisma.$queryRaw<M[]>(Prisma.sql`
    WITH due AS (
      SELECT id FROM ${table}
      WHERE status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${sqlTimestamp(now)}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE ${table} AS m
      SET attempts = m.attempts + 1, "nextAttemptAt" = ${sqlTimestamp(new Date(now.getTime() + CLAIM_LEASE_MS))}
      FROM due
      WHERE m.id = due.id
      RETURNING m.*
    )
    ${outbox.readClaimed}
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

async function attempt<M extends { id: string; attempts: number }>(
  outbox: Outbox<M>,
  message: M,
  transports: ChannelTransports,
): Promise<Outcome> {
  try {
    await withDeadline(
      // Called inside the chain, so a send that throws at once counts as a failed attempt too.
      Promise.resolve().then(() => outbox.send(message, transports)),
      SEND_DEADLINE_MS,
    );
    return { kind: 'sent' };
  } catch (error) {
    return { kind: error instanceof UndeliverableError ? 'undeliverable' : 'failed', error: errorText(error) };
  }
}

/** Records an attempt's outcome, unless another worker has claimed the message since (fencing by attempts). */
async function record<M extends { id: string; attempts: number }>(
  prisma: PrismaClient,
  outbox: Outbox<M>,
  message: M,
  outcome: Outcome,
  now: Date,
  events: NoticeEvents | undefined,
): Promise<keyof Omit<SendResult, 'claimed'>> {
  const where = { id: message.id, attempts: message.attempts };
  if (outcome.kind === 'sent') {
    await outbox.record(prisma, where, { status: 'SENT', sentAt: now, lastError: null });
    return 'sent';
  }
  const retryAt = outcome.kind === 'failed' ? nextRetryAt(message.attempts, now) : null;
  if (retryAt) {
    await outbox.record(prisma, where, { status: 'FAILED', nextAttemptAt: retryAt, lastError: outcome.error });
    return 'failed';
  }
  const abandoned = { status: 'ABANDONED', nextAttemptAt: now, lastError: outcome.error } as const;
  const { givenUp } = outbox;
  if (outcome.kind === 'failed' && givenUp) {
    const raised = await prisma.$transaction(async (tx) => {
      const { count } = await outbox.record(tx, where, abandoned);
      return count === 0 ? [] : givenUp(tx, message, outcome.error, now);
    });
    announceStaffAlerts(events, raised);
  } else {
    await outbox.record(prisma, where, abandoned);
  }
  return 'abandoned';
}

/** Sends the due messages of one outbox, at most `limit` of them, `concurrency` at a time. */
async function sendFrom<M extends { id: string; attempts: number }>(
  outbox: Outbox<M>,
  options: SendOptions,
): Promise<SendResult> {
  const { prisma, now } = options;
  const limit = Math.max(0, Math.floor(options.limit ?? 100));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const result: SendResult = { claimed: 0, sent: 0, failed: 0, abandoned: 0 };
  while (result.claimed < limit) {
    const batch = await claimDue(prisma, outbox, now, Math.min(concurrency, limit - result.claimed));
    if (batch.length === 0) break;
    result.claimed += batch.length;
    const outcomes = await Promise.all(
      batch.map(async (message) =>
        record(prisma, outbox, message, await attempt(outbox, message, options), now, options.events),
      ),
    );
    for (const outcome of outcomes) result[outcome] += 1;
  }
  return result;
}

/**
 * Sends the notice deliveries that are due (PENDING, or FAILED with nextAttemptAt <= now). Safe to
 * run in several processes at once.
 */
export function deliverDue(options: SendOptions): Promise<SendResult> {
  return sendFrom(deliveryOutbox, options);
}

/** Sends the queued emails that are due. Safe to run in several processes at once. */
export function sendQueuedEmails(options: SendOptions): Promise<SendResult> {
  return sendFrom(emailOutbox, options);
}

/** Everything due to go out: notice deliveries, then queued emails. */
export async function sendDue(options: SendOptions): Promise<{ deliveries: SendResult; emails: SendResult }> {
  const deliveries = await deliverDue(options);
  const emails = await sendQueuedEmails(options);
  return { deliveries, emails };
}
