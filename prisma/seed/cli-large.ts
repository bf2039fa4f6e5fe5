// `pnpm seed:large`: wipes the database named by DATABASE_URL and fills it with the large benchmark
// data set (SEED_CUSTOMERS customers, default 1,000; SEED_NOTICES notices, default 100,000).
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { createDatabase, migrateDeploy, redactDatabaseUrl, resolveDatabaseUrl } from '@upgrade-desk/db';
import { resetDatabase } from './reset-database.ts';
import { seedLarge } from './seed-large.ts';

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
const customers = Number(process.env.SEED_CUSTOMERS ?? 1000);
const notices = Number(process.env.SEED_NOTICES ?? 100_000);
if (!Number.isInteger(customers) || customers < 30 || !Number.isInteger(notices) || notices < 0) {
  throw new Error('SEED_CUSTOMERS must be a whole number >= 30 and SEED_NOTICES a whole number >= 0.');
}
console.log(`Database: ${redactDatabaseUrl(url)}; ${customers} customers, ${notices} notices`);
await migrateDeploy(url);
const db = await createDatabase(url);
try {
  const started = performance.now();
  await resetDatabase(db.prisma);
  await seedLarge(db.prisma, {
    password: process.env.DEMO_PASSWORD ?? DEMO_PASSWORD,
    now: new Date(),
    customers,
    notices,
    log: (m) => console.log(m),
  });
  console.log(`Large data set seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await db.close();
}
