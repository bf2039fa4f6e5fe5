import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrations, migrateDeploy, migrateStatus, runPrismaCli } from './migrate.ts';
import { listMigrations } from './migrations.ts';
import { openPGlite } from './pglite-snapshot.ts';
import { migrationsDir } from './repo-paths.ts';
import {
  expectedTables,
  postgresQuery,
  scratchDirectory,
  scratchPostgresDatabase,
  testDatabaseUrl,
} from './test-fixtures.ts';

// Each `prisma migrate …` spawns the CLI and the WASM engine: seconds, not milliseconds.
const SLOW = 180_000;

describe('the committed migrations', () => {
  it('exist, with a PostgreSQL lock file', async () => {
    expect(await listMigrations()).not.toHaveLength(0);
    const lock = await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8');
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });

  it('match schema.prisma (a schema change without `pnpm migrate:dev` fails here)', { timeout: SLOW }, async () => {
    const { exitCode, output } = await runPrismaCli(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      'pglite:memory://',
    );
    expect(output).not.toMatch(/Error/);
    expect(exitCode, `migrations and schema differ:\n${output}`).toBe(0);
  });
});

describe('migrateDeploy on PGlite', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let url: string;

  beforeAll(async () => {
    scratch = await scratchDirectory();
    url = `pglite:${scratch.dir}/db`;
  });
  afterAll(() => scratch?.remove());

  it('creates every model table and records every migration', { timeout: SLOW }, async () => {
    const started = performance.now();
    const { applied } = await migrateDeploy(url);
    console.info(`migrate deploy on a new PGlite directory: ${Math.round(performance.now() - started)} ms`);
    expect(applied).toEqual(await listMigrations());

    const pglite = await openPGlite(`${scratch.dir}/db`);
    try {
      const tables = await pglite.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
      );
      const names = tables.rows.map((row) => row.tablename);
      expect(names).toEqual(expect.arrayContaining([...expectedTables(), '_prisma_migrations']));
      const rows = await pglite.query<{ migration_name: string; finished: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.rows).toEqual((await listMigrations()).map((name) => ({ migration_name: name, finished: true })));
    } finally {
      await pglite.close();
    }
  });

  it('reports the database as up to date', { timeout: SLOW }, async () => {
    const status = await migrateStatus(url);
    expect(status.output).toContain('Database schema is up to date!');
    expect(status.upToDate).toBe(true);
  });

  it('is idempotent', { timeout: SLOW }, async () => {
    const { applied, output } = await migrateDeploy(url);
    expect(applied).toEqual(await listMigrations());
    expect(output).toContain('No pending migrations to apply.');
  });

  it('reports a database that is behind as not up to date', { timeout: SLOW }, async () => {
    const other = await scratchDirectory();
    try {
      const status = await migrateStatus(`pglite:${other.dir}/db`);
      expect(status.upToDate).toBe(false);
      expect(status.output).toMatch(/not yet been applied/);
    } finally {
      await other.remove();
    }
  });

  it(
    'catches an engine that exits 0 and applies nothing (PRISMA_SCHEMA_ENGINE_BINARY=/bin/true)',
    { timeout: SLOW },
    async () => {
      const other = await scratchDirectory();
      try {
        await expect(migrateDeploy(`pglite:${other.dir}/db`, { schemaEngineBinary: '/bin/true' })).rejects.toThrow(
          /does not record \d+ migration\(s\) as applied/,
        );
        expect(await appliedMigrations(`pglite:${other.dir}/db`)).toEqual([]);
      } finally {
        await other.remove();
      }
    },
  );

  it('refuses an in-memory database, which another process cannot reach', async () => {
    await expect(migrateDeploy('pglite:memory://')).rejects.toThrow(/in-memory/);
  });
});

// Registered only when there is a PostgreSQL server to test against (CI's second run sets TEST_DATABASE_URL).
if (testDatabaseUrl)
  describe('migrateDeploy on PostgreSQL (TEST_DATABASE_URL)', () => {
    let database: ReturnType<typeof scratchPostgresDatabase>;
    beforeAll(() => {
      database = scratchPostgresDatabase(testDatabaseUrl ?? '');
    });
    afterAll(() => database?.drop());

    it('creates the database, every model table, and records every migration', { timeout: SLOW }, async () => {
      const started = performance.now();
      const { applied } = await migrateDeploy(database.url);
      console.info(`migrate deploy on a new PostgreSQL database: ${Math.round(performance.now() - started)} ms`);
      expect(applied).toEqual(await listMigrations());

      const tables = await postgresQuery<{ table_name: string }>(
        database.url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([...expectedTables(), '_prisma_migrations']),
      );
      const rows = await postgresQuery<{ migration_name: string }>(
        database.url,
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(await listMigrations());
    });

    it('reports the database as up to date', { timeout: SLOW }, async () => {
      const status = await migrateStatus(database.url);
      expect(status.output).toContain('Database schema is up to date!');
      expect(status.upToDate).toBe(true);
    });

    it(
      'finds no drift between the database and schema.prisma (catalog queries read "char" columns)',
      { timeout: SLOW },
      async () => {
        const { exitCode, output } = await runPrismaCli(
          ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
          database.url,
        );
        expect(exitCode, output).toBe(0);
      },
    );
  });
