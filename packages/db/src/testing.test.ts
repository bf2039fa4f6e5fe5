import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { listMigrations } from './migrations.ts';
import { expectedTables, postgresQuery, testDatabaseUrl } from './test-fixtures.ts';
import { createTestDatabase } from './testing.ts';

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((database) => database.close())));

async function timedTestDatabase(label: string): Promise<Database> {
  const started = performance.now();
  const database = await createTestDatabase();
  opened.push(database);
  console.info(`createTestDatabase (${database.engine}, ${label}): ${Math.round(performance.now() - started)} ms`);
  return database;
}

describe(`createTestDatabase (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('returns a database with every migration applied', { timeout: 180_000 }, async () => {
    const database = await timedTestDatabase('first in this worker');
    expect(database.engine).toBe(testDatabaseUrl ? 'postgresql' : 'pglite');
    const tables = await database.prisma.$queryRaw<Array<{ tablename: string }>>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((row) => row.tablename)).toEqual(expect.arrayContaining(expectedTables()));
    const migrations = await database.prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(migrations.map((row) => row.migration_name)).toEqual(await listMigrations());
    expect(await database.prisma.customer.count()).toBe(0);
  });

  it('gives every caller a database of its own', async () => {
    const [a, b] = await Promise.all([timedTestDatabase('warm'), timedTestDatabase('warm')]);
    await a!.prisma.customer.create({ data: { code: 'ONLY-A', name: 'A' } });
    expect(await a!.prisma.customer.count()).toBe(1);
    expect(await b!.prisma.customer.count()).toBe(0);
    const c = await timedTestDatabase('warm');
    expect(await c.prisma.customer.count()).toBe(0);
  });
});

// Registered only when there is a PostgreSQL server to test against (CI's second run sets TEST_DATABASE_URL).
if (testDatabaseUrl)
  describe('createTestDatabase on PostgreSQL', () => {
    it('drops its database on close()', async () => {
      const database = await createTestDatabase();
      const name = new URL(database.url).pathname.slice(1);
      const exists = () =>
        postgresQuery<{ n: number }>(
          testDatabaseUrl ?? '',
          'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1',
          [name],
        );
      expect(await exists()).toEqual([{ n: 1 }]);
      await database.close();
      expect(await exists()).toEqual([{ n: 0 }]);
    });
  });
