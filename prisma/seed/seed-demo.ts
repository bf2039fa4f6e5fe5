import { hashPassword } from '@upgrade-desk/accounts';
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import { publishModuleVersion } from '../../apps/api/src/admin/modules.ts';
import { buildDemoData, type DemoData, type DemoRelease } from './build-demo-data.ts';
import { raiseDemoStaffAlerts } from './demo-staff-alerts.ts';

export type SeedSummary = { readonly [Table in keyof DemoData]: number };

export interface SeedDemoOptions {
  /** Every demo account's password (DESIGN.md: DEMO_PASSWORD, default in @upgrade-desk/accounts). */
  password: string;
  /** Every demo date is placed relative to this instant. */
  now: Date;
}

// Bind parameters per statement are limited (65 535 in PostgreSQL); 500 rows stay well below.
const CHUNK = 500;

/**
 * Writes the demo into an empty database, in one transaction so a failure leaves nothing half
 * seeded. Ids derive from natural keys: the same `now` gives the same rows, ids and counts.
 */
export async function seedDemo(prisma: PrismaClient, { password, now }: SeedDemoOptions): Promise<SeedSummary> {
  // Hashed once (argon2id costs ~70 ms) and shared: every demo account has the same password.
  const passwordHash = await hashPassword(password);
  const data = buildDemoData({ now, passwordHash });
  await prisma.$transaction(
    async (tx) => {
      // Parents before children, in foreign-key order.
      await insert(data.modules, (rows) => tx.module.createMany({ data: rows }));
      await insert(data.moduleDependencies, (rows) => tx.moduleDependency.createMany({ data: rows }));
      await insert(data.customers, (rows) => tx.customer.createMany({ data: rows }));
      await insert(data.users, (rows) => tx.user.createMany({ data: rows }));
      await publishReleases(tx, data.moduleReleases);
      await insert(data.customerStaff, (rows) => tx.customerStaff.createMany({ data: rows }));
      await insert(data.installedModules, (rows) => tx.installedModule.createMany({ data: rows }));
      await insert(data.blackoutWindows, (rows) => tx.blackoutWindow.createMany({ data: rows }));
      await insert(data.webhookEndpoints, (rows) => tx.webhookEndpoint.createMany({ data: rows }));
      await insert(data.noticePolicies, (rows) => tx.noticePolicy.createMany({ data: rows }));
      await insert(data.upgrades, (rows) => tx.upgrade.createMany({ data: rows }));
      await insert(data.upgradeModules, (rows) => tx.upgradeModule.createMany({ data: rows }));
      await insert(data.upgradeTargets, (rows) => tx.upgradeTarget.createMany({ data: rows }));
      await insert(data.notices, (rows) => tx.notice.createMany({ data: rows }));
      await insert(data.acknowledgements, (rows) => tx.acknowledgement.createMany({ data: rows }));
      await insert(data.deliveries, (rows) => tx.delivery.createMany({ data: rows }));
      await insert(data.moduleRequests, (rows) => tx.moduleRequest.createMany({ data: rows }));
      await insert(data.moduleRequestEvents, (rows) => tx.moduleRequestEvent.createMany({ data: rows }));
      await insert(data.activities, (rows) => tx.activity.createMany({ data: rows }));
      await insert(data.auditLogs, (rows) => tx.auditLog.createMany({ data: rows }));
      // Raised by the API's own code from the rows above (so their ids are the database's, not stable ones).
      await raiseDemoStaffAlerts(tx, now);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return summarize(data);
}

/**
 * Publishes the catalog's releases with the API's own code, at the time each came out, so their
 * rows and audit entries are what moduleVersionPublish writes (their ids are the database's).
 */
async function publishReleases(tx: Prisma.TransactionClient, releases: readonly DemoRelease[]): Promise<void> {
  for (const { publishedById, ...release } of releases) {
    const outcome = await publishModuleVersion(tx, release, publishedById, release.releasedAt);
    if (!outcome.ok) throw new Error(`Demo release ${release.version} refused: ${outcome.problems[0]?.message}`);
  }
}

async function insert<Row>(rows: Row[], write: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await write(rows.slice(start, start + CHUNK));
  }
}

export function summarize(data: DemoData): SeedSummary {
  return Object.fromEntries(Object.entries(data).map(([table, rows]) => [table, rows.length])) as {
    [Table in keyof DemoData]: number;
  };
}
