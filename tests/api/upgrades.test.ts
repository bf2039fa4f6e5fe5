// The notice engine's "Done when", walked through the API as an engineer, with the dispatcher run in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../apps/api/src/notices/dispatcher.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let api: TestApi;
let engineer: string;
let hanoiUser: string;
let saigonUser: string;
let hanoi: { id: string; moduleId: string };

const SCHEDULE = `mutation ($input: UpgradeScheduleInput!) {
  upgradeSchedule(input: $input) {
    upgrade { id status policyWarnings notices(first: 20, filter: { includeScheduled: true }) { edges { node { stage scheduledFor publishedAt requiresAcknowledgement acknowledgeBy customer { code } } } } }
    userErrors { code field message }
  }
}`;

/** 19:00 in Hà Nội, `days` after the test clock's day. */
const hanoiEvening = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 12, 0));
const iso = (d: Date) => d.toISOString();

function featureInput(start: Date, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'FEATURE',
    title: 'Hóa đơn điện tử theo Nghị định 70',
    summary: 'Mẫu hóa đơn mới và ký số từ xa.',
    moduleIds: [hanoi.moduleId],
    customerIds: [hanoi.id],
    windowStart: iso(start),
    windowEnd: iso(new Date(start.getTime() + 2 * HOUR)),
    expectedDowntimeMinutes: 15,
    sandboxStart: iso(new Date(NOW.getTime() + DAY)),
    ...overrides,
  };
}

async function schedule(input: Record<string, unknown>) {
  const result = await api.gql(SCHEDULE, { input }, { token: engineer });
  expect(result.errors).toBeUndefined();
  return result.data.upgradeSchedule;
}

const dispatch = () => dispatchDue({ prisma: api.db.prisma, now: NOW });

async function inboxTitles(token: string) {
  const { data } = await api.gql(
    '{ notices(first: 100) { edges { node { title body stage upgrade { id } } } } }',
    {},
    { token },
  );
  return data.notices.edges.map(
    (e: { node: { title: string; body: string; stage: string; upgrade: { id: string } } }) => e.node,
  );
}

beforeAll(async () => {
  api = await startTestApi();
  engineer = await api.login(ACCOUNTS.engineer);
  hanoiUser = await api.login(ACCOUNTS.hanoiUser);
  saigonUser = await api.login(ACCOUNTS.saigonUser);
  const { data } = await api.gql(
    '{ viewer { customer { id installedModules(first: 1) { edges { node { module { id } } } } } } }',
    {},
    { token: hanoiUser },
  );
  hanoi = { id: data.viewer.customer.id, moduleId: data.viewer.customer.installedModules.edges[0].node.module.id };
  await dispatch(); // the seed leaves nothing due, but start clean either way
});
afterAll(() => api.close());

describe('FEATURE', () => {
  it('15 days ahead at 19:00: announcement at once (seen in Vietnamese, local time), reminder -2 days, final -24 h', async () => {
    const start = hanoiEvening(15);
    const payload = await schedule(featureInput(start));
    expect(payload.userErrors).toEqual([]);
    const plan = payload.upgrade.notices.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(plan.map((n: { stage: string; scheduledFor: string }) => [n.stage, n.scheduledFor])).toEqual([
      ['FINAL_REMINDER', iso(new Date(start.getTime() - DAY))],
      ['REMINDER', iso(new Date(start.getTime() - 2 * DAY))],
      ['ANNOUNCEMENT', iso(NOW)],
    ]);
    expect(payload.upgrade.policyWarnings).toEqual([]);

    expect(await dispatch()).toMatchObject({ published: 1 });
    const inbox = await inboxTitles(hanoiUser);
    const announcement = inbox.find((n: { upgrade: { id: string } }) => n.upgrade.id === payload.upgrade.id);
    expect(announcement.stage).toBe('ANNOUNCEMENT');
    expect(announcement.title).toContain('Hóa đơn điện tử theo Nghị định 70');
    expect(announcement.body).toContain('Thứ Tư, 16/12/2026 19:00 – 21:00 (GMT+7)');
    expect(
      (await inboxTitles(saigonUser)).some((n: { upgrade: { id: string } }) => n.upgrade.id === payload.upgrade.id),
    ).toBe(false);
  });

  it('5 days ahead is refused as NOTICE_PERIOD_TOO_SHORT, unless an emergency with a reason', async () => {
    const refused = await schedule(featureInput(hanoiEvening(5)));
    expect(refused).toEqual({
      upgrade: null,
      userErrors: [expect.objectContaining({ code: 'NOTICE_PERIOD_TOO_SHORT', field: ['input', 'windowStart'] })],
    });
    const noReason = await schedule(featureInput(hanoiEvening(5), { emergency: true }));
    expect(noReason.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'emergencyReason'] }),
    ]);
    const emergency = await schedule(
      featureInput(hanoiEvening(5), { emergency: true, emergencyReason: 'Quy định thuế mới có hiệu lực' }),
    );
    expect(emergency.userErrors).toEqual([]);
    expect(emergency.upgrade.policyWarnings).toEqual(['SHORT_NOTICE']);
  });

  it('warns NO_SANDBOX_RUN without a sandbox start and OUTSIDE_QUIET_HOURS at 10:00 local', async () => {
    const morning = new Date(Date.UTC(2026, 11, 16, 3, 0));
    const payload = await schedule(featureInput(morning, { sandboxStart: null }));
    expect(payload.upgrade.policyWarnings).toEqual(['OUTSIDE_QUIET_HOURS', 'NO_SANDBOX_RUN']);
  });
});

