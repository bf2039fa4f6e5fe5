// Upgrade.acknowledgementProgress: where each target customer stands with the upgrade's
// acknowledgements, as the staff board and the upgrade page read it. Vendor staff only; the rule
// itself is the domain's (acknowledgementStanding), tested there case by case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const HOUR = 3_600_000;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const PROGRESS = `query ($id: ID!, $first: Int, $offset: Int) {
  node(id: $id) {
    ... on Upgrade {
      acknowledgementProgress(first: $first, offset: $offset) {
        customer { code }
        state acknowledged pending overdue deadline
        by { stage name at }
      }
    }
  }
}`;

let api: TestApi;
let upgradeId: string;
/** The four targets' codes, in the order of their names. */
let byName: string[];
/** The targets' codes, and the name of the Hanoi user who acknowledged. */
let codes: { hanoi: string; onTime: string; late: string; unsent: string };
let acknowledgedBy: string;

/**
 * One upgrade for four demo customers: Hanoi Water acknowledged its announcement; the second's is
 * due exactly now (its superseded reminder, long past due, asks nothing); the third's deadline
 * passed an hour ago; the fourth's announcement is planned but not yet sent.
 */
beforeAll(async () => {
  api = await startTestApi();
  const prisma = api.db.prisma;
  const hanoi = await prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
  const others = await prisma.customer.findMany({
    where: { code: { not: 'HANOI-WATER' } },
    orderBy: { code: 'asc' },
    take: 3,
  });
  const [onTime, late, unsent] = others;
  const targets = [hanoi, onTime!, late!, unsent!];
  const upgrade = await prisma.upgrade.create({
    data: {
      kind: 'FEATURE',
      status: 'SCHEDULED',
      title: 'Tiến độ xác nhận',
      summary: '',
      windowStart: new Date(NOW.getTime() + 5 * 24 * HOUR),
      windowEnd: new Date(NOW.getTime() + 5 * 24 * HOUR + HOUR),
      expectedDowntimeMinutes: 0,
      targets: { create: targets.map((c) => ({ customerId: c.id })) },
    },
  });
  upgradeId = globalId('Upgrade', upgrade.id);
  const notice = (customerId: string, fields: object) => ({
    upgradeId: upgrade.id,
    customerId,
    stage: 'ANNOUNCEMENT' as const,
    channels: ['IN_APP' as const],
    scheduledFor: new Date(NOW.getTime() - 24 * HOUR),
    publishedAt: new Date(NOW.getTime() - 24 * HOUR),
    locale: 'VI' as const,
    title: 'Thông báo',
    body: 'Nội dung',
    requiresAcknowledgement: true,
    acknowledgeBy: new Date(NOW.getTime() + 24 * HOUR),
    ...fields,
  });
  await prisma.notice.createMany({
    data: [
      notice(hanoi.id, {}),
      notice(onTime!.id, { acknowledgeBy: NOW }),
      notice(onTime!.id, {
        stage: 'FINAL_REMINDER',
        publishedAt: null,
        supersededAt: new Date(NOW.getTime() - HOUR),
        acknowledgeBy: new Date(NOW.getTime() - 12 * HOUR),
      }),
      notice(late!.id, { acknowledgeBy: new Date(NOW.getTime() - HOUR) }),
      notice(unsent!.id, { publishedAt: null, scheduledFor: new Date(NOW.getTime() + HOUR) }),
    ],
  });
  const announced = await prisma.notice.findFirstOrThrow({ where: { upgradeId: upgrade.id, customerId: hanoi.id } });
  const user = await prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.hanoiUser } });
  await prisma.acknowledgement.create({
    data: { noticeId: announced.id, userId: user.id, at: new Date(NOW.getTime() - 2 * HOUR) },
  });
  byName = (
    await prisma.customer.findMany({
      where: { id: { in: targets.map((c) => c.id) } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })
  ).map((c) => c.code);
  codes = { hanoi: hanoi.code, onTime: onTime!.code, late: late!.code, unsent: unsent!.code };
  acknowledgedBy = user.name;
});

afterAll(async () => {
  await api?.close();
});

async function progressAs(email: string, variables: Record<string, unknown> = {}) {
  return api.gql(PROGRESS, { id: upgradeId, ...variables }, { token: await api.login(email) });
}

describe('Upgrade.acknowledgementProgress', () => {
  it('tells staff where each target stands, by customer name, from its published notices only', async () => {
    const { data, errors } = await progressAs(ACCOUNTS.care);
    expect(errors).toBeUndefined();
    const progress = data.node.acknowledgementProgress as { customer: { code: string } }[];
    expect(progress.map((p) => p.customer.code)).toEqual(byName);
    const of = (code: string) => progress.find((p) => p.customer.code === code);
    expect(of(codes.hanoi)).toEqual({
      customer: { code: codes.hanoi },
      state: 'ACKNOWLEDGED',
      acknowledged: 1,
      pending: 0,
      overdue: 0,
      deadline: null,
      by: [{ stage: 'ANNOUNCEMENT', name: acknowledgedBy, at: new Date(NOW.getTime() - 2 * HOUR).toISOString() }],
    });
    // Due exactly now is still on time; the superseded reminder is not counted.
    expect(of(codes.onTime)).toMatchObject({ state: 'PENDING', pending: 1, overdue: 0, deadline: NOW.toISOString() });
    expect(of(codes.late)).toMatchObject({
      state: 'OVERDUE',
      pending: 0,
      overdue: 1,
      deadline: new Date(NOW.getTime() - HOUR).toISOString(),
      by: [],
    });
    // A notice planned but not yet sent has asked nothing yet.
    expect(of(codes.unsent)).toMatchObject({ state: 'NOT_ASKED', acknowledged: 0, pending: 0, overdue: 0 });
  });

  it('pages by customer name', async () => {
    const { data } = await progressAs(ACCOUNTS.engineer, { first: 2, offset: 1 });
    expect(data.node.acknowledgementProgress.map((p: { customer: { code: string } }) => p.customer.code)).toEqual(
      byName.slice(1, 3),
    );
  });

  it('is refused to customers, even a target the upgrade was announced to', async () => {
    for (const email of [ACCOUNTS.hanoiUser, ACCOUNTS.hanoiAdmin]) {
      const { data, errors } = await progressAs(email);
      expect(errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
      expect(JSON.stringify(data ?? null)).not.toContain('ACKNOWLEDGED');
    }
  });
});
