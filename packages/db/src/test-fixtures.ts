// Shared by this package's tests (not exported): scratch locations and the expected tables.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withPostgresDatabase } from './database-url.ts';
import { schemaPath } from './repo-paths.ts';

/** The table of every model in schema.prisma (its @@map name when it has one). */
export function expectedTables(): string[] {
  const schema = readFileSync(schemaPath, 'utf8');
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, model, body]) => /@@map\(\s*"([^"]+)"\s*\)/.exec(body ?? '')?.[1] ?? model ?? '',
  );
}

export async function scratchDirectory(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ud-db-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** PostgreSQL tests run when TEST_DATABASE_URL names a server (any existing database on it). */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/**
 * A database name on the TEST_DATABASE_URL server that does not exist yet; drop() removes it.
 * Call it in a hook, not in a describe body: skipped suites still run their bodies.
 */
export function scratchPostgresDatabase(adminUrl: string): { url: string; name: string; drop(): Promise<void> } {
  const name = `ud_scratch_${randomBytes(4).toString('hex')}`;
  return {
    name,
    url: withPostgresDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function postgresQuery<Row extends object>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
