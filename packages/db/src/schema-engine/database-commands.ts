// The native engine's `cli can-connect-to-database | create-database | drop-database`
// sub-commands, which the Prisma CLI runs before migrating (e.g. `migrate dev` creates a missing
// PostgreSQL database after a P1003). The WASM engine has no equivalent.
import { access, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseTarget, postgresDatabaseName, withPostgresDatabase } from '../database-url.ts';

/** An error with a Prisma error code, reported to the CLI the way the native engine does. */
export class KnownEngineError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'KnownEngineError';
  }
}

function serverLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
}

/** Maps connection failures to the codes the CLI understands (P1003 triggers create-database). */
function toKnownError(error: unknown, url: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const database = postgresDatabaseName(url);
  const location = serverLocation(url);
  switch (code) {
    case '3D000':
      return new KnownEngineError(
        'P1003',
        `Database \`${database}\` does not exist on the database server at \`${location}\`.`,
      );
    case '28P01':
    case '28000':
      return new KnownEngineError(
        'P1000',
        `Authentication failed against database server at \`${location}\`, the provided database credentials are not valid.`,
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new KnownEngineError('P1001', `Can't reach database server at \`${location}\`.`);
    default:
      return error;
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return await run(client);
  } catch (error) {
    throw toKnownError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function canConnectToDatabase(target: DatabaseTarget): Promise<void> {
  if (target.engine === 'postgresql') {
    await withClient(target.url, (client) => client.query('SELECT 1'));
    return;
  }
  // Opening PGlite here would run initdb for nothing: checking the directory is enough.
  if (target.dataDir !== null) {
    await mkdir(target.dataDir, { recursive: true });
    await access(target.dataDir);
  }
}

/** Creates the database; returns its name. Succeeds if it already exists. */
export async function createDatabase(target: DatabaseTarget): Promise<string> {
  if (target.engine === 'pglite') {
    if (target.dataDir === null) return 'memory';
    await mkdir(target.dataDir, { recursive: true });
    return path.basename(target.dataDir);
  }
  const database = postgresDatabaseName(target.url);
  await withClient(withPostgresDatabase(target.url, 'postgres'), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '42P04') throw error; // already exists
    }
  });
  return database;
}

export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (target.engine === 'pglite') {
    if (target.dataDir === null) return;
    const entries = await readdir(target.dataDir).catch(() => [] as string[]);
    // Only ever delete something that is recognisably a PostgreSQL data directory.
    if (entries.length > 0 && !entries.includes('PG_VERSION')) {
      throw new Error(`Refusing to delete ${target.dataDir}: it does not look like a PGlite data directory.`);
    }
    await rm(target.dataDir, { recursive: true, force: true });
    return;
  }
  const database = postgresDatabaseName(target.url);
  await withClient(withPostgresDatabase(target.url, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
  );
}
