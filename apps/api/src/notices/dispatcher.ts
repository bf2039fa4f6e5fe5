// The notice dispatcher: a transactional outbox. Due notices are claimed (FOR UPDATE SKIP LOCKED, so
// several dispatchers never take the same row), published, and their deliveries recorded in ONE
// transaction: a crash anywhere before the commit leaves them unclaimed for the next run, after it
// they are published exactly once. Live events go out after the commit. A FIX advisory held for the
// customer's account team is not due until one of them releases it.
import { sqlTimestamp, type NoticeChannel, type NoticeStage, type Prisma, type PrismaClient } from '@upgrade-desk/db';
import { maySendNotice } from '@upgrade-desk/domain';
import { CHANNEL_ORDER } from './channels/index.ts';
import { deliveryRowsFor } from './delivery-plan.ts';
import { publishNoticePublished, type NoticeEvents } from './events.ts';

export interface DispatchResult {
  /** Notices published (IN_APP) with their deliveries queued. */
  published: number;
  /** Notices found due after their window started: never sent (the policy forbids it), marked superseded. */
  dropped: number;
}

interface DueNotice {
  id: string;
  customerId: string;
  stage: NoticeStage;
  /** The customer's window: its own when staff moved it for this customer alone. */
  windowStart: Date;
}

export interface DispatchOptions {
  prisma: PrismaClient;
  events?: NoticeEvents;
  now: Date;
  /** Notices claimed per transaction (default 1000). */
  batchSize?: number;
  /** Test hook: runs inside the transaction after the claim, before anything is written. */
  afterClaim?: (claimed: readonly string[]) => Promise<void> | void;
}

/** Publishes every notice due at `now`, batch after batch, and returns what it did. */
export async function dispatchDue(options: DispatchOptions): Promise<DispatchResult> {
  const total: DispatchResult = { published: 0, dropped: 0 };
  for (;;) {
    const { published, dropped, claimed } = await dispatchBatch(options);
    total.published += published.length;
    total.dropped += dropped;
    if (options.events) for (const n of published) publishNoticePublished(options.events, n.customerId, n.id);
    if (claimed < (options.batchSize ?? 1000)) return total;
  }
}

async function dispatchBatch({ prisma, now, batchSize = 1000, afterClaim }: DispatchOptions) {
  return prisma.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<DueNotice[]>`
        SELECT n."id", n."customerId", n."stage"::text AS "stage",
               COALESCE(t."windowStart", u."windowStart") AS "windowStart"
        FROM "Notice" n JOIN "Upgrade" u ON u."id" = n."upgradeId"
          LEFT JOIN "UpgradeTarget" t ON t."upgradeId" = n."upgradeId" AND t."customerId" = n."customerId"
        WHERE n."publishedAt" IS NULL AND n."supersededAt" IS NULL AND n."scheduledFor" <= ${sqlTimestamp(now)}
          AND NOT n."awaitingRelease"
        ORDER BY n."scheduledFor", n."id"
        LIMIT ${batchSize}
        FOR UPDATE OF n SKIP LOCKED`;
      await afterClaim?.(due.map((n) => n.id));
      const publish = due.filter((n) => maySendNotice(n.stage, n.windowStart, now));
      const late = due.filter((n) => !maySendNotice(n.stage, n.windowStart, now));
      if (late.length > 0) {
        await tx.notice.updateMany({ where: { id: { in: late.map((n) => n.id) } }, data: { supersededAt: now } });
      }
      if (publish.length > 0) {
        const deliveries = await deliveryRowsFor(tx, publish, { now });
        await insertDeliveries(tx, deliveries, now);
        await markPublished(tx, publish, deliveries, now);
      }
      return { published: publish, dropped: late.length, claimed: due.length };
    },
    { timeout: 120_000 },
  );
}

/**
 * Inserts the deliveries in one statement. Prisma's createMany costs about half a millisecond a row
 * here; one INSERT over unnest() arrays takes a few milliseconds for a thousand.
 */
async function insertDeliveries(
  tx: Prisma.TransactionClient,
  rows: readonly Prisma.DeliveryCreateManyInput[],
  now: Date,
) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Delivery" ("id", "noticeId", "channel", "recipient", "webhookEndpointId", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), t."noticeId"::uuid, t."channel"::"NoticeChannel", t."recipient", t."webhookEndpointId"::uuid,
           'PENDING', 0, ${sqlTimestamp(now)}, ${sqlTimestamp(now)}
    FROM unnest(${rows.map((r) => r.noticeId)}::text[], ${rows.map((r) => r.channel)}::text[],
                ${rows.map((r) => r.recipient)}::text[], ${rows.map((r) => r.webhookEndpointId ?? null)}::text[])
      AS t("noticeId", "channel", "recipient", "webhookEndpointId")
    ON CONFLICT DO NOTHING`;
}

/**
 * Sets publishedAt, and `channels` to where each notice actually went: IN_APP always, plus the
 * channels it has deliveries on. One UPDATE per distinct set of channels (at most four).
 */
async function markPublished(
  tx: Prisma.TransactionClient,
  notices: readonly DueNotice[],
  deliveries: readonly Prisma.DeliveryCreateManyInput[],
  now: Date,
) {
  const channelsOf = new Map<string, Set<NoticeChannel>>(
    notices.map((n) => [n.id, new Set<NoticeChannel>(['IN_APP'])]),
  );
  for (const d of deliveries) channelsOf.get(d.noticeId)?.add(d.channel);
  const groups = new Map<string, string[]>();
  for (const [id, channels] of channelsOf) {
    const key = CHANNEL_ORDER.filter((c) => channels.has(c)).join(',');
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  for (const [key, ids] of groups) {
    await tx.notice.updateMany({
      where: { id: { in: ids } },
      data: { publishedAt: now, channels: key.split(',') as NoticeChannel[] },
    });
  }
}
