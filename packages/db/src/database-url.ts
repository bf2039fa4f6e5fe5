// DATABASE_URL picks the engine at run time (STACK.md "Database"): PGlite embedded by default,
// PostgreSQL in production. This module is the one place that interprets such a URL.
import path from 'node:path';
import { repoRoot } from './repo-paths.ts';

/** Used when neither an explicit URL nor DATABASE_URL is given (same default as prisma.config.ts). */
export const DEFAULT_DATABASE_URL = 'pglite:.data/pglite';
export const PGLITE_MEMORY_URL = 'pglite:memory://';

export type DatabaseEngine = 'pglite' | 'postgresql';

export type DatabaseTarget =
  | {
      engine: 'pglite';
      url: string;
      /** Absolute data directory, or null for an in-memory database. */
      dataDir: string | null;
    }
  | { engine: 'postgresql'; url: string };

/** Hides the password so URLs can appear in error messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/**
 * Interprets a database URL:
 * - `pglite:memory://`: in-memory PGlite;
 * - `pglite:<dir>`: PGlite persisted in `<dir>` (relative paths resolve against the repo root,
 *   not the current directory, so every process finds the same database);
 * - `postgresql://…` or `postgres://…`: a PostgreSQL server.
 * Anything else throws, naming the accepted forms.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed === '') {
    throw new Error(
      `The database URL is empty. Use "pglite:<directory>", "${PGLITE_MEMORY_URL}" or "postgresql://user@host:5432/database" (or leave DATABASE_URL unset for "${DEFAULT_DATABASE_URL}").`,
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'pglite') {
    const location = trimmed.slice('pglite:'.length);
    if (location === 'memory://') return { engine: 'pglite', url: trimmed, dataDir: null };
    if (location === '' || location.startsWith('//')) {
      throw new Error(
        `Invalid PGlite URL "${trimmed}": expected "${PGLITE_MEMORY_URL}" or "pglite:<directory>" (e.g. "${DEFAULT_DATABASE_URL}" or "pglite:/var/lib/upgrade-desk").`,
      );
    }
    return { engine: 'pglite', url: trimmed, dataDir: path.resolve(repoRoot, location) };
  }
  if (scheme === 'postgresql' || scheme === 'postgres') {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new Error(`Invalid PostgreSQL URL "${redactDatabaseUrl(trimmed)}": it is not a valid URL.`);
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
      throw new Error(`Invalid PostgreSQL URL "${redactDatabaseUrl(trimmed)}": it names no host.`);
    }
    return { engine: 'postgresql', url: trimmed };
  }
  const shown = scheme === undefined ? 'no scheme' : `scheme "${scheme}:"`;
  throw new Error(
    `Unsupported database URL "${redactDatabaseUrl(trimmed)}" (${shown}). Upgrade Desk supports "pglite:<directory>", "${PGLITE_MEMORY_URL}" and "postgresql://user@host:5432/database".`,
  );
}

/** The URL to use when the caller gave none: DATABASE_URL, else the embedded default. */
export function resolveDatabaseUrl(url?: string): string {
  return url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The database name in a PostgreSQL URL (`postgres` when the path is empty, as libpq does). */
export function postgresDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name === '' ? 'postgres' : name;
}

/** The same PostgreSQL URL pointing at another database on the same server. */
export function withPostgresDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
