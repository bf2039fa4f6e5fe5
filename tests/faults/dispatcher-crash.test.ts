// kill -9 of the notice dispatcher (`scripts/dispatch.ts`, the real worker) in the middle of 10,000
// due notices on PostgreSQL, then a restart: every notice is published exactly once, with exactly
// one EMAIL and one WEBHOOK delivery row, and no live event is sent twice.
import { it } from 'vitest';
import { createDatabase } from '@upgrade-desk/db';
import { cleanup, runCrashScenario, seedNotices } from './dispatcher-crash.ts';
import { createPostgresDatabase } from './support.ts';

it('kill -9 of the dispatcher on PostgreSQL: the restarted one publishes the rest, each notice exactly once', async () => {
  await runCrashScenario(async (receiver) => {
    const database = await createPostgresDatabase();
    cleanup(database.drop);
    const url = database.url;
    await seedNotices(url, receiver);
    return {
      url,
      open: () => createDatabase(url),
      publishedAfterKill: async () => {
        const db = await createDatabase(url);
        try {
          return await db.prisma.notice.count({ where: { publishedAt: { not: null } } });
        } finally {
          await db.close();
        }
      },
    };
  });
}, 240_000);
