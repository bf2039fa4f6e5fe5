import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD as PASSWORD, verifyPassword } from '@upgrade-desk/accounts';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { highestModuleVersion, MODULE_REQUEST_PATH, NOTICE_STAGES, UPGRADE_KINDS } from '@upgrade-desk/domain';
import { isDatabaseEmpty, resetDatabase, seedDemo, type SeedSummary } from './index.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const STATUSES = ['DRAFT', 'SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];

let db: Database;
let summary: SeedSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  summary = await seedDemo(db.prisma, { password: PASSWORD, now: NOW });
});
afterAll(() => db?.close());

/** Every row's key in every table, to compare two seedings. */
async function snapshot(database: Database) {
  const p = database.prisma;
  const idsOf = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
  const byId = { select: { id: true }, orderBy: { id: 'asc' } } as const;
  return {
    modules: idsOf(await p.module.findMany(byId)),
    customers: idsOf(await p.customer.findMany(byId)),
    users: idsOf(await p.user.findMany(byId)),
    installedModules: idsOf(await p.installedModule.findMany(byId)),
    blackoutWindows: idsOf(await p.blackoutWindow.findMany(byId)),
    upgrades: idsOf(await p.upgrade.findMany(byId)),
    notices: idsOf(await p.notice.findMany(byId)),
    acknowledgements: idsOf(await p.acknowledgement.findMany(byId)),
    deliveries: idsOf(await p.delivery.findMany(byId)),
    moduleRequests: idsOf(await p.moduleRequest.findMany(byId)),
    moduleRequestEvents: idsOf(await p.moduleRequestEvent.findMany(byId)),
    // Releases are published by the API's own code, so they and their audit entries get the
    // database's ids: compared by what they are.
    auditLogs: idsOf(await p.auditLog.findMany({ ...byId, where: { action: { not: 'module.publishVersion' } } })),
    releases: await p.moduleVersion.findMany({
      select: { moduleId: true, version: true, releasedAt: true, notesVi: true, notesEn: true },
      orderBy: [{ moduleId: 'asc' }, { version: 'asc' }],
    }),
    releaseAudits: await p.auditLog.findMany({
      where: { action: 'module.publishVersion' },
      select: { actorId: true, entityId: true, at: true, data: true },
      orderBy: [{ entityId: 'asc' }, { at: 'asc' }],
    }),
    upgradeTargets: await p.upgradeTarget.count(),
    upgradeModules: await p.upgradeModule.count(),
    customerStaff: await p.customerStaff.count(),
    moduleDependencies: await p.moduleDependency.count(),
    noticePolicies: await p.noticePolicy.count(),
  };
}

