// The API alone, as a child process of the load test: reads its configuration from the environment
// (DATABASE_URL must name an already migrated database), listens on an ephemeral port of 127.0.0.1,
// prints `READY <graphql url>` on stdout, and closes cleanly on SIGTERM or SIGINT.
import { loadConfig, startApiServer } from '../../apps/api/src/index.ts';
import { createDatabase } from '@upgrade-desk/db';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('serve-api: set DATABASE_URL.');
const db = await createDatabase(config.DATABASE_URL);
const api = await startApiServer({ prisma: db.prisma, config }, 0, '127.0.0.1');
console.log(`READY ${api.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await api.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
