// `pnpm start`: the whole product on one machine. Applies migrations, seeds the demo data into an
// empty database, serves the API and the portal, and stops both cleanly on Ctrl-C / SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configWarnings } from '../apps/api/src/config.ts';
import { loadConfig, startApiServer } from '../apps/api/src/index.ts';
import { createLogger, logFunction } from '../apps/api/src/logging.ts';
import { startNoticeWorkerFromConfig, type NoticeWorker } from '../apps/api/src/notices/worker.ts';
import { demoAccountLines } from '@upgrade-desk/accounts';
import { createDatabase, DEFAULT_DATABASE_URL, migrateDeploy, redactDatabaseUrl } from '@upgrade-desk/db';
import { isDatabaseEmpty, seedDemo } from '../prisma/seed/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const portalDir = path.join(root, 'apps/portal');
const portalPort = Number(process.env.PORTAL_PORT ?? 3000);
/** PORTAL=off: the API (and its notice worker) alone, without building or serving the portal. */
const portalEnabled = process.env.PORTAL !== 'off';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the portal when there is no build or its sources changed since. */
function ensurePortalBuilt(): void {
  const built = path.join(portalDir, 'build/index.js');
  const sources = Math.max(
    newestMtime(path.join(portalDir, 'src')),
    statSync(path.join(portalDir, 'package.json')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('Building the portal…');
  const result = spawnSync('pnpm', ['--filter', '@upgrade-desk/portal', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The portal build failed (see above).');
}

async function main() {
  const started = Date.now();
  // The demo mode: error details in answers, webhooks to http://localhost. Everywhere else (and here
  // with NODE_ENV=production) the API runs as production.
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' });
  const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  console.log(`Database: ${redactDatabaseUrl(url)}`);
  const startupLog = createLogger({ level: config.LOG_LEVEL });
  for (const warning of configWarnings(config, 'api')) startupLog.warn(warning);

  await migrateDeploy(url);
  const db = await createDatabase(url);
  if (await isDatabaseEmpty(db.prisma)) {
    console.log('Empty database: seeding the demo data…');
    const summary = await seedDemo(db.prisma, { password: config.DEMO_PASSWORD, now: new Date() });
    console.log(`Seeded: ${JSON.stringify(summary)}`);
  }
  if (portalEnabled) ensurePortalBuilt();

  let worker: NoticeWorker | undefined;
  const api = await startApiServer(
    { prisma: db.prisma, config, onNoticesChanged: () => worker?.wake() },
    config.API_PORT,
    config.API_HOST,
  );
  // PGlite is single-process, so with it the notice worker always runs here; on PostgreSQL it may run apart.
  if (config.NOTICE_WORKER === 'inline') {
    worker = startNoticeWorkerFromConfig(config, {
      prisma: db.prisma,
      events: api.events,
      log: logFunction(createLogger({ level: config.LOG_LEVEL })),
    });
  }
  const portal: ChildProcess | undefined = portalEnabled
    ? spawn(process.execPath, [path.join(portalDir, 'build/index.js')], {
        cwd: portalDir,
        stdio: 'inherit',
        env: {
          ...process.env,
          PORT: String(portalPort),
          HOST: process.env.PORTAL_HOST ?? '127.0.0.1',
          ORIGIN: process.env.ORIGIN ?? `http://localhost:${portalPort}`,
          API_URL: api.url,
        },
      })
    : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    portal?.kill('SIGTERM');
    // The worker first: its last round may still publish live events through the API's events object.
    await worker?.stop();
    await api.close();
    // PGlite must be closed, or its data directory is left mid-write.
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  portal?.on('exit', (code) => {
    if (!stopping) {
      console.error(`The portal exited (code ${code}); stopping the API.`);
      void stop('portal exit');
    }
  });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const mode =
    config.NODE_ENV === 'production'
      ? 'production (NODE_ENV=production)'
      : `DEMO MODE (NODE_ENV=${config.NODE_ENV}): error details in answers${
          config.WEBHOOK_ALLOW_LOOPBACK_HTTP ? ', http:// webhooks to localhost' : ''
        };\n            not for deployment: set NODE_ENV=production there`;
  console.log(`
Upgrade Desk is running (started in ${seconds} s).
  Mode:     ${mode}
  Portal:   ${portalEnabled ? `http://localhost:${portalPort}` : 'off (PORTAL=off)'}
  API:      ${api.url}  (GraphiQL in a browser; introspection needs a staff token)

Demo accounts (password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : config.DEMO_PASSWORD}):
${demoAccountLines()
  .map((line) => `  ${line}`)
  .join('\n')}

Ctrl-C stops both.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
