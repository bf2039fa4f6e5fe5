// `pnpm dispatch`: the notice worker as its own process (set NOTICE_WORKER=off on the API processes).
// Several may run against one PostgreSQL database: claims use FOR UPDATE SKIP LOCKED.
import { configWarnings } from '../apps/api/src/config.ts';
import { loadConfig } from '../apps/api/src/index.ts';
import { createLogger, logFunction } from '../apps/api/src/logging.ts';
import { createNoticeEvents } from '../apps/api/src/notices/events.ts';
import { startNoticeWorkerFromConfig } from '../apps/api/src/notices/worker.ts';
import { createDatabase, DEFAULT_DATABASE_URL, pendingMigrations, redactDatabaseUrl } from '@upgrade-desk/db';

const config = loadConfig();
const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const db = await createDatabase(url).catch((error: unknown) => {
  // An embedded database open in `pnpm start`, say: the message is the whole story.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
// Unreachable now: the worker's rounds say so and recover once it is back.
const pending = await pendingMigrations(db.prisma).catch((): string[] => []);
if (pending.length > 0) {
  console.error(
    `${redactDatabaseUrl(url)} lacks ${pending.length} migration(s) (${pending.join(', ')}): ` +
      'run `pnpm db:migrate` (or `pnpm start` once) first.',
  );
  await db.close();
  process.exit(1);
}
// Live events reach API processes only through Redis; without it the portal sees new notices on its next load.
const events = config.REDIS_URL ? createNoticeEvents(config) : undefined;
const logger = createLogger({ level: config.LOG_LEVEL });
for (const warning of configWarnings(config, 'worker')) logger.warn(warning);
const log = logFunction(logger);
// Live events follow each batch's commit straight away, rather than queueing while Redis connects.
await events?.ready(5_000);
const worker = startNoticeWorkerFromConfig(config, { prisma: db.prisma, events, log });
log('notice worker started', {
  database: redactDatabaseUrl(url),
  // Production unless NODE_ENV says otherwise, like every process but `pnpm start`'s demo.
  mode: config.NODE_ENV,
  intervalMs: config.DISPATCH_INTERVAL_MS,
  redis: Boolean(events),
});

async function stop(signal: string) {
  log('stopping', { signal });
  await worker.stop();
  await events?.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
