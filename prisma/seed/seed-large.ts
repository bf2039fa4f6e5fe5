// The large data set for benchmarks: the demo, plus customers up to `customers` in all, each with
// installed modules and upgrade targets, and published notices up to `notices` in all. Deterministic
// (ids from stable keys), bulk-inserted in chunks.
import type { Prisma, PrismaClient } from '../../packages/db/src/index.ts';
import { seedDemo } from './seed-demo.ts';
import { stableId } from './stable-id.ts';

const DAY = 86_400_000;
const CHUNK = 5000;

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
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
  const modules = await prisma.module.findMany({ select: { id: true, latestVersion: true }, orderBy: { key: 'asc' } });
  const passwordHash = (await prisma.user.findFirstOrThrow({ where: { email: 'user@hanoi-water.example' } }))
    .passwordHash;
  const zones = ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Europe/Berlin'];

  const extra = Array.from({ length: Math.max(0, options.customers - demoCustomers) }, (_, i) => ({
    id: stableId(`large-customer:${i}`),
    code: `KH-${String(i + 1).padStart(5, '0')}`,
    name: `Công ty TNHH Khách hàng ${i + 1}`,
    industry: 'distribution',
    province: 'TP. Hồ Chí Minh',
    timeZone: zones[i % zones.length]!,
    locale: i % 6 === 0 ? ('EN' as const) : ('VI' as const),
    createdAt: options.now,
  }));
  await inChunks(extra, (chunk) => prisma.customer.createMany({ data: chunk }));
  await inChunks(
    extra.flatMap((c, i) => [
      {
        id: stableId(`large-user:${i}`),
        email: `user${i + 1}@kh-${i + 1}.example`,
        name: `Người dùng ${i + 1}`,
        passwordHash,
        role: 'CUSTOMER_USER' as const,
        customerId: c.id,
      },
      {
        id: stableId(`large-admin:${i}`),
        email: `admin${i + 1}@kh-${i + 1}.example`,
        name: `Quản trị ${i + 1}`,
        passwordHash,
        role: 'CUSTOMER_ADMIN' as const,
        customerId: c.id,
      },
    ]),
    (chunk) => prisma.user.createMany({ data: chunk }),
  );
  await inChunks(
    extra
      .flatMap((c, i) =>
        [0, 1, 2, 3].map((k) => {
          const module = modules[(i + k * 3) % modules.length]!;
          return {
            id: stableId(`large-installed:${i}:${k}`),
            customerId: c.id,
            moduleId: module.id,
            version: module.latestVersion,
            installedAt: new Date(options.now.getTime() - 400 * DAY),
            warrantyEndsAt: new Date(options.now.getTime() + ((i % 5) - 2) * 100 * DAY),
          };
        }),
      )
      .filter(
        (row, index, all) =>
          all.findIndex((r) => r.customerId === row.customerId && r.moduleId === row.moduleId) === index,
      ),
    (chunk) => prisma.installedModule.createMany({ data: chunk }),
  );
  log(`customers: ${await prisma.customer.count()}`);

  // Notices: spread over the demo's non-draft upgrades, every customer a target of each.
  const upgrades = await prisma.upgrade.findMany({
    where: { status: { not: 'DRAFT' } },
    select: { id: true, title: true, windowStart: true },
    orderBy: { windowStart: 'asc' },
  });
  const customers = await prisma.customer.findMany({ select: { id: true, locale: true }, orderBy: { code: 'asc' } });
  const existingNotices = await prisma.notice.count();
  const wanted = Math.max(0, options.notices - existingNotices);
  const targets = new Map<string, { upgradeId: string; customerId: string }>();
  const notices: Prisma.NoticeCreateManyInput[] = [];
  for (let i = 0; i < wanted; i++) {
    const upgrade = upgrades[i % upgrades.length]!;
    const customer = customers[Math.floor(i / upgrades.length) % customers.length]!;
    targets.set(`${upgrade.id}:${customer.id}`, { upgradeId: upgrade.id, customerId: customer.id });
    const published = i % 10 !== 0;
    notices.push({
      id: stableId(`large-notice:${i}`),
      upgradeId: upgrade.id,
      customerId: customer.id,
      stage: 'REMINDER',
      sequence: 100 + Math.floor(i / (upgrades.length * customers.length)),
      channels: ['IN_APP', 'EMAIL'],
      scheduledFor: new Date(upgrade.windowStart.getTime() - 2 * DAY),
      publishedAt: published ? new Date(upgrade.windowStart.getTime() - 2 * DAY) : null,
      locale: customer.locale,
      title: `Nhắc lịch: ${upgrade.title}`,
      body: 'Nhắc lịch bảo trì.',
      requiresAcknowledgement: i % 3 === 0,
      acknowledgeBy: i % 3 === 0 ? upgrade.windowStart : null,
      createdAt: options.now,
    });
  }
  await inChunks([...targets.values()], (chunk) =>
    prisma.upgradeTarget.createMany({ data: chunk, skipDuplicates: true }),
  );
  await inChunks(notices, (chunk) => prisma.notice.createMany({ data: chunk }));
  log(`notices: ${await prisma.notice.count()}`);
}