describe('SERVER', () => {
  const serverInput = (start: Date, overrides: Record<string, unknown> = {}) => ({
    ...featureInput(start),
    kind: 'SERVER',
    title: 'Chuyển máy chủ cơ sở dữ liệu',
    sandboxStart: null,
    expectedDowntimeMinutes: 45,
    ...overrides,
  });

  it('23 hours ahead needs an emergency, then a final reminder at once and an imminent notice at -30 min', async () => {
    const start = new Date(NOW.getTime() + 23 * HOUR);
    expect((await schedule(serverInput(start))).userErrors[0].code).toBe('NOTICE_PERIOD_TOO_SHORT');
    const payload = await schedule(
      serverInput(start, { emergency: true, emergencyReason: 'Nhà cung cấp cloud bảo trì đột xuất' }),
    );
    const plan = payload.upgrade.notices.edges.map(
      (e: { node: { stage: string; scheduledFor: string; requiresAcknowledgement: boolean } }) => e.node,
    );
    expect(
      plan.map((n: { stage: string; scheduledFor: string; requiresAcknowledgement: boolean }) => [
        n.stage,
        n.scheduledFor,
        n.requiresAcknowledgement,
      ]),
    ).toEqual([
      ['IMMINENT', iso(new Date(start.getTime() - 30 * 60_000)), false],
      ['FINAL_REMINDER', iso(NOW), true],
    ]);
  });

  it('warns DOWNTIME_ABOVE_TYPICAL for 90 minutes of downtime', async () => {
    const payload = await schedule(serverInput(hanoiEvening(3), { expectedDowntimeMinutes: 90 }));
    expect(payload.upgrade.policyWarnings).toEqual(['DOWNTIME_ABOVE_TYPICAL']);
  });

  it("warns BLACKOUT_CONFLICT for a window inside the customer's blackout", async () => {
    const admin = await api.login(ACCOUNTS.hanoiAdmin);
    const created = await api.gql(
      'mutation ($input: BlackoutWindowCreateInput!) { blackoutWindowCreate(input: $input) { blackoutWindow { startsAt } userErrors { code } } }',
      { input: { reason: 'Khóa sổ cuối năm', startsAt: iso(hanoiEvening(28)), endsAt: iso(hanoiEvening(31)) } },
      { token: admin },
    );
    expect(created.data.blackoutWindowCreate.userErrors).toEqual([]);
    const start = new Date(hanoiEvening(29));
    const payload = await schedule(serverInput(start, { windowEnd: iso(new Date(start.getTime() + HOUR)) }));
    expect(payload.upgrade.policyWarnings).toContain('BLACKOUT_CONFLICT');
  });
});

