// @upgrade-desk/db: the one place that knows the database. The generated client (PrismaClient,
// the Prisma namespace, enums and model types) plus the helpers that open and migrate it.
// Test helpers live in './testing.ts' (import '@upgrade-desk/db/testing'), so that application
// code never loads them.
export * from './generated/prisma/client.ts';
export {
  createDatabase,
  type CreateDatabaseOptions,
  type Database,
  type DatabaseLog,
  type LogEventsOf,
} from './database.ts';
export {
  DEFAULT_DATABASE_URL,
  PGLITE_MEMORY_URL,
  parseDatabaseUrl,
  redactDatabaseUrl,
  resolveDatabaseUrl,
  withPostgresDatabase,
  type DatabaseEngine,
  type DatabaseTarget,
} from './database-url.ts';
export {
  appliedMigrations,
  migrateDeploy,
  migrateStatus,
  runPrismaCli,
  type MigrateDeployResult,
  type MigrateStatusResult,
  type PrismaCliOptions,
  type PrismaCliResult,
} from './migrate.ts';
export { listMigrations, migrationsHash, pendingMigrations } from './migrations.ts';
export { EmbeddedDatabaseInUse } from './pglite-lock.ts';
export { sqlTimestamp } from './sql.ts';
