// SQL statements per GraphQL operation (issue 6, section 5b): the benchmarked operations, counted
// from Prisma's query events, stay within 5 statements and do not grow with the page size (no
// N+1). Counts, not times: the figures themselves are printed by `pnpm bench`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedDemo } from '../../prisma/seed/index.ts';
import { CUSTOMERS_WITH_MODULES, DASHBOARD, NOTICES_INBOX, UPGRADE_DETAIL } from '../../scripts/lib/operations.ts';
import { ACCOUNTS, DEMO_PASSWORD, NOW, startTestApi, type TestApi } from './harness.ts';

const DAY = 86_400_000;
/** More than the largest page asked for, so a page of 100 is full. */
const ROWS = 110;
const MAX_STATEMENTS = 5;

let db: Database<'query'>;
let api: TestApi;
let statements: string[] | null = null;
let upgradeGlobalId: string;

/**
 * Rows for full pages of 100: ROWS customers with installed modules, and ROWS upcoming upgrades
 * announced to Hanoi Water (each with a module and a published notice), the first of which
 * targets every new customer.
 */
async function addPageFixtures(prisma: Database['prisma']): Promise<string> {
  const hanoi = await prisma.customer.findFirstOrThrow({ where: { users: { some: { email: ACCOUNTS.hanoiUser } } } });
  const modules = await prisma.module.findMany({ orderBy: { key: 'asc' } });
  const customers = Array.from({ length: ROWS }, (_, i) => ({
    code: `SQL-COUNT-${String(i).padStart(3, '0')}`,
    name: `Khách hàng đếm ${String(i).padStart(3, '0')}`,
  }));
  await prisma.customer.createMany({ data: customers });
  const created = await prisma.customer.findMany({ where: { code: { startsWith: 'SQL-COUNT-' } } });
  await prisma.installedModule.createMany({
    data: created.flatMap((c, i) =>
      [0, 1, 2].map((k) => ({
        customerId: c.id,
        moduleId: modules[(i + k) % modules.length]!.id,
        version: '1.0.0',
        installedAt: new Date(NOW.getTime() - 100 * DAY),
      })),
    ),
  });
  const upgrades = Array.from({ length: ROWS }, (_, i) => ({
    kind: 'FIX' as const,
    status: 'SCHEDULED' as const,
    title: `Sửa lỗi ${i}`,
    summary: '',
    windowStart: new Date(NOW.getTime() + (i + 1) * DAY),
    windowEnd: new Date(NOW.getTime() + (i + 1) * DAY + 3_600_000),
    expectedDowntimeMinutes: 10,
  }));
  const ids: string[] = [];
  for (const upgrade of upgrades) ids.push((await prisma.upgrade.create({ data: upgrade, select: { id: true } })).id);
  await prisma.upgradeModule.createMany({
    data: ids.flatMap((upgradeId, i) => [
      { upgradeId, moduleId: modules[i % modules.length]!.id },
      { upgradeId, moduleId: modules[(i + 1) % modules.length]!.id },
    ]),
  });
  await prisma.upgradeTarget.createMany({
    data: [
      ...ids.map((upgradeId) => ({ upgradeId, customerId: hanoi.id })),
      ...created.map((c) => ({ upgradeId: ids[0]!, customerId: c.id })),
    ],
  });
  await prisma.notice.createMany({
    data: ids.map((upgradeId, i) => ({
      upgradeId,
      customerId: hanoi.id,
      stage: 'ADVISORY' as const,
      channels: ['IN_APP' as const],
      scheduledFor: new Date(NOW.getTime() - (i + 1) * 60_000),
      publishedAt: new Date(NOW.getTime() - (i + 1) * 60_000),
      locale: 'VI' as const,
      title: `Thông báo ${i}`,
      body: 'Nội dung',
      requiresAcknowledgement: i % 2 === 0,
      acknowledgeBy: i % 2 === 0 ? new Date(NOW.getTime() + DAY) : null,
    })),
  });
  return Buffer.from(`Upgrade:${ids[0]!}`).toString('base64');
}

beforeAll(async () => {
  db = await createTestDatabase({ log: [{ emit: 'event', level: 'query' }] });
  db.prisma.$on('query', (event) => statements?.push(event.query));
  await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  upgradeGlobalId = await addPageFixtures(db.prisma);
  api = await startTestApi({ db });
});

afterAll(async () => {
  await api?.close();
  await db?.close();
});

