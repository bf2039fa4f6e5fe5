// `pnpm seed`: migrates the database named by DATABASE_URL (default: the embedded PGlite),
// wipes it and fills it with the demo. Reads its configuration here, once (STYLE.md).
import { DEMO_PASSWORD, demoAccountLines } from '@upgrade-desk/accounts';
import {
  createDatabase,
  EmbeddedDatabaseInUse,
  migrateDeploy,
  redactDatabaseUrl,
  resolveDatabaseUrl,
} from '@upgrade-desk/db';
import { resetDatabase } from './reset-database.ts';
import { seedDemo } from './seed-demo.ts';

async function main(): Promise<void> {
  const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD;
  if (password.length < 8) throw new Error('DEMO_PASSWORD must be at least 8 characters long.');
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  console.log(`Database: ${redactDatabaseUrl(url)}`);
  // A fresh database has no tables yet; an up-to-date one is left as it is.
  await migrateDeploy(url);
  const database = await createDatabase(url);
  try {
    const started = performance.now();
    await resetDatabase(database.prisma);
    const summary = await seedDemo(database.prisma, { password, now: new Date() });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo data seeded in ${seconds} s:`);
    console.table(summary);
    console.log(`Demo accounts (password ${process.env.DEMO_PASSWORD ? 'from DEMO_PASSWORD' : DEMO_PASSWORD}):`);
    for (const line of demoAccountLines()) console.log(`  ${line}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseInUse ? error.message : error);
  process.exitCode = 1;
});