describe('the demo seed', () => {
  it('creates the documented demo accounts with their roles and customers', async () => {
    const expected = [
      ['admin@vendor.example', 'ADMIN', null],
      ['engineer@vendor.example', 'ENGINEER', null],
      ['care@vendor.example', 'CUSTOMER_CARE', null],
      ['impl@vendor.example', 'IMPLEMENTATION', null],
      ['admin@hanoi-water.example', 'CUSTOMER_ADMIN', 'HANOI-WATER'],
      ['user@hanoi-water.example', 'CUSTOMER_USER', 'HANOI-WATER'],
      ['admin@saigon-garment.example', 'CUSTOMER_ADMIN', 'SAIGON-GARMENT'],
      ['user@saigon-garment.example', 'CUSTOMER_USER', 'SAIGON-GARMENT'],
    ] as const;
    for (const [email, role, code] of expected) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { customer: true } });
      expect(user.role, email).toBe(role);
      expect(user.customer?.code ?? null, email).toBe(code);
      expect(user.disabledAt).toBeNull();
    }
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hanoi-water.example' } });
    expect(await verifyPassword(admin.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, 'wrong-password')).toBe(false);
  });

  it('has about thirty customers, each with an admin and a user, and a dozen or more modules', async () => {
    const customers = await db.prisma.customer.findMany({ include: { users: true, staffAssignments: true } });
    expect(customers.length).toBeGreaterThanOrEqual(28);
    expect(customers.length).toBeLessThanOrEqual(35);
    for (const customer of customers) {
      expect(
        customer.users.some((user) => user.role === 'CUSTOMER_ADMIN'),
        customer.code,
      ).toBe(true);
      expect(
        customer.users.some((user) => user.role === 'CUSTOMER_USER'),
        customer.code,
      ).toBe(true);
      expect(customer.staffAssignments.length, customer.code).toBe(2);
    }
    expect(customers.some((customer) => customer.locale === 'EN')).toBe(true);
    expect(customers.some((customer) => customer.timeZone === 'Europe/Berlin')).toBe(true);
    expect(await db.prisma.module.count()).toBeGreaterThanOrEqual(12);
    expect(await db.prisma.moduleDependency.count()).toBeGreaterThan(0);
  });

  it("publishes each module's versions as moduleVersionPublish does: the latest is the highest, notes in both languages", async () => {
    const modules = await db.prisma.module.findMany({ include: { versions: true } });
    for (const module of modules) {
      expect(module.versions.length, module.key).toBeGreaterThan(0);
      expect(highestModuleVersion(module.versions.map((v) => v.version)), module.key).toBe(module.latestVersion);
      expect(module.versions.every((v) => v.notesVi && v.notesEn && v.releasedAt <= NOW)).toBe(true);
    }
    const published = await db.prisma.auditLog.count({
      where: { action: 'module.publishVersion', actor: { email: 'admin@vendor.example' } },
    });
    expect(published).toBe(await db.prisma.moduleVersion.count());
    // Every version a customer runs is a published one.
    const installed = await db.prisma.installedModule.findMany({ select: { moduleId: true, version: true } });
    const releases = new Set(modules.flatMap((m) => m.versions.map((v) => `${m.id}:${v.version}`)));
    expect(installed.filter((row) => !releases.has(`${row.moduleId}:${row.version}`))).toEqual([]);
  });

  it('has every upgrade kind in every status', async () => {
    const groups = await db.prisma.upgrade.groupBy({ by: ['kind', 'status'], _count: { _all: true } });
    const pairs = new Set(groups.map((group) => `${group.kind}:${group.status}`));
    for (const kind of UPGRADE_KINDS) for (const status of STATUSES) expect(pairs).toContain(`${kind}:${status}`);
    expect(
      await db.prisma.upgrade.count({ where: { emergency: true, emergencyReason: { not: null } } }),
    ).toBeGreaterThan(0);
  });

  it('has notices in every stage, published and scheduled, superseded, acknowledged and overdue', async () => {
    const stages = await db.prisma.notice.groupBy({ by: ['stage'], _count: { _all: true } });
    expect(new Set(stages.map((group) => group.stage))).toEqual(new Set(NOTICE_STAGES));
    const p = db.prisma.notice;
    expect(await p.count({ where: { publishedAt: { not: null } } })).toBeGreaterThan(0);
    expect(
      await p.count({ where: { publishedAt: null, supersededAt: null, scheduledFor: { gt: NOW } } }),
    ).toBeGreaterThan(0);
    expect(await p.count({ where: { supersededAt: { not: null } } })).toBeGreaterThan(0);
    expect(await p.count({ where: { acknowledgement: { isNot: null } } })).toBeGreaterThan(0);
    const overdue = await p.count({
      where: {
        publishedAt: { not: null },
        requiresAcknowledgement: true,
        acknowledgeBy: { lt: NOW },
        acknowledgement: { is: null },
      },
    });
    expect(overdue).toBeGreaterThan(0);
    // Nothing is due and unpublished: a worker starting on this database has no backlog to send
    // (a FIX advisory held for its account team is not due until released).
    expect(
      await p.count({
        where: { publishedAt: null, supersededAt: null, awaitingRelease: false, scheduledFor: { lte: NOW } },
      }),
    ).toBe(0);
    const deliveries = await db.prisma.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    expect(deliveries.map((group) => group.status)).toEqual(expect.arrayContaining(['SENT', 'FAILED']));
  });

  it('has module requests in every stage, with their history', async () => {
    const requests = await db.prisma.moduleRequest.findMany({ include: { events: { orderBy: { at: 'asc' } } } });
    expect(new Set(requests.map((request) => request.stage))).toEqual(
      new Set([...MODULE_REQUEST_PATH, 'REJECTED', 'WITHDRAWN']),
    );
    for (const request of requests) {
      const stages = request.events.filter((event) => event.kind === 'STAGE');
      expect(stages[0]?.stage).toBe('SUBMITTED');
      expect(stages.at(-1)?.stage).toBe(request.stage);
      expect(stages.at(-1)?.at.getTime()).toBe(request.stageEnteredAt.getTime());
    }
  });

  it('gives HANOI-WATER and SAIGON-GARMENT upcoming maintenance, unacknowledged and scheduled notices, and requests', async () => {
    const noticeIds: Record<string, Set<string>> = {};
    for (const code of ['HANOI-WATER', 'SAIGON-GARMENT']) {
      const customer = await db.prisma.customer.findUniqueOrThrow({ where: { code } });
      const upcoming = await db.prisma.upgrade.count({
        where: {
          targets: { some: { customerId: customer.id } },
          status: { in: ['SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS'] },
          windowEnd: { gt: NOW },
        },
      });
      expect(upcoming, code).toBeGreaterThan(0);
      const published = await db.prisma.notice.findMany({
        where: { customerId: customer.id, publishedAt: { not: null } },
        include: { acknowledgement: true },
      });
      expect(published.length, code).toBeGreaterThanOrEqual(3);
      expect(
        published.some((notice) => notice.requiresAcknowledgement && !notice.acknowledgement),
        code,
      ).toBe(true);
      const scheduled = await db.prisma.notice.count({
        where: { customerId: customer.id, publishedAt: null, supersededAt: null, scheduledFor: { gt: NOW } },
      });
      expect(scheduled, code).toBeGreaterThan(0);
      expect(await db.prisma.moduleRequest.count({ where: { customerId: customer.id } }), code).toBeGreaterThanOrEqual(
        3,
      );
      expect(await db.prisma.blackoutWindow.count({ where: { customerId: customer.id } }), code).toBeGreaterThan(0);
      expect(await db.prisma.installedModule.count({ where: { customerId: customer.id } }), code).toBeGreaterThan(0);
      noticeIds[code] = new Set(published.map((notice) => notice.id));
    }
    // Tenant-isolation tests need each customer to have rows the other must not see.
    const hanoi = [...(noticeIds['HANOI-WATER'] ?? [])];
    expect(hanoi.some((id) => !noticeIds['SAIGON-GARMENT']?.has(id))).toBe(true);
  });

  it("fills the demo account team's inboxes with alerts of recent requests and comments, their emails sent", async () => {
    for (const email of ['care@vendor.example', 'impl@vendor.example']) {
      const alerts = await db.prisma.staffAlert.findMany({ where: { user: { email } }, include: { customer: true } });
      expect(alerts.length, email).toBeGreaterThanOrEqual(2);
      expect(new Set(alerts.map((alert) => alert.kind)), email).toEqual(
        new Set(['MODULE_REQUEST_CREATED', 'CUSTOMER_COMMENT']),
      );
      expect(alerts.every((alert) => alert.readAt === null && alert.createdAt.getTime() <= NOW.getTime())).toBe(true);
      expect(alerts.map((alert) => alert.customer.code)).toContain('HANOI-WATER');
    }
    // Only the customer's own account team hears of it.
    const strays = await db.prisma.staffAlert.count({
      where: { NOT: { customer: { staffAssignments: { some: {} } } } },
    });
    expect(strays).toBe(0);
    expect(await db.prisma.emailMessage.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect(await db.prisma.emailMessage.count()).toBeGreaterThan(0);
  });

  it('stores the three default notice policies', async () => {
    const policies = await db.prisma.noticePolicy.findMany({ orderBy: { kind: 'asc' } });
    expect(policies.map((policy) => policy.kind)).toEqual(['FEATURE', 'FIX', 'SERVER']);
    expect(policies[0]).toMatchObject({
      announcementLeadDays: 14,
      announcementMinLeadDays: 10,
      announcementMaxLeadDays: 20,
      reminderLeadHours: 48,
      finalReminderLeadHours: 24,
      minimumNoticeHours: 240,
      sandboxRequired: true,
    });
    expect(policies[1]).toMatchObject({ advisoryOnSchedule: true, minimumNoticeHours: 0 });
    expect(policies[2]).toMatchObject({
      finalReminderLeadHours: 24,
      imminentLeadMinutes: 30,
      minimumNoticeHours: 24,
      typicalDowntimeMinutes: 60,
    });
  });

  it('reports what it wrote', async () => {
    expect(summary.customers).toBe(await db.prisma.customer.count());
    expect(summary.notices).toBe(await db.prisma.notice.count());
    expect(summary.moduleRequestEvents).toBe(await db.prisma.moduleRequestEvent.count());
  });

  it('gives the same ids and counts when the database is reset and seeded again', async () => {
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);
    const first = await snapshot(db);
    await resetDatabase(db.prisma);
    expect(await isDatabaseEmpty(db.prisma)).toBe(true);
    expect(await db.prisma.notice.count()).toBe(0);
    const again = await seedDemo(db.prisma, { password: PASSWORD, now: NOW });
    expect(again).toEqual(summary);
    expect(await snapshot(db)).toEqual(first);
  });
});
