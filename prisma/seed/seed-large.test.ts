import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedLarge } from './seed-large.ts';
import { stableId } from './stable-id.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const CUSTOMERS = 60;
const NOTICES = 3000;

let db: Database;
let demoCustomers: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedLarge(db.prisma, {
    password: DEMO_PASSWORD,
    now: NOW,
    customers: CUSTOMERS,
    notices: NOTICES,
  });
  demoCustomers = await db.prisma.customer.count({ where: { NOT: { code: { startsWith: 'KH-' } } } });
});
afterAll(() => db?.close());

describe('seedLarge', () => {
  it('fills up to the numbers asked for', async () => {
    expect(await db.prisma.customer.count()).toBe(CUSTOMERS);
    expect(await db.prisma.notice.count()).toBe(NOTICES);
    const extra = CUSTOMERS - demoCustomers;
    expect(
      await db.prisma.user.count({
        where: { email: { endsWith: '.example' }, customer: { code: { startsWith: 'KH-' } } },
      }),
    ).toBe(2 * extra);
  });

  it('gives rows the ids stableId() gives their keys, computed in SQL', async () => {
    const first = await db.prisma.customer.findUniqueOrThrow({ where: { code: 'KH-00001' } });
    expect(first.id).toBe(stableId('large-customer:0'));
    expect(first.locale).toBe('EN');
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'user7@kh-7.example' } });
    expect(user.id).toBe(stableId('large-user:6'));
    expect(user.customerId).toBe(stableId('large-customer:6'));
    for (const i of [0, 1, 1234]) {
      const notice = await db.prisma.notice.findUnique({ where: { id: stableId(`large-notice:${i}`) } });
      expect(notice?.publishedAt === null).toBe(i % 10 === 0);
      expect(notice?.requiresAcknowledgement).toBe(i % 3 === 0);
    }
    expect(
      await db.prisma.installedModule.findUnique({ where: { id: stableId('large-installed:0:0') } }),
    ).not.toBeNull();
  });

  it('installs up to four distinct modules per new customer and targets every notified customer', async () => {
    const perCustomer = await db.prisma.installedModule.groupBy({
      by: ['customerId'],
      where: { customer: { code: { startsWith: 'KH-' } } },
      _count: true,
    });
    expect(perCustomer).toHaveLength(CUSTOMERS - demoCustomers);
    for (const row of perCustomer) {
      expect(row._count).toBeGreaterThanOrEqual(1);
      expect(row._count).toBeLessThanOrEqual(4);
    }
    const untargeted = await db.prisma.notice.count({
      where: { sequence: { gte: 100 }, upgrade: { targets: { none: {} } } },
    });
    expect(untargeted).toBe(0);
    const pairs = await db.prisma.notice.findMany({
      where: { sequence: { gte: 100 } },
      distinct: ['upgradeId', 'customerId'],
      select: { upgradeId: true, customerId: true },
      take: 50,
    });
    const targets = await db.prisma.upgradeTarget.findMany({ where: { OR: pairs } });
    expect(targets).toHaveLength(pairs.length);
  });
});
