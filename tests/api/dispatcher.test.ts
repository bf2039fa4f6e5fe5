// The transactional outbox: nothing lost, nothing doubled, nothing sent after its window started.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { dispatchDue } from '../../apps/api/src/notices/dispatcher.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { DEMO_PASSWORD, NOW } from './harness.ts';

const HOUR = 3_600_000;
let db: Database;
let upgradeId: string;
let customerIds: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  await dispatchDue({ prisma: db.prisma, now: NOW });
  const upgrade = await db.prisma.upgrade.findFirstOrThrow({
    where: { status: 'SCHEDULED', windowStart: { gt: new Date(NOW.getTime() + 48 * HOUR) } },
  });
  upgradeId = upgrade.id;
  customerIds = (await db.prisma.customer.findMany({ select: { id: true }, orderBy: { code: 'asc' } })).map(
    (c) => c.id,
  );
});
afterAll(() => db.close());

let batch = 0;
/** `count` notices due now, spread over the customers, under fresh stage sequences. */
async function dueNotices(count: number, scheduledFor = new Date(NOW.getTime() - 60_000)) {
  batch++;
  const rows = Array.from({ length: count }, (_, i) => ({
    upgradeId,
    customerId: customerIds[i % customerIds.length]!,
    stage: 'REMINDER' as const,
    sequence: 1000 * batch + Math.floor(i / customerIds.length),
    channels: ['IN_APP' as const],
    scheduledFor,
    locale: 'VI' as const,
    title: `Nhắc lịch ${batch}-${i}`,
    body: 'Nội dung',
  }));
  await db.prisma.notice.createMany({ data: rows });
  return db.prisma.notice.findMany({ where: { title: { startsWith: `Nhắc lịch ${batch}-` } }, select: { id: true } });
}

beforeEach(async () => {
  // Each case starts with nothing due.
  await dispatchDue({ prisma: db.prisma, now: NOW });
});

describe('dispatchDue', () => {
  it('publishes due notices once and records their deliveries in the same transaction', async () => {
    const notices = await dueNotices(90);
    const result = await dispatchDue({ prisma: db.prisma, now: NOW, batchSize: 40 });
    expect(result).toEqual({ published: 90, dropped: 0 });
    const published = await db.prisma.notice.count({
      where: { id: { in: notices.map((n) => n.id) }, publishedAt: NOW },
    });
    expect(published).toBe(90);
    const withDeliveries = await db.prisma.notice.count({
      where: { id: { in: notices.map((n) => n.id) }, deliveries: { some: {} } },
    });
    expect(withDeliveries).toBeGreaterThan(0);
    expect(await dispatchDue({ prisma: db.prisma, now: NOW })).toEqual({ published: 0, dropped: 0 });
  });

  it('a crash between claim and publish loses nothing and doubles nothing', async () => {
    const notices = await dueNotices(60);
    await expect(
      dispatchDue({
        prisma: db.prisma,
        now: NOW,
        batchSize: 25,
        afterClaim: () => {
          throw new Error('killed after the claim');
        },
      }),
    ).rejects.toThrow('killed after the claim');
    const ids = notices.map((n) => n.id);
    expect(await db.prisma.notice.count({ where: { id: { in: ids }, publishedAt: { not: null } } })).toBe(0);
    expect(await db.prisma.delivery.count({ where: { noticeId: { in: ids } } })).toBe(0);

    expect(await dispatchDue({ prisma: db.prisma, now: NOW })).toEqual({ published: 60, dropped: 0 });
    expect(await db.prisma.notice.count({ where: { id: { in: ids }, publishedAt: { not: null } } })).toBe(60);
  });

  it('two dispatchers at once publish every notice exactly once', async () => {
    const notices = await dueNotices(300);
    const published: string[] = [];
    const run = () =>
      dispatchDue({
        prisma: db.prisma,
        now: NOW,
        batchSize: 20,
        afterClaim: async (claimed) => {
          published.push(...claimed);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.published + b.published).toBe(300);
    expect(published).toHaveLength(300);
    expect(new Set(published).size).toBe(300);
    expect(new Set(published)).toEqual(new Set(notices.map((n) => n.id)));
  });

  it('never sends a notice after its window started: it is dropped instead', async () => {
    const started = await db.prisma.upgrade.findFirstOrThrow({
      where: { windowStart: { lt: NOW }, status: 'IN_PROGRESS' },
    });
    const late = await db.prisma.notice.create({
      data: {
        upgradeId: started.id,
        customerId: customerIds[0]!,
        stage: 'IMMINENT',
        sequence: 999,
        channels: ['IN_APP'],
        scheduledFor: new Date(NOW.getTime() - HOUR),
        locale: 'VI',
        title: 'Sắp bảo trì',
        body: '…',
      },
    });
    const completed = await db.prisma.notice.create({
      data: { ...late, id: undefined, stage: 'COMPLETED', title: 'Hoàn tất', createdAt: undefined },
    });
    expect(await dispatchDue({ prisma: db.prisma, now: NOW })).toEqual({ published: 1, dropped: 1 });
    expect(await db.prisma.notice.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({
      publishedAt: null,
      supersededAt: NOW,
    });
    expect((await db.prisma.notice.findUniqueOrThrow({ where: { id: completed.id } })).publishedAt).toEqual(NOW);
  });
});
