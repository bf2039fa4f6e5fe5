// Absolute paths the database package needs. They are derived from this file's location, not
// from process.cwd(), so that the Prisma CLI (which runs the schema engine with its own cwd),
// vitest workers and the apps all agree on where `.data/pglite` and the migrations live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.dirname(fileURLToPath(import.meta.url));

/** The monorepo root (where prisma.config.ts and pnpm-workspace.yaml live). */
export const repoRoot = path.resolve(sourceDir, '../../..');
export const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
/** Output of `prisma generate` (gitignored). */
export const generatedDir = path.join(sourceDir, 'generated');
/** The executable that stands in for Prisma's native schema engine (PRISMA_SCHEMA_ENGINE_BINARY). */
export const schemaEngineBinary = path.join(sourceDir, 'schema-engine', 'bin.mjs');
/** Caches that are safe to delete at any time: PGlite snapshots, test templates. */
export const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'upgrade-desk');
