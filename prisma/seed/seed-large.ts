// The large data set for benchmarks: the demo, plus customers up to `customers` in all, each with
// two users, installed modules and upgrade targets, and notices up to `notices` in all.
// Deterministic: ids are stableId() of the same keys as before, computed in SQL. Set-based: each
// table is filled by INSERT ... SELECT over generate_series, so 10,000 customers and 1,000,000
// notices take a couple of minutes rather than the better part of an hour of createMany chunks.
import { Prisma, sqlTimestamp, type PrismaClient } from '@upgrade-desk/db';
import { seedDemo } from './seed-demo.ts';

/** Notices per INSERT: bounds each statement's memory and gives the log something to say. */
const NOTICE_BATCH = 250_000;

/**
 * SQL for stableId(key) (stable-id.ts) of a text expression: the first 16 bytes of its SHA-256,
 * with the version (8) and variant bits set, as a uuid.
 */
export function stableIdSql(key: Prisma.Sql): Prisma.Sql {
  const digest = Prisma.sql`substring(sha256(convert_to(${key}, 'UTF8')) from 1 for 16)`;
  return Prisma.sql`encode(set_byte(set_byte(${digest}, 6, (get_byte(${digest}, 6) & 15) | 128), 8, (get_byte(${digest}, 8) & 63) | 128), 'hex')::uuid`;
}

export interface LargeSeedOptions {
  password: string;
  now: Date;
  customers: number;
  notices: number;
  log?: (message: string) => void;
}

export async function seedLarge(prisma: PrismaClient, options: LargeSeedOptions) {
  const log = options.log ?? (() => {});
  await seedDemo(prisma, { password: options.password, now: options.now });
  const demoCustomers = await prisma.customer.count();
  const passwordHash = (await prisma.user.findFirstOrThrow({ where: { email: 'user@hanoi-water.example' } }))
    .passwordHash;
  const now = sqlTimestamp(options.now);
  const extra = Math.max(0, options.customers - demoCustomers);

  if (extra > 0) {
    // i is 0-based; codes and e-mail addresses count from 1. Every sixth customer reads English.
    await prisma.$executeRaw`
      INSERT INTO "Customer" ("id", "code", "name", "industry", "province", "timeZone", "locale", "createdAt")
      SELECT ${stableIdSql(Prisma.sql`'large-customer:' || i`)}, 'KH-' || lpad((i + 1)::text, 5, '0'),
             'Công ty TNHH Khách hàng ' || (i + 1), 'distribution', 'TP. Hồ Chí Minh',
             (ARRAY['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Europe/Berlin'])[i % 5 + 1],
             (CASE WHEN i % 6 = 0 THEN 'EN' ELSE 'VI' END)::"Locale", ${now}
      FROM generate_series(0, ${extra - 1}::int) AS i`;
    await prisma.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "customerId")
      SELECT ${stableIdSql(Prisma.sql`'large-user:' || i`)}, 'user' || (i + 1) || '@kh-' || (i + 1) || '.example',
             'Người dùng ' || (i + 1), ${passwordHash}, 'CUSTOMER_USER'::"Role", ${stableIdSql(Prisma.sql`'large-customer:' || i`)}
      FROM generate_series(0, ${extra - 1}::int) AS i
      UNION ALL
      SELECT ${stableIdSql(Prisma.sql`'large-admin:' || i`)}, 'admin' || (i + 1) || '@kh-' || (i + 1) || '.example',
             'Quản trị ' || (i + 1), ${passwordHash}, 'CUSTOMER_ADMIN'::"Role", ${stableIdSql(Prisma.sql`'large-customer:' || i`)}
      FROM generate_series(0, ${extra - 1}::int) AS i`;
    // Four modules each (the module index (i + 3k) mod the module count, by key); when two of the
    // four coincide, the first k keeps the row, as the chunked version did.
    await prisma.$executeRaw`
      WITH m AS (
        SELECT "id", "latestVersion", (row_number() OVER (ORDER BY "key") - 1)::int AS idx, count(*) OVER ()::int AS n
        FROM "Module"
      ), wanted AS (
        SELECT DISTINCT ON (i, m.idx) i, k, m."id" AS module_id, m."latestVersion" AS version
        FROM generate_series(0, ${extra - 1}::int) AS i
        CROSS JOIN generate_series(0, 3) AS k
        JOIN m ON m.idx = (i + k * 3) % m.n
        ORDER BY i, m.idx, k
      )
      INSERT INTO "InstalledModule" ("id", "customerId", "moduleId", "version", "installedAt", "warrantyEndsAt")
      SELECT ${stableIdSql(Prisma.sql`'large-installed:' || i || ':' || k`)}, ${stableIdSql(Prisma.sql`'large-customer:' || i`)},
             module_id, version, ${now} - interval '400 days', ${now} + ((i % 5) - 2) * interval '100 days'
      FROM wanted`;
  }
  log(`customers: ${await prisma.customer.count()}`);

  // Notices: spread over the demo's non-draft upgrades (by window), customer after customer (by
  // code), every customer a target of each upgrade it is told about.
  const upgrades = await prisma.upgrade.count({ where: { status: { not: 'DRAFT' } } });
  const customers = await prisma.customer.count();
  const wanted = Math.max(0, options.notices - (await prisma.notice.count()));
  for (let from = 0; from < wanted; from += NOTICE_BATCH) {
    const to = Math.min(wanted, from + NOTICE_BATCH) - 1;
    await prisma.$executeRaw`
      WITH u AS (
        SELECT "id", "title", "windowStart", (row_number() OVER (ORDER BY "windowStart", "id") - 1)::int AS idx
        FROM "Upgrade" WHERE "status" <> 'DRAFT'
      ), c AS (
        SELECT "id", "locale", (row_number() OVER (ORDER BY "code") - 1)::int AS idx FROM "Customer"
      )
      INSERT INTO "Notice" ("id", "upgradeId", "customerId", "stage", "sequence", "channels", "scheduledFor",
                            "publishedAt", "locale", "title", "body", "requiresAcknowledgement", "acknowledgeBy", "createdAt")
      SELECT ${stableIdSql(Prisma.sql`'large-notice:' || i`)}, u."id", c."id", 'REMINDER'::"NoticeStage",
             100 + i / ${upgrades * customers}::int, ARRAY['IN_APP', 'EMAIL']::"NoticeChannel"[],
             u."windowStart" - interval '2 days',
             CASE WHEN i % 10 <> 0 THEN u."windowStart" - interval '2 days' END,
             c."locale", 'Nhắc lịch: ' || u."title", 'Nhắc lịch bảo trì.', i % 3 = 0,
             CASE WHEN i % 3 = 0 THEN u."windowStart" END, ${now}
      FROM generate_series(${from}::int, ${to}::int) AS i
      JOIN u ON u.idx = i % ${upgrades}::int
      JOIN c ON c.idx = (i / ${upgrades}::int) % ${customers}::int`;
    log(`notices: ${from + (to - from + 1)} of ${wanted} written`);
  }
  if (wanted > 0) {
    await prisma.$executeRaw`
      INSERT INTO "UpgradeTarget" ("upgradeId", "customerId")
      SELECT DISTINCT "upgradeId", "customerId" FROM "Notice" WHERE "sequence" >= 100
      ON CONFLICT DO NOTHING`;
    // Fresh statistics, so the first queries after a bulk load are planned on the real sizes.
    await prisma.$executeRawUnsafe('ANALYZE');
  }
  log(`notices: ${await prisma.notice.count()}`);
}
