// Opens the application's database: PGlite (embedded, the zero-setup default) or PostgreSQL,
// chosen by the URL (see database-url.ts), behind one generated Prisma client.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type DatabaseEngine, parseDatabaseUrl, resolveDatabaseUrl } from './database-url.ts';
import { Prisma, PrismaClient } from './generated/prisma/client.ts';
import { lockPGliteDirectory } from './pglite-lock.ts';
import { openPGlite } from './pglite-snapshot.ts';

/** Prisma client log settings, e.g. `[{ emit: 'event', level: 'query' }]` to count SQL statements. */
export type DatabaseLog = Array<Prisma.LogLevel | Prisma.LogDefinition>;

export interface CreateDatabaseOptions<Log extends DatabaseLog = DatabaseLog> {
  log?: Log;
}

export interface Database<LogEvents extends Prisma.LogLevel = never> {
  prisma: PrismaClient<LogEvents>;
  engine: DatabaseEngine;
  /** The URL the database was opened with. */
  url: string;
  /** Disconnects Prisma and closes PGlite (without it the process never exits). */
  close(): Promise<void>;
}

/** The log levels whose events `prisma.$on()` accepts for these options. */
export type LogEventsOf<Log extends DatabaseLog> = Prisma.GetEvents<Log>;

function clientOptions(log: DatabaseLog | undefined) {
  return log === undefined ? {} : { log };
}

/** Wraps an open PGlite instance (also used by createTestDatabase for in-memory copies). */
export function databaseFromPGlite<const Log extends DatabaseLog = []>(
  pglite: PGlite,
  url: string,
  options?: CreateDatabaseOptions<Log>,
): Database<LogEventsOf<Log>> {
  // PrismaClient's type parameter is inferred from a literal options object; `log` is generic
  // here, so the event type is restated (it is what the constructor would infer).
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    ...clientOptions(options?.log),
  }) as unknown as PrismaClient<LogEventsOf<Log>>;
  let closing: Promise<void> | undefined;
  return {
    prisma,
    engine: 'pglite',
    url,
    close: () => {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          if (!pglite.closed) await pglite.close();
        }
      })();
      return closing;
    },
  };
}

/** Statements with more parameters than this (long IN lists, bulk writes) are not kept prepared. */
const MAX_PREPARED_PARAMETERS = 32;
/** Statement names by text; cleared when full (a long-running process issues a bounded set of texts). */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 2000;

/**
 * Names each statement after its SQL text, so node-postgres prepares it once per connection and
 * PostgreSQL can reuse its plan: Prisma's relation-join statements take longer to plan (~2 ms) than
 * to run. Statements whose text varies with their input (an IN list per id) are left unnamed, so a
 * long-lived connection does not pile up prepared statements.
 */
function preparedStatementName(query: { sql: string; args: unknown[] }): string {
  // An empty name is node-postgres's unnamed statement, parsed and planned for this execution only:
  // for anything but plain DML (DDL, SET) and for statements with many parameters.
  if (query.args.length > MAX_PREPARED_PARAMETERS || !/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(query.sql))
    return '';
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    // Hashing the text of every statement showed in profiles; the texts an app issues are few.
    if (statementNames.size >= MAX_NAMED_STATEMENTS) statementNames.clear();
    name = `ud_${createHash('sha1').update(query.sql).digest('base64url')}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

/**
 * Opens the database at `url` (default: DATABASE_URL, else `pglite:.data/pglite` under the repo
 * root). PGlite directories are created as needed; PostgreSQL databases must exist (run
 * `pnpm db:migrate`, which also creates them). The schema is not migrated here: see
 * migrateDeploy().
 */
export async function createDatabase<const Log extends DatabaseLog = []>(
  url?: string,
  options?: CreateDatabaseOptions<Log>,
): Promise<Database<LogEventsOf<Log>>> {
  const resolved = resolveDatabaseUrl(url);
  const target = parseDatabaseUrl(resolved);
  if (target.engine === 'pglite') {
    const unlock = target.dataDir === null ? () => {} : lockPGliteDirectory(target.dataDir);
    let pglite: PGlite;
    try {
      pglite = await openPGlite(target.dataDir);
    } catch (error) {
      unlock();
      throw error;
    }
    const database = databaseFromPGlite(pglite, resolved, options);
    const close = database.close;
    return { ...database, close: () => close().finally(unlock) };
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: target.url }, { statementNameGenerator: preparedStatementName }),
    ...clientOptions(options?.log),
  }) as unknown as PrismaClient<LogEventsOf<Log>>;
  let closing: Promise<void> | undefined;
  return {
    prisma,
    engine: 'postgresql',
    url: resolved,
    close: () => {
      closing ??= prisma.$disconnect();
      return closing;
    },
  };
}
