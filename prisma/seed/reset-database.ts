import type { PrismaClient } from '@upgrade-desk/db';

/** True when the database holds no customers, users or modules: a fresh install to seed. */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [customers, users, modules] = await Promise.all([
    prisma.customer.count(),
    prisma.user.count(),
    prisma.module.count(),
  ]);
  return customers === 0 && users === 0 && modules === 0;
}

/**
 * Deletes every row of every application table (sessions, tokens and throttles included), keeping
 * the schema and Prisma's migration history. One TRUNCATE ... CASCADE, so foreign-key order does
 * not matter and new tables are covered without touching this code.
 */
export async function resetDatabase(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  if (tables.length === 0) return;
  // Table names come from the catalog, not from input; quoting keeps Prisma's PascalCase names.
  const list = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`).join(', ');
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}
