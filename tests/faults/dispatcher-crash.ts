// The scenario of dispatcher-crash*.test.ts: 10,000 due notices, the real dispatcher
// (`scripts/dispatch.ts`) killed with SIGKILL once its first batch is out, then restarted; what
// must hold afterwards is asserted here.
import { expect, onTestFinished } from 'vitest';
import { createDatabase, type Database } from '@upgrade-desk/db';
import {
  countRedisEvents,
  dispatchOutcome,
  publishedExactlyOnce,
  type EventCounter,
  insertDueNotices,
  publishedInLog,
  spawnScript,
  startWebhookReceiver,
  temporaryDirectory,
  uniqueName,
  waitFor,
  type WebhookReceiver,
} from './support.ts';

export const TOTAL = 10_000;
/** The dispatcher claims this many notices per transaction (dispatcher.ts's default). */
const BATCH = 1000;

/** Runs `cleanup` when the current test ends (last registered, first run). */
export function cleanup(fn: () => Promise<void> | void): void {
  onTestFinished(async () => {
    await fn();
  });
}

export interface Target {
  /** DATABASE_URL for the dispatcher. */
  url: string;
  /** Opens the database in this process (for PGlite: only while no dispatcher runs). */
  open(): Promise<Database>;
  /** How many notices are published right after the kill, read without touching the crashed database. */
  publishedAfterKill(): Promise<number>;
}

async function crashAndRestart(target: Target, receiver: WebhookReceiver, events: EventCounter, prefix: string) {
  const outbox = temporaryDirectory('ud-fault-outbox');
  cleanup(outbox.remove);
  const env = {
    DATABASE_URL: target.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_CHANNEL_PREFIX: prefix,
    OUTBOX_DIR: outbox.dir,
    DISPATCH_INTERVAL_MS: '200',
    LOG_LEVEL: 'info',
  };

  const first = spawnScript('scripts/dispatch.ts', env);
  cleanup(() => first.stop());
  // The first batch's live events go out right after its commit: some, not all, are published.
  await waitFor('the first published batch', () => (events.total() > 0 ? true : undefined), { timeoutMs: 90_000 });
  first.kill('SIGKILL');
  const killed = await first.exited;
  expect(killed.signal).toBe('SIGKILL');
  const publishedBeforeKill = await target.publishedAfterKill();
  const eventsBeforeKill = events.total();

  const second = spawnScript('scripts/dispatch.ts', env);
  cleanup(() => second.stop());
  await waitFor(
    'the restarted dispatcher to publish the rest',
    () => (publishedBeforeKill + publishedInLog(second) >= TOTAL ? true : undefined),
    { timeoutMs: 120_000 },
  );
  await second.stop();
  expect(second.output()).not.toMatch(/round failed/);

  const db = await target.open();
  try {
    const outcome = await dispatchOutcome(db.prisma);
    const duplicateEvents = [...events.perNotice.values()].filter((n) => n > 1).length;
    console.log(
      `[${target.url.split(':')[0]}] published before kill: ${publishedBeforeKill} (live events seen ${eventsBeforeKill}); ` +
        `after restart: ${outcome.published}/${outcome.notices} published, ${outcome.emailRows} EMAIL + ${outcome.webhookRows} WEBHOOK delivery rows, ` +
        `notices with other than one EMAIL row: ${outcome.wrongEmailRows}, WEBHOOK: ${outcome.wrongWebhookRows}; ` +
        `live events ${events.total()} for ${events.perNotice.size} notices (duplicates ${duplicateEvents}); ` +
        `webhooks received so far ${[...receiver.perDelivery.values()].reduce((a, b) => a + b, 0)}`,
    );
    expect(publishedBeforeKill).toBeGreaterThan(0);
    expect(publishedBeforeKill).toBeLessThan(TOTAL);
    expect(outcome).toEqual(publishedExactlyOnce(TOTAL));
    // The restarted worker published exactly what was left.
    expect(publishedInLog(second)).toBe(TOTAL - publishedBeforeKill);
    // Live events go out after the commit, so a kill can lose those of the one batch in flight, never double one.
    expect(duplicateEvents).toBe(0);
    expect(events.total()).toBeGreaterThanOrEqual(TOTAL - BATCH);
    const known = new Set((await db.prisma.notice.findMany({ select: { id: true } })).map((n) => n.id));
    expect([...events.perNotice.keys()].filter((id) => !known.has(id))).toEqual([]);
  } finally {
    await db.close();
  }
}

/**
 * Runs the scenario on the database `prepare` makes (it must insert the notices with seedNotices),
 * and asserts: published before the kill strictly between 0 and 10,000; afterwards every notice
 * published once with one EMAIL and one WEBHOOK row; no live event doubled.
 */
export async function runCrashScenario(prepare: (receiver: WebhookReceiver) => Promise<Target>): Promise<void> {
  const receiver = await startWebhookReceiver();
  cleanup(receiver.close);
  const target = await prepare(receiver);
  const prefix = `${uniqueName('fault')}:`;
  const events = await countRedisEvents(prefix);
  cleanup(events.close);
  await crashAndRestart(target, receiver, events, prefix);
}

/** 10,000 notices due a minute ago, over 500 customers whose webhooks go to `receiver`. */
export async function seedNotices(url: string, receiver: WebhookReceiver) {
  const db = await createDatabase(url);
  try {
    await insertDueNotices(db.prisma, {
      total: TOTAL,
      customers: 500,
      webhookUrl: receiver.url,
      scheduledFor: new Date(Date.now() - 60_000),
    });
  } finally {
    await db.close();
  }
}