/** Runs one operation and returns the SQL statements Prisma issued for it (authentication included). */
async function statementsFor(
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<{ statements: string[]; data: unknown }> {
  statements = [];
  try {
    const result = await api.gql(query, variables, { token });
    expect(result.errors).toBeUndefined();
    return { statements, data: result.data };
  } finally {
    statements = null;
  }
}

/** The staff board's acknowledgement progress: each upgrade's targets with where they stand, loaded with the upgrades. */
const BOARD_PROGRESS = `query ($first: Int!) {
  upcomingMaintenance(first: $first) {
    edges { node { id acknowledgementProgress(first: 100) { customer { id name code } state deadline by { name at } } } }
  }
}`;

const operations = [
  {
    name: 'dashboard',
    query: DASHBOARD,
    variables: (n: number) => ({ upgrades: n, notices: n }),
    account: ACCOUNTS.hanoiUser,
    pageOf: (data: any) => [data.upcomingMaintenance.edges.length, data.notices.edges.length], // eslint-disable-line @typescript-eslint/no-explicit-any -- response shape read in tests
  },
  {
    name: 'notices inbox',
    query: NOTICES_INBOX,
    variables: (n: number) => ({ first: n }),
    account: ACCOUNTS.hanoiUser,
    pageOf: (data: any) => [data.all.edges.length], // eslint-disable-line @typescript-eslint/no-explicit-any -- response shape read in tests
  },
  {
    name: 'upgrade detail',
    query: UPGRADE_DETAIL,
    variables: (n: number) => ({ id: upgradeGlobalId, first: n }),
    account: ACCOUNTS.admin,
    pageOf: (data: any) => [data.node.targets.edges.length], // eslint-disable-line @typescript-eslint/no-explicit-any -- response shape read in tests
  },
  {
    name: 'customers with modules',
    query: CUSTOMERS_WITH_MODULES,
    variables: (n: number) => ({ first: n }),
    account: ACCOUNTS.admin,
    pageOf: (data: any) => [data.customers.edges.length], // eslint-disable-line @typescript-eslint/no-explicit-any -- response shape read in tests
  },
  {
    name: 'staff board progress',
    query: BOARD_PROGRESS,
    variables: (n: number) => ({ first: n }),
    account: ACCOUNTS.engineer,
    pageOf: (data: any) => [data.upcomingMaintenance.edges.length], // eslint-disable-line @typescript-eslint/no-explicit-any -- response shape read in tests
  },
];

describe('SQL statements per operation', () => {
  for (const operation of operations) {
    it(`${operation.name}: at most ${MAX_STATEMENTS}, the same for pages of 10 and 100`, async () => {
      const token = await api.login(operation.account);
      const small = await statementsFor(operation.query, operation.variables(10), token);
      const large = await statementsFor(operation.query, operation.variables(100), token);
      // The pages are full, so a per-row query would show in the count.
      expect(operation.pageOf(small.data)).toEqual(operation.pageOf(small.data).map(() => 10));
      expect(operation.pageOf(large.data)).toEqual(operation.pageOf(large.data).map(() => 100));
      expect(large.statements.length, large.statements.join('\n')).toBe(small.statements.length);
      expect(small.statements.length, small.statements.join('\n')).toBeLessThanOrEqual(MAX_STATEMENTS);
    });
  }
});

describe('the batched totals', () => {
  it("count the customer's rows as the lists see them", async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const result = await api.gql(DASHBOARD, { upgrades: 100, notices: 100 }, { token });
    const customerId = result.data.viewer.customer.id as string;
    const hanoi = await db.prisma.customer.findFirstOrThrow({ where: { code: 'HANOI-WATER' } });
    const published = { customerId: hanoi.id, publishedAt: { not: null }, supersededAt: null };
    expect(customerId).toBe(Buffer.from(`Customer:${hanoi.id}`).toString('base64'));
    expect(result.data.notices.totalCount).toBe(await db.prisma.notice.count({ where: published }));
    expect(result.data.viewer.customer.unacknowledgedNoticeCount).toBe(
      await db.prisma.notice.count({ where: { ...published, requiresAcknowledgement: true, acknowledgement: null } }),
    );
    const upcoming = await db.prisma.upgrade.count({
      where: {
        status: { notIn: ['DRAFT', 'CANCELLED', 'COMPLETED', 'FAILED'] },
        windowEnd: { gt: NOW },
        targets: { some: { customerId: hanoi.id } },
        notices: { some: published },
      },
    });
    // Every fixture upgrade is upcoming and announced to Hanoi Water, plus the demo's own.
    expect(upcoming).toBeGreaterThan(ROWS);
    expect(result.data.upcomingMaintenance.totalCount).toBe(upcoming);
  });
});
