// Two API processes (`scripts/start.ts` with PORTAL=off, each running the in-process notice worker)
// on one PostgreSQL database dispatch 10,000 notices that fall due while both are up: each notice
// is published exactly once, with one EMAIL and one WEBHOOK delivery row and one live event (over
// Redis), and both processes take a share.
import { expect, it, onTestFinished } from 'vitest';
import { createDatabase } from '@upgrade-desk/db';
import {
  countRedisEvents,
  createPostgresDatabase,
  dispatchOutcome,
  publishedExactlyOnce,
  executeOn,
  freePort,
  insertDueNotices,
  publishedInLog,
  REDIS_URL,
  spawnScript,
  startWebhookReceiver,
  temporaryDirectory,
  uniqueName,
  waitFor,
} from './support.ts';

const TOTAL = 10_000;

it('two API processes dispatching 10,000 notices at once publish each exactly once', async () => {
  const receiver = await startWebhookReceiver();
  onTestFinished(() => receiver.close());
  const database = await createPostgresDatabase();
  onTestFinished(() => database.drop());
  const outbox = temporaryDirectory('ud-fault-outbox');
  onTestFinished(() => outbox.remove());
  const db = await createDatabase(database.url);
  onTestFinished(() => db.close());
  // Not due yet: they fall due at once, when both processes are polling.
  await insertDueNotices(db.prisma, {
    total: TOTAL,
    customers: 500,
    webhookUrl: receiver.url,
    scheduledFor: new Date(Date.now() + 86_400_000),
  });
  const prefix = `${uniqueName('fault')}:`;
  const events = await countRedisEvents(prefix);
  onTestFinished(() => events.close());

  const processes = await Promise.all(
    ['a', 'b'].map(async () => {
      const child = spawnScript('scripts/start.ts', {
        DATABASE_URL: database.url,
        API_PORT: String(await freePort()),
        PORTAL: 'off',
        NOTICE_WORKER: 'inline',
        DISPATCH_INTERVAL_MS: '100',
        REDIS_URL,
        REDIS_CHANNEL_PREFIX: prefix,
        OUTBOX_DIR: outbox.dir,
        LOG_LEVEL: 'info',
      });
      onTestFinished(() => child.stop());
      return child;
    }),
  );
  await Promise.all(processes.map((child) => child.waitForOutput(/Upgrade Desk is running/, 90_000)));

  const due = new Date(Date.now() - 60_000).toISOString();
  await executeOn(database.url, `UPDATE "Notice" SET "scheduledFor" = '${due}'::timestamp(3)`);
  await waitFor(
    'every notice to be published',
    async () =>
      (await db.prisma.notice.count({ where: { publishedAt: { not: null } } })) === TOTAL ? true : undefined,
    { timeoutMs: 120_000, everyMs: 250 },
  );
  // The last live events follow the last commit.
  await waitFor('every live event', () => (events.total() >= TOTAL ? true : undefined), { timeoutMs: 10_000 });
  for (const child of processes) expect(child.alive()).toBe(true);
  await Promise.all(processes.map((child) => child.stop()));

  const [a, b] = processes.map(publishedInLog) as [number, number];
  const outcome = await dispatchOutcome(db.prisma);
  const duplicateEvents = [...events.perNotice.values()].filter((n) => n > 1).length;
  console.log(
    `two processes: process A published ${a}, process B ${b}; ${outcome.published}/${outcome.notices} published, ` +
      `${outcome.emailRows} EMAIL + ${outcome.webhookRows} WEBHOOK rows (wrong: ${outcome.wrongEmailRows}, ${outcome.wrongWebhookRows}); ` +
      `live events ${events.total()} for ${events.perNotice.size} notices (duplicates ${duplicateEvents})`,
  );
  expect(outcome).toEqual(publishedExactlyOnce(TOTAL));
  expect(a + b).toBe(TOTAL);
  expect(a).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(0);
  expect(events.total()).toBe(TOTAL);
  expect(events.perNotice.size).toBe(TOTAL);
  expect(duplicateEvents).toBe(0);
}, 240_000);
