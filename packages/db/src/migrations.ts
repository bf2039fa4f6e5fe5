// The committed migrations (prisma/migrations) as data: their names and a content hash that
// keys the test templates.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from './generated/prisma/client.ts';
import { migrationsDir } from './repo-paths.ts';

/** Migration folder names, in the order Prisma applies them. */
export async function listMigrations(directory = migrationsDir): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // Prisma reads every sub-directory as a migration and sorts with localeCompare.
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Changes whenever a migration is added, removed or edited. */
export async function migrationsHash(directory = migrationsDir): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await listMigrations(directory)) {
    hash.update(`${name}\0`);
    hash.update(await readFile(path.join(directory, name, 'migration.sql')));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * The committed migrations the open database has not applied (every one, on a database never
 * migrated). `expected` defaults to prisma/migrations' folders. Throws when the database cannot be reached.
 */
export async function pendingMigrations(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  expected?: readonly string[],
): Promise<string[]> {
  const names = expected ?? (await listMigrations());
  const [table] = await prisma.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return [...names];
  const applied = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((m) => m.migration_name));
  return names.filter((name) => !done.has(name));
}
