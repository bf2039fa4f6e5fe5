// Databases for tests: each call returns a fresh, fully migrated database of its own, so test
// files can run in parallel (vitest forks) without sharing state.
// - TEST_DATABASE_URL unset: an in-memory PGlite copied from a template snapshot. The template
//   is migrated once per migrations hash with the official `prisma migrate deploy` and cached
//   under node_modules/.cache/upgrade-desk (STACK.md: migrating PGlite costs seconds, a copy ~1 s).
// - TEST_DATABASE_URL=postgresql://…/db (an existing database used for administration): a new
//   database created from a template database migrated once per migrations hash
//   (`CREATE DATABASE … TEMPLATE ud_template_<hash>`), dropped by close().
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  type CreateDatabaseOptions,
  createDatabase,
  type Database,
  type DatabaseLog,
  databaseFromPGlite,
  type LogEventsOf,
} from './database.ts';
import { parseDatabaseUrl, PGLITE_MEMORY_URL, withPostgresDatabase } from './database-url.ts';
import { migrateDeploy } from './migrate.ts';
import { migrationsHash } from './migrations.ts';
import { isAlive } from './pglite-lock.ts';
import { loadPGliteSnapshot, openPGlite, pgliteVersion, readSnapshot, saveSnapshot } from './pglite-snapshot.ts';
import { cacheDir } from './repo-paths.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// A lock shared by processes on this machine: a directory (mkdir is atomic) with its owner.

interface LockOwner {
  pid: number;
  host: string;
  since: number;
}

const STALE_AFTER_MS = 10 * 60_000;

async function tryLock(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: Date.now() };
  await writeFile(path.join(lockDir, 'owner.json'), JSON.stringify(owner));
  return true;
}

/** Removes the lock if its owner died (or it is implausibly old), so waiters do not hang. */
async function breakStaleLock(lockDir: string): Promise<void> {
  const owner = await readFile(path.join(lockDir, 'owner.json'), 'utf8')
    .then((text) => JSON.parse(text) as LockOwner)
    .catch(() => null);
  let stale: boolean;
  if (owner) {
    stale = (owner.host === hostname() && !isAlive(owner.pid)) || Date.now() - owner.since > STALE_AFTER_MS;
  } else {
    // Between mkdir and writing owner.json, or the owner crashed right there.
    const created = await stat(lockDir).then(
      (stats) => stats.mtimeMs,
      () => null,
    );
    stale = created !== null && Date.now() - created > 30_000;
  }
  if (stale) await rm(lockDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// PGlite

/** Migrates a scratch PGlite directory with `prisma migrate deploy` and snapshots it. */
async function buildPGliteTemplate(file: string): Promise<Blob> {
  const buildDir = path.join(cacheDir, `build-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await migrateDeploy(`pglite:${buildDir}`);
    const pglite = await openPGlite(buildDir);
    try {
      return await saveSnapshot(pglite, file);
    } finally {
      await pglite.close();
    }
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

async function removeOtherTemplates(keep: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith('test-template-') && name.endsWith('.tgz') && name !== path.basename(keep))
      .map((name) => rm(path.join(cacheDir, name), { force: true })),
  );
}

async function loadOrBuildPGliteTemplate(): Promise<Blob> {
  const hash = (await migrationsHash()).slice(0, 16);
  const file = path.join(cacheDir, `test-template-${hash}-pglite-${pgliteVersion}.tgz`);
  const lockDir = `${file}.lock`;
  // A fresh clone has no cache folder yet; the lock lives in it.
  await mkdir(cacheDir, { recursive: true });
  for (;;) {
    const cached = await readSnapshot(file);
    if (cached) return cached;
    if (await tryLock(lockDir)) {
      try {
        // Another process may have finished between our read and our lock.
        const built = (await readSnapshot(file)) ?? (await buildPGliteTemplate(file));
        await removeOtherTemplates(file);
        return built;
      } finally {
        await rm(lockDir, { recursive: true, force: true });
      }
    }
    await breakStaleLock(lockDir);
    await sleep(200);
  }
}

let pgliteTemplate: Promise<Blob> | undefined;

function pgliteTemplateSnapshot(): Promise<Blob> {
  pgliteTemplate ??= loadOrBuildPGliteTemplate();
  pgliteTemplate.catch(() => {
    pgliteTemplate = undefined;
  });
  return pgliteTemplate;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  // A short-lived connection per operation: an idle one would keep vitest workers alive.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Any constant shared by every process: serialises template builds on the server.
const TEMPLATE_LOCK_KEY = 727_073_690;

async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const template = `ud_template_${(await migrationsHash()).slice(0, 16)}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      // Built under another name and renamed when complete, so a crash never leaves a
      // half-migrated template behind under the real name.
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdentifier(building)}`);
      await migrateDeploy(withPostgresDatabase(adminUrl, building));
      await client.query(`ALTER DATABASE ${quoteIdentifier(building)} RENAME TO ${quoteIdentifier(template)}`);
      // Nobody connects to a template: a connection would make CREATE DATABASE … TEMPLATE fail.
      await client.query(`ALTER DATABASE ${quoteIdentifier(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return template;
}

const postgresTemplates = new Map<string, Promise<string>>();

function postgresTemplate(adminUrl: string): Promise<string> {
  let template = postgresTemplates.get(adminUrl);
  if (!template) {
    template = ensurePostgresTemplate(adminUrl);
    postgresTemplates.set(adminUrl, template);
    template.catch(() => postgresTemplates.delete(adminUrl));
  }
  return template;
}

let created = 0;

async function createPostgresTestDatabase<const Log extends DatabaseLog>(
  adminUrl: string,
  options?: CreateDatabaseOptions<Log>,
): Promise<Database<LogEventsOf<Log>>> {
  const template = await postgresTemplate(adminUrl);
  const name = `ud_test_${process.pid}_${++created}_${randomBytes(3).toString('hex')}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
  );
  const database = await createDatabase(withPostgresDatabase(adminUrl, name), options);
  let closing: Promise<void> | undefined;
  return {
    ...database,
    close: () => {
      closing ??= (async () => {
        try {
          await database.close();
        } finally {
          await withAdminClient(adminUrl, (client) =>
            client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
          );
        }
      })();
      return closing;
    },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * A fresh database with every migration applied, private to the caller. Call close() when done
 * (afterAll): it closes PGlite, or drops the PostgreSQL database.
 */
export async function createTestDatabase<const Log extends DatabaseLog = []>(
  options?: CreateDatabaseOptions<Log>,
): Promise<Database<LogEventsOf<Log>>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    if (parseDatabaseUrl(adminUrl).engine !== 'postgresql') {
      throw new Error(
        'TEST_DATABASE_URL must be a postgresql:// URL of an existing database (unset it to test on PGlite).',
      );
    }
    return createPostgresTestDatabase(adminUrl, options);
  }
  const pglite = await loadPGliteSnapshot(await pgliteTemplateSnapshot());
  return databaseFromPGlite(pglite, PGLITE_MEMORY_URL, options);
}
