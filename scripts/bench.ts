// `pnpm bench`: prints figures, asserts nothing. Planning a FEATURE upgrade for 5,000 customers;
// dispatching 10,000 due notices on PGlite and on PostgreSQL; and the large-data figures of issue 6
// (lib/bench-large.ts; BENCH_LARGE=0 skips them), and what a credential and the uncached dashboard
// cost against an anonymous request on the demo data (always). PostgreSQL: BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres (databases are created beside it).
import { DEFAULT_NOTICE_POLICIES, planNotices } from '@upgrade-desk/domain';
import { noticeRows, type TargetToPlan, type UpgradeToPlan } from '../apps/api/src/notices/plan-writer.ts';
import { dispatchDue } from '../apps/api/src/notices/dispatcher.ts';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { benchCredentialAndPage, benchLargeData } from './lib/bench-large.ts';

const DAY = 86_400_000;
const now = new Date('2026-12-01T03:00:00Z');

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

function benchPlanning() {
  const zones = ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Europe/Berlin', 'Asia/Seoul'];
  const targets: TargetToPlan[] = Array.from({ length: 5000 }, (_, i) => ({
    customerId: `c${i}`,
    timeZone: zones[i % zones.length]!,
    locale: i % 7 === 0 ? 'EN' : 'VI',
    blackouts: [
      { startsAt: new Date(now.getTime() + (i % 30) * DAY), endsAt: new Date(now.getTime() + ((i % 30) + 2) * DAY) },
    ],
    window: null,
  }));
  const upgrade: UpgradeToPlan = {
    id: 'u',
    kind: 'FEATURE',
    title: 'Hóa đơn điện tử theo Nghị định 70',
    summary: 'Mẫu hóa đơn mới và ký số từ xa.',
    titleEn: 'E-invoices under Decree 70',
    summaryEn: 'New invoice template and remote signing.',
    changesVi: 'Hóa đơn được ký số từ xa.',
    changesEn: 'Invoices are signed remotely.',
    windowStart: new Date(now.getTime() + 15 * DAY + 9 * 3_600_000),
    windowEnd: new Date(now.getTime() + 15 * DAY + 11 * 3_600_000),
    expectedDowntimeMinutes: 15,
    requiresRelogin: true,
    sandboxStart: new Date(now.getTime() + DAY),
    emergency: false,
    emergencyReason: null,
    sequence: 0,
    modules: [{ module: { nameVi: 'Kế toán', nameEn: 'Accounting' } }],
  };
  const plan = time(() => planNotices(upgrade, DEFAULT_NOTICE_POLICIES.FEATURE, targets, now));
  const rows = time(() => noticeRows(upgrade, plan.value, targets));
  console.log(
    `planning  FEATURE for 5,000 customers: plan ${plan.ms.toFixed(1)} ms (${plan.value.length} notices), rendered rows ${rows.ms.toFixed(1)} ms, total ${(plan.ms + rows.ms).toFixed(1)} ms (target < 1000 ms)`,
  );
}

async function benchDispatch(label: string) {
  const db = await createTestDatabase();
  try {
    const customers = 500;
    await db.prisma.customer.createMany({
      data: Array.from({ length: customers }, (_, i) => ({ code: `BENCH-${i}`, name: `Khách hàng ${i}` })),
    });
    const customerRows = await db.prisma.customer.findMany({ select: { id: true } });
    await db.prisma.user.createMany({
      data: customerRows.map((c, i) => ({
        email: `user${i}@bench.example`,
        name: `User ${i}`,
        passwordHash: 'x',
        role: 'CUSTOMER_USER',
        customerId: c.id,
      })),
    });
    const upgrade = await db.prisma.upgrade.create({
      data: {
        kind: 'FEATURE',
        status: 'SCHEDULED',
        title: 'Bench',
        summary: '',
        windowStart: new Date(now.getTime() + 15 * DAY),
        windowEnd: new Date(now.getTime() + 15 * DAY + 3_600_000),
        expectedDowntimeMinutes: 10,
      },
    });
    const total = 10_000;
    for (let offset = 0; offset < total; offset += 2000) {
      await db.prisma.notice.createMany({
        data: Array.from({ length: 2000 }, (_, j) => {
          const i = offset + j;
          return {
            upgradeId: upgrade.id,
            customerId: customerRows[i % customers]!.id,
            stage: 'REMINDER' as const,
            sequence: Math.floor(i / customers),
            channels: ['IN_APP' as const],
            scheduledFor: new Date(now.getTime() - 60_000),
            locale: 'VI' as const,
            title: `Nhắc lịch ${i}`,
            body: 'Nội dung',
          };
        }),
      });
    }
    const started = performance.now();
    const result = await dispatchDue({ prisma: db.prisma, now });
    const seconds = (performance.now() - started) / 1000;
    const deliveries = await db.prisma.delivery.count();
    console.log(
      `dispatch  ${label}: ${result.published} notices (+${deliveries} email deliveries) in ${seconds.toFixed(2)} s = ${Math.round(result.published / seconds)} notices/s (target >= 2,000/s on PostgreSQL)`,
    );
  } finally {
    await db.close();
  }
}

const pgUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
// BENCH_ONLY=e runs the credential and uncached-page section alone: the quick loop while profiling.
const onlyE = process.env.BENCH_ONLY === 'e';
if (!onlyE) {
  benchPlanning();
  delete process.env.TEST_DATABASE_URL;
  await benchDispatch('PGlite    ');
  process.env.TEST_DATABASE_URL = pgUrl;
  await benchDispatch('PostgreSQL');
}
await benchCredentialAndPage(pgUrl);
if (onlyE) {
  console.log('large     (a)-(d) skipped (BENCH_ONLY=e)');
} else if (process.env.BENCH_LARGE === '0') {
  console.log('large     skipped (BENCH_LARGE=0)');
} else {
  await benchLargeData(pgUrl);
}
