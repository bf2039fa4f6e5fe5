// Runs the official Prisma CLI (never a migration runner of our own) with the schema-engine
// stand-in, and checks that it really applied the migrations: with a fake engine such as
// /bin/true, `prisma migrate deploy` exits 0 and applies nothing.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseTarget, parseDatabaseUrl, redactDatabaseUrl, resolveDatabaseUrl } from './database-url.ts';
import { listMigrations } from './migrations.ts';
import { lockPGliteDirectory } from './pglite-lock.ts';
import { openPGlite } from './pglite-snapshot.ts';
import { repoRoot, schemaEngineBinary } from './repo-paths.ts';

export interface PrismaCliResult {
  exitCode: number;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
}

function prismaCliPath(): string {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const packageJson = require.resolve('prisma/package.json');
  return path.join(path.dirname(packageJson), 'build', 'index.js');
}

/**
 * Runs `prisma <args>` from the repo root against `url`. The stand-in engine is forced even if
 * the caller's environment names another one (a shell that ran `prisma generate` with
 * PRISMA_SCHEMA_ENGINE_BINARY=/bin/true would otherwise turn every migration into a no-op).
 */
export interface PrismaCliOptions {
  /** Another schema engine executable (tests use /bin/true to prove that a no-op is caught). */
  schemaEngineBinary?: string;
}

export function runPrismaCli(args: string[], url: string, options: PrismaCliOptions = {}): Promise<PrismaCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath(), ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PRISMA_SCHEMA_ENGINE_BINARY: options.schemaEngineBinary ?? schemaEngineBinary,
        // No internet here: skip the update check instead of waiting for it to time out.
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), output }));
  });
}

/** Names of the migrations recorded as successfully applied in `_prisma_migrations`. */
export async function appliedMigrations(url?: string): Promise<string[]> {
  const target = parseDatabaseUrl(resolveDatabaseUrl(url));
  const sql = `SELECT migration_name FROM _prisma_migrations
               WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  const exists = `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (target.engine === 'postgresql') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ present: boolean }>(exists);
      if (!rows[0]?.present) return [];
      return (await client.query<{ migration_name: string }>(sql)).rows.map((row) => row.migration_name);
    } finally {
      await client.end();
    }
  }
  const pglite = await openPGlite(target.dataDir);
  try {
    const { rows } = await pglite.query<{ present: boolean }>(exists);
    if (!rows[0]?.present) return [];
    return (await pglite.query<{ migration_name: string }>(sql)).rows.map((row) => row.migration_name);
  } finally {
    await pglite.close();
  }
}

function assertPersistent(target: DatabaseTarget): void {
  if (target.engine === 'pglite' && target.dataDir === null) {
    throw new Error(
      'Cannot migrate an in-memory PGlite database from another process: use a directory (pglite:<dir>).',
    );
  }
}

export interface MigrateDeployResult {
  /** Every migration now recorded as applied, in order. */
  applied: string[];
  /** What the Prisma CLI printed. */
  output: string;
}

/**
 * Applies the pending migrations of prisma/migrations to the database at `url` (default:
 * DATABASE_URL, else the embedded PGlite) with the official `prisma migrate deploy`, then
 * verifies that `_prisma_migrations` lists every migration folder. Throws with the CLI's output
 * otherwise. The database (PostgreSQL) or its directory (PGlite) is created if missing; a PGlite
 * directory must not be open in another process meanwhile.
 */
export async function migrateDeploy(url?: string, options: PrismaCliOptions = {}): Promise<MigrateDeployResult> {
  const resolved = resolveDatabaseUrl(url);
  const target = parseDatabaseUrl(resolved);
  assertPersistent(target);
  const unlock = target.engine === 'pglite' && target.dataDir !== null ? lockPGliteDirectory(target.dataDir) : null;
  try {
    return await deploy(resolved, options);
  } finally {
    unlock?.();
  }
}

async function deploy(resolved: string, options: PrismaCliOptions): Promise<MigrateDeployResult> {
  const { exitCode, output } = await runPrismaCli(['migrate', 'deploy'], resolved, options);
  if (exitCode !== 0) {
    throw new Error(
      `prisma migrate deploy failed (exit code ${exitCode}) on ${redactDatabaseUrl(resolved)}:\n${output}`,
    );
  }
  const [expected, applied] = await Promise.all([listMigrations(), appliedMigrations(resolved)]);
  const missing = expected.filter((name) => !applied.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `prisma migrate deploy exited 0 but ${redactDatabaseUrl(resolved)} does not record ${missing.length} migration(s) as applied: ${missing.join(', ')}. ` +
        `Is the schema engine a stand-in that does nothing (PRISMA_SCHEMA_ENGINE_BINARY=${options.schemaEngineBinary ?? schemaEngineBinary})?\n${output}`,
    );
  }
  return { applied, output };
}

export interface MigrateStatusResult {
  upToDate: boolean;
  output: string;
}

/** `prisma migrate status`: whether every migration is applied (and none failed). */
export async function migrateStatus(url?: string): Promise<MigrateStatusResult> {
  const resolved = resolveDatabaseUrl(url);
  assertPersistent(parseDatabaseUrl(resolved));
  const { exitCode, output } = await runPrismaCli(['migrate', 'status'], resolved);
  return { upToDate: exitCode === 0 && output.includes('Database schema is up to date!'), output };
}
