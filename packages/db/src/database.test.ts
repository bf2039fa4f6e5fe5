import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './database.ts';
import { migrateDeploy } from './migrate.ts';
import { scratchDirectory, scratchPostgresDatabase, testDatabaseUrl } from './test-fixtures.ts';

const SLOW = 180_000;

describe('createDatabase on PGlite', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let url: string;

  beforeAll(async () => {
    scratch = await scratchDirectory();
    url = `pglite:${scratch.dir}/nested/db`;
    await migrateDeploy(url);
  }, SLOW);
  afterAll(() => scratch?.remove());

  it('round-trips a row, and keeps it on disk across reopening', async () => {
    const first = await createDatabase(url);
    expect(first.engine).toBe('pglite');
    expect(first.url).toBe(url);
    let id: string;
    try {
      const customer = await first.prisma.customer.create({ data: { code: 'ACME', name: 'Acme' } });
      id = customer.id;
      expect(await first.prisma.customer.findUnique({ where: { id } })).toMatchObject({ code: 'ACME', locale: 'VI' });
    } finally {
      await first.close();
    }

    const second = await createDatabase(url);
    try {
      expect(await second.prisma.customer.findUnique({ where: { id } })).toMatchObject({ name: 'Acme' });
    } finally {
      await second.close();
    }
  });

  it('emits query events when asked to (to count SQL statements per operation)', async () => {
    const database = await createDatabase(url, { log: [{ emit: 'event', level: 'query' }] });
    try {
      const statements: string[] = [];
      database.prisma.$on('query', (event) => statements.push(event.query));
      await database.prisma.customer.findMany({ where: { code: 'ACME' } });
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/FROM "public"\."Customer"/);
    } finally {
      await database.close();
    }
  });

  it('creates missing directories for a new database', async () => {
    const database = await createDatabase(`pglite:${scratch.dir}/fresh/deeper/db`);
    try {
      const rows = await database.prisma.$queryRaw<Array<{ answer: number }>>`SELECT 42 AS answer`;
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await database.close();
    }
  });

  it('closes idempotently', async () => {
    const database = await createDatabase('pglite:memory://');
    await Promise.all([database.close(), database.close()]);
    await database.close();
  });

  it('rejects unsupported URLs before opening anything', async () => {
    await expect(createDatabase('mysql://root@localhost/ud')).rejects.toThrow(/Unsupported database URL/);
  });
});

// Registered only when there is a PostgreSQL server to test against (CI's second run sets TEST_DATABASE_URL).
if (testDatabaseUrl)
  describe('createDatabase on PostgreSQL (TEST_DATABASE_URL)', () => {
    let scratch: ReturnType<typeof scratchPostgresDatabase>;

    beforeAll(async () => {
      scratch = scratchPostgresDatabase(testDatabaseUrl ?? '');
      await migrateDeploy(scratch.url);
    }, SLOW);
    afterAll(() => scratch?.drop());

    it('round-trips a row', async () => {
      const database = await createDatabase(scratch.url);
      expect(database.engine).toBe('postgresql');
      try {
        const customer = await database.prisma.customer.create({ data: { code: 'ACME', name: 'Acme' } });
        expect(await database.prisma.customer.findUnique({ where: { id: customer.id } })).toMatchObject({
          code: 'ACME',
          locale: 'VI',
        });
      } finally {
        await database.close();
      }
      const again = await createDatabase(scratch.url);
      try {
        expect(await again.prisma.customer.count()).toBe(1);
      } finally {
        await again.close();
      }
    });
  });
