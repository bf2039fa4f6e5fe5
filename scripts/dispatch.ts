// `pnpm dispatch`: the notice worker as its own process (set NOTICE_WORKER=off on the API processes).
// Several may run against one PostgreSQL database: claims use FOR UPDATE SKIP LOCKED.
import { configWarnings } from '../apps/api/src/config.ts';
import { loadConfig } from '../apps/api/src/index.ts';
import { createLogger, logFunction } from '../apps/api/src/logging.ts';
import { createNoticeEvents } from '../apps/api/src/notices/events.ts';
import { startNoticeWorkerFromConfig } from '../apps/api/src/notices/worker.ts';
import { createDatabase, DEFAULT_DATABASE_URL, redactDatabaseUrl } from '../packages/db/src/index.ts';

const config = loadConfig();
const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const db = await createDatabase(url);
// Live events reach API processes only through Redis; without it the portal sees new notices on its next load.
const events = config.REDIS_URL ? createNoticeEvents(config) : undefined;
const logger = createLogger({ level: config.LOG_LEVEL });
for (const warning of configWarnings(config, 'worker')) logger.warn(warning);
const log = logFunction(logger);
const worker = startNoticeWorkerFromConfig(config, { prisma: db.prisma, events, log });
log('notice worker started', {
  database: redactDatabaseUrl(url),
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
