// kill -9 of the notice dispatcher (`scripts/dispatch.ts`) in the middle of 10,000 due notices on a
// PGlite data directory, which the kill leaves mid-write: the restarted dispatcher must recover the
// directory and publish the rest, each notice exactly once with one EMAIL and one WEBHOOK row.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { createDatabase, migrateDeploy } from '@upgrade-desk/db';
import { cleanup, runCrashScenario, seedNotices } from './dispatcher-crash.ts';
import { temporaryDirectory } from './support.ts';

it('kill -9 of the dispatcher on PGlite: the restart recovers the directory and publishes the rest exactly once', async () => {
  await runCrashScenario(async (receiver) => {
    const temporary = temporaryDirectory('ud-fault-pglite');
    cleanup(temporary.remove);
    const dataDir = path.join(temporary.dir, 'db');
    const url = `pglite:${dataDir}`;
    await migrateDeploy(url);
    await seedNotices(url, receiver);
    return {
      url,
      open: () => createDatabase(url),
      // Counted on a copy, so that the restarted dispatcher is the first to open the crashed directory.
      publishedAfterKill: async () => {
        const copy = path.join(temporary.dir, 'copy');
        cpSync(dataDir, copy, { recursive: true });
        const db = await createDatabase(`pglite:${copy}`);
        try {
          return await db.prisma.notice.count({ where: { publishedAt: { not: null } } });
        } finally {
          await db.close();
        }
      },
    };
  });
}, 240_000);