describe('FIX, and the life of an upgrade', () => {
  it('sends an important FIX advisory at once', async () => {
    const payload = await schedule({
      ...featureInput(hanoiEvening(2)),
      kind: 'FIX',
      // Important: announced to every target at once (other advisories wait for the account team).
      important: true,
      sandboxStart: null,
      title: 'Sửa lỗi làm tròn VAT',
    });
    expect(payload.upgrade.notices.edges.map((e: { node: { stage: string } }) => e.node.stage)).toEqual(['ADVISORY']);
    await dispatch();
    expect(
      (await inboxTitles(hanoiUser)).some(
        (n: { title: string; stage: string }) => n.stage === 'ADVISORY' && n.title.includes('Sửa lỗi làm tròn VAT'),
      ),
    ).toBe(true);
  });

  it('reschedule, cancel, fail and complete each send their notice to the customer told so far', async () => {
    const told = (await schedule(featureInput(hanoiEvening(15), { title: 'Báo cáo quản trị mới' }))).upgrade.id;
    await dispatch();
    const moved = await api.gql(
      'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { upgrade { windowStart } userErrors { code } } }',
      {
        input: {
          id: told,
          windowStart: iso(hanoiEvening(18)),
          windowEnd: iso(new Date(hanoiEvening(18).getTime() + HOUR)),
          reason: 'Khách hàng đề nghị lùi lịch',
        },
      },
      { token: engineer },
    );
    expect(moved.data.upgradeReschedule).toEqual({ upgrade: { windowStart: iso(hanoiEvening(18)) }, userErrors: [] });
    await dispatch();
    const transition = (id: string, to: string) =>
      api.gql(
        'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { upgrade { status } userErrors { code } } }',
        { input: { id, to, note: 'ghi chú' } },
        { token: engineer },
      );
    expect((await transition(told, 'CANCELLED')).data.upgradeTransition).toEqual({
      upgrade: { status: 'CANCELLED' },
      userErrors: [],
    });
    await dispatch();
    const stages = (await inboxTitles(hanoiUser))
      .filter((n: { upgrade: { id: string } }) => n.upgrade.id === told)
      .map((n: { stage: string }) => n.stage);
    expect(stages.sort()).toEqual(['ANNOUNCEMENT', 'CANCELLED', 'RESCHEDULED']);

    for (const end of ['COMPLETED', 'FAILED']) {
      const id = (
        await schedule({
          ...featureInput(hanoiEvening(3)),
          kind: 'FIX',
          important: true,
          sandboxStart: null,
          title: `Bản vá ${end}`,
        })
      ).upgrade.id;
      await dispatch();
      expect((await transition(id, 'COMPLETED')).data.upgradeTransition.userErrors).toEqual([
        { code: 'INVALID_TRANSITION' },
      ]);
      expect((await transition(id, 'IN_PROGRESS')).data.upgradeTransition.userErrors).toEqual([]);
      expect((await transition(id, end)).data.upgradeTransition.userErrors).toEqual([]);
      await dispatch();
      const got = (await inboxTitles(hanoiUser))
        .filter((n: { upgrade: { id: string } }) => n.upgrade.id === id)
        .map((n: { stage: string }) => n.stage);
      expect(got.sort()).toEqual(['ADVISORY', end].sort());
    }
  });

  it('only engineers and admins run upgrades', async () => {
    const id = (await schedule({ ...featureInput(hanoiEvening(4)), kind: 'FIX', sandboxStart: null })).upgrade.id;
    const window = { windowStart: iso(hanoiEvening(6)), windowEnd: iso(new Date(hanoiEvening(6).getTime() + HOUR)) };
    for (const email of [ACCOUNTS.care, ACCOUNTS.impl, ACCOUNTS.hanoiAdmin, ACCOUNTS.hanoiUser]) {
      const token = await api.login(email);
      const scheduled = await api.gql(SCHEDULE, { input: featureInput(hanoiEvening(15)) }, { token });
      expect(scheduled.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
      const moved = await api.gql(
        'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { userErrors { code } } }',
        { input: { id, ...window, reason: 'x' } },
        { token },
      );
      expect(moved.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
      const cancelled = await api.gql(
        'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { userErrors { code } } }',
        { input: { id, to: 'CANCELLED' } },
        { token },
      );
      expect(cancelled.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
    const admin = await api.login(ACCOUNTS.admin);
    const noReason = await api.gql(
      'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { userErrors { code field } } }',
      { input: { id, ...window, reason: '  ' } },
      { token: admin },
    );
    expect(noReason.data.upgradeReschedule.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'reason'] }]);
    const started = await api.gql(
      'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { upgrade { status } userErrors { code } } }',
      { input: { id, to: 'IN_PROGRESS' } },
      { token: admin },
    );
    expect(started.data.upgradeTransition).toEqual({ upgrade: { status: 'IN_PROGRESS' }, userErrors: [] });
    for (const to of ['CANCELLED', 'SANDBOX', 'DRAFT']) {
      const refused = await api.gql(
        'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { upgrade { status } userErrors { code field } } }',
        { input: { id, to } },
        { token: admin },
      );
      expect(refused.data.upgradeTransition, to).toEqual({
        upgrade: null,
        userErrors: [{ code: 'INVALID_TRANSITION', field: ['input', 'to'] }],
      });
    }
    const tooLate = await api.gql(
      'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { userErrors { code } } }',
      { input: { id, ...window, reason: 'x' } },
      { token: admin },
    );
    expect(tooLate.data.upgradeReschedule.userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);
  });
});

describe('acknowledgements', () => {
  it('a customer user acknowledges its own published notice, idempotently; never another customer’s', async () => {
    const { data } = await api.gql(
      '{ notices(first: 50, filter: { unacknowledgedOnly: true }) { edges { node { id } } } }',
      {},
      { token: hanoiUser },
    );
    const id = data.notices.edges[0].node.id;
    const ACK =
      'mutation ($ids: [ID!]!) { noticeAcknowledge(input: { ids: $ids }) { notices { id acknowledgedAt acknowledgedBy { email } } userErrors { code field } } }';
    const first = await api.gql(ACK, { ids: [id] }, { token: hanoiUser });
    expect(first.data.noticeAcknowledge.notices[0]).toMatchObject({
      id,
      acknowledgedBy: { email: ACCOUNTS.hanoiUser },
    });
    const again = await api.gql(ACK, { ids: [id] }, { token: hanoiUser });
    expect(again.data.noticeAcknowledge.notices[0].acknowledgedAt).toBe(
      first.data.noticeAcknowledge.notices[0].acknowledgedAt,
    );
    const foreign = await api.gql(ACK, { ids: [id] }, { token: saigonUser });
    expect(foreign.data.noticeAcknowledge).toEqual({
      notices: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'ids', '0'] }],
    });
  });
});
