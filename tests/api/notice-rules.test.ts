// The vendor's notice rules through the API: SERVER first notices and acknowledgement deadlines,
// overrun notices, FIX advisories held for the account team, and the notices' closing contact block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../apps/api/src/notices/dispatcher.ts';
import { announceOverruns } from '../../apps/api/src/notices/overrun.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let api: TestApi;
let engineer: string;
let admin: string;
let hanoiUser: string;
let saigonUser: string;
let hanoi: { id: string; moduleId: string; version: string };
/** HANOI-WATER's account team: its members' emails and names. */
let team: { email: string; name: string }[];
/** Account-team staff not assigned to HANOI-WATER. */
let outsider: string;

const SCHEDULE = `mutation ($input: UpgradeScheduleInput!) {
  upgradeSchedule(input: $input) {
    upgrade {
      id firstNoticeAt important
      notices(first: 20, filter: { includeScheduled: true }) {
        edges { node { id stage scheduledFor acknowledgeBy awaitingRelease title body } }
      }
    }
    userErrors { code field message }
  }
}`;

/** 19:00 in Hà Nội, `days` after the test clock's day. */
const hanoiEvening = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 12, 0));
const iso = (d: Date) => d.toISOString();

function input(kind: 'SERVER' | 'FIX', start: Date, overrides: Record<string, unknown> = {}) {
  return {
    kind,
    title: kind === 'SERVER' ? 'Nâng cấp bộ nhớ máy chủ cơ sở dữ liệu' : 'Sửa lỗi làm tròn thuế GTGT',
    summary: 'Theo lịch của nhà cung cấp.',
    moduleIds: [hanoi.moduleId],
    customerIds: [hanoi.id],
    windowStart: iso(start),
    windowEnd: iso(new Date(start.getTime() + HOUR)),
    expectedDowntimeMinutes: kind === 'SERVER' ? 45 : 0,
    ...overrides,
  };
}

type PlannedNotice = {
  id: string;
  stage: string;
  scheduledFor: string;
  acknowledgeBy: string | null;
  awaitingRelease: boolean;
  title: string;
  body: string;
};

interface Scheduled {
  id: string;
  firstNoticeAt: string | null;
  important: boolean;
  plan: PlannedNotice[];
}

async function schedule(values: Record<string, unknown>): Promise<Scheduled> {
  const result = await api.gql(SCHEDULE, { input: values }, { token: engineer });
  expect(result.errors).toBeUndefined();
  expect(result.data.upgradeSchedule.userErrors).toEqual([]);
  const upgrade = result.data.upgradeSchedule.upgrade;
  return { ...upgrade, plan: upgrade.notices.edges.map((e: { node: PlannedNotice }) => e.node) as PlannedNotice[] };
}

const dispatch = (now = NOW) => dispatchDue({ prisma: api.db.prisma, now });

async function inbox(token: string): Promise<{ id: string; stage: string; title: string; body: string }[]> {
  const { data } = await api.gql('{ notices(first: 100) { edges { node { id stage title body } } } }', {}, { token });
  return data.notices.edges.map((e: { node: { id: string; stage: string; title: string; body: string } }) => e.node);
}

const RELEASE = `mutation ($input: NoticeAdvisoryReleaseInput!) {
  noticeAdvisoryRelease(input: $input) { notice { id awaitingRelease releasedAt } userErrors { code field } }
}`;
const UPDATE = `mutation ($input: NoticeAdvisoryUpdateInput!) {
  noticeAdvisoryUpdate(input: $input) { notice { id title body } userErrors { code field } }
}`;
const AWAITING = '{ advisoriesAwaitingRelease(first: 50) { totalCount edges { node { id customer { code } } } } }';

beforeAll(async () => {
  api = await startTestApi();
  engineer = await api.login(ACCOUNTS.engineer);
  admin = await api.login(ACCOUNTS.admin);
  hanoiUser = await api.login(ACCOUNTS.hanoiUser);
  saigonUser = await api.login(ACCOUNTS.saigonUser);
  const { data } = await api.gql(
    '{ viewer { customer { id installedModules(first: 1) { edges { node { version module { id } } } } } } }',
    {},
    { token: hanoiUser },
  );
  const [installed] = data.viewer.customer.installedModules.edges;
  hanoi = { id: data.viewer.customer.id, moduleId: installed.node.module.id, version: installed.node.version };
  const staff = await api.db.prisma.customerStaff.findMany({
    where: { customer: { code: 'HANOI-WATER' } },
    select: { user: { select: { email: true, name: true } } },
  });
  team = staff.map(({ user }) => user);
  const other = await api.db.prisma.user.findFirst({
    where: {
      role: { in: ['IMPLEMENTATION', 'CUSTOMER_CARE'] },
      disabledAt: null,
      customerAssignments: { none: { customer: { code: 'HANOI-WATER' } } },
    },
    select: { email: true },
  });
  outsider = other!.email;
  expect(team.length).toBeGreaterThan(0);
  await dispatch(); // the seed leaves nothing due, but start clean either way
});
afterAll(() => api.close());

describe('SERVER: an earlier first notice is added to the 24-hour one', () => {
  it('plans the first notice at the staff’s time, the final reminder 24 hours ahead and the imminent one', async () => {
    const start = hanoiEvening(6);
    const firstNoticeAt = new Date(NOW.getTime() + 2 * HOUR);
    const upgrade = await schedule(input('SERVER', start, { firstNoticeAt: iso(firstNoticeAt) }));
    expect(upgrade.firstNoticeAt).toBe(iso(firstNoticeAt));
    const plan = upgrade.plan
      .map((n) => [n.stage, (start.getTime() - new Date(n.scheduledFor).getTime()) / HOUR])
      .sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(plan).toEqual([
      ['ANNOUNCEMENT', (start.getTime() - firstNoticeAt.getTime()) / HOUR],
      ['FINAL_REMINDER', 24],
      ['IMMINENT', 0.5],
    ]);
  });

  it('without one, the 24-hour notice is the first', async () => {
    const upgrade = await schedule(input('SERVER', hanoiEvening(7)));
    expect(upgrade.firstNoticeAt).toBeNull();
    expect(upgrade.plan.map((n) => n.stage).sort()).toEqual(['FINAL_REMINDER', 'IMMINENT']);
  });

  it('asks for the acknowledgement 4 hours ahead (the policy’s call time), not just before the window', async () => {
    const start = hanoiEvening(8);
    const upgrade = await schedule(input('SERVER', start));
    const final = upgrade.plan.find((n) => n.stage === 'FINAL_REMINDER')!;
    expect((start.getTime() - new Date(final.acknowledgeBy!).getTime()) / HOUR).toBe(4);
    const { data } = await api.gql('{ noticePolicies { kind acknowledgementCallMinutes } }', {}, { token: admin });
    expect(data.noticePolicies).toContainEqual({ kind: 'SERVER', acknowledgementCallMinutes: 240 });
  });
});

describe('SERVER: an overrun notice when the work runs past the announced end', () => {
  it('tells the customers already told, at once, once', async () => {
    const start = new Date(NOW.getTime() + 2 * HOUR);
    const upgrade = await schedule(input('SERVER', start, { emergency: true, emergencyReason: 'Ổ cứng báo lỗi' }));
    await dispatch();
    const transition = await api.gql(
      'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { userErrors { code } } }',
      { input: { id: upgrade.id, to: 'IN_PROGRESS' } },
      { token: engineer },
    );
    expect(transition.data.upgradeTransition.userErrors).toEqual([]);
    const windowEnd = new Date(start.getTime() + HOUR);

    const title = 'Nâng cấp bộ nhớ máy chủ cơ sở dữ liệu';
    const overruns = () => api.db.prisma.notice.count({ where: { stage: 'OVERRUN', upgrade: { title } } });
    await announceOverruns({ prisma: api.db.prisma, now: windowEnd });
    expect(await overruns()).toBe(0);
    const late = new Date(windowEnd.getTime() + MINUTE);
    await announceOverruns({ prisma: api.db.prisma, now: late });
    expect(await overruns()).toBe(1);
    await announceOverruns({ prisma: api.db.prisma, now: new Date(late.getTime() + MINUTE) });
    expect(await overruns()).toBe(1);
    await dispatch(late);

    const overrun = (await inbox(hanoiUser)).filter((n) => n.stage === 'OVERRUN' && n.title.endsWith(title));
    expect(overrun).toHaveLength(1);
    expect(overrun[0]!.title).toBe('Kéo dài thời gian bảo trì: Nâng cấp bộ nhớ máy chủ cơ sở dữ liệu');
    expect((await inbox(saigonUser)).some((n) => n.stage === 'OVERRUN' && n.title.endsWith(title))).toBe(false);
  });
});

describe('SERVER: overrun from each customer’s own window', () => {
  it('waits for the end staff set for that customer alone', async () => {
    const start = new Date(NOW.getTime() + 2 * HOUR);
    const upgrade = await schedule(
      input('SERVER', start, { title: 'Thay ổ đĩa máy chủ', emergency: true, emergencyReason: 'Ổ cứng báo lỗi' }),
    );
    await dispatch();
    const upgradeId = Buffer.from(upgrade.id, 'base64').toString().split(':')[1]!;
    const customerId = Buffer.from(hanoi.id, 'base64').toString().split(':')[1]!;
    const windowEnd = new Date(start.getTime() + HOUR);
    const ownEnd = new Date(windowEnd.getTime() + 2 * HOUR);
    // Staff moved the end for this customer alone before the work began.
    await api.db.prisma.upgradeTarget.update({
      where: { upgradeId_customerId: { upgradeId, customerId } },
      data: { windowStart: start, windowEnd: ownEnd, overrideReason: 'Kéo dài theo yêu cầu' },
    });
    const transition = await api.gql(
      'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { userErrors { code } } }',
      { input: { id: upgrade.id, to: 'IN_PROGRESS' } },
      { token: engineer },
    );
    expect(transition.data.upgradeTransition.userErrors).toEqual([]);
    const overruns = () => api.db.prisma.notice.count({ where: { stage: 'OVERRUN', upgradeId } });

    await announceOverruns({ prisma: api.db.prisma, now: new Date(windowEnd.getTime() + MINUTE) });
    expect(await overruns()).toBe(0);
    await announceOverruns({ prisma: api.db.prisma, now: ownEnd });
    expect(await overruns()).toBe(0);
    await announceOverruns({ prisma: api.db.prisma, now: new Date(ownEnd.getTime() + MINUTE) });
    expect(await overruns()).toBe(1);
    await announceOverruns({ prisma: api.db.prisma, now: new Date(ownEnd.getTime() + 2 * MINUTE) });
    expect(await overruns()).toBe(1);
  });
});

describe('FIX: the advisory goes through the account team', () => {
  let advisoryId: string;

  it('is held: not dispatched, not visible to the customer, listed for its account team', async () => {
    const upgrade = await schedule(input('FIX', hanoiEvening(2)));
    expect(upgrade.important).toBe(false);
    const [advisory] = upgrade.plan;
    expect(advisory).toMatchObject({ stage: 'ADVISORY', awaitingRelease: true });
    advisoryId = advisory!.id;
    await dispatch();

    expect((await inbox(hanoiUser)).some((n) => n.id === advisoryId)).toBe(false);
    const node = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id: advisoryId }, { token: hanoiUser });
    expect(node.data.node).toBeNull();
    const customerList = await api.gql(AWAITING, {}, { token: hanoiUser });
    expect(customerList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const member = await api.login(team[0]!.email);
    const listed = await api.gql(AWAITING, {}, { token: member });
    expect(listed.data.advisoriesAwaitingRelease.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      advisoryId,
    );
    const notListed = await api.gql(AWAITING, {}, { token: await api.login(outsider) });
    expect(
      notListed.data.advisoriesAwaitingRelease.edges.map((e: { node: { id: string } }) => e.node.id),
    ).not.toContain(advisoryId);
  });

  it('says which of the customer’s modules and versions it fixes', async () => {
    const { data } = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Notice { body } } }',
      { id: advisoryId },
      { token: admin },
    );
    const body: string = data.node.body;
    expect(body).toContain(`phiên bản Quý khách đang dùng: ${hanoi.version}`);
  });

  it('may not be released or edited by staff outside the account team, nor by customers or engineers', async () => {
    const outside = await api.gql(RELEASE, { input: { noticeId: advisoryId } }, { token: await api.login(outsider) });
    expect(outside.data.noticeAdvisoryRelease.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['input', 'noticeId'] },
    ]);
    const edit = await api.gql(
      UPDATE,
      { input: { noticeId: advisoryId, title: 'x' } },
      { token: await api.login(outsider) },
    );
    expect(edit.data.noticeAdvisoryUpdate.userErrors).toEqual([{ code: 'FORBIDDEN', field: ['input', 'noticeId'] }]);
    for (const token of [hanoiUser, await api.login(ACCOUNTS.hanoiAdmin), engineer]) {
      const refused = await api.gql(RELEASE, { input: { noticeId: advisoryId } }, { token });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await inbox(hanoiUser)).some((n) => n.id === advisoryId)).toBe(false);
  });

  it('is edited, then released by a member of the account team, and reaches the customer as edited', async () => {
    const member = await api.login(team[0]!.email);
    const blank = await api.gql(UPDATE, { input: { noticeId: advisoryId, title: '   ' } }, { token: member });
    expect(blank.data.noticeAdvisoryUpdate.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title'] }]);
    const edited = await api.gql(
      UPDATE,
      { input: { noticeId: advisoryId, title: 'Cập nhật sửa lỗi làm tròn thuế (đã kiểm tra)' } },
      { token: member },
    );
    expect(edited.data.noticeAdvisoryUpdate).toMatchObject({
      notice: { id: advisoryId, title: 'Cập nhật sửa lỗi làm tròn thuế (đã kiểm tra)' },
      userErrors: [],
    });

    const released = await api.gql(RELEASE, { input: { noticeId: advisoryId } }, { token: member });
    expect(released.data.noticeAdvisoryRelease.userErrors).toEqual([]);
    expect(released.data.noticeAdvisoryRelease.notice).toMatchObject({ awaitingRelease: false, releasedAt: iso(NOW) });
    const again = await api.gql(RELEASE, { input: { noticeId: advisoryId } }, { token: member });
    expect(again.data.noticeAdvisoryRelease.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['input', 'noticeId'] },
    ]);
    const late = await api.gql(UPDATE, { input: { noticeId: advisoryId, body: 'sau khi gửi' } }, { token: member });
    expect(late.data.noticeAdvisoryUpdate.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['input', 'noticeId'] },
    ]);

    await dispatch();
    const got = (await inbox(hanoiUser)).find((n) => n.id === advisoryId);
    expect(got?.title).toBe('Cập nhật sửa lỗi làm tròn thuế (đã kiểm tra)');
    expect((await inbox(saigonUser)).some((n) => n.id === advisoryId)).toBe(false);
    const listed = await api.gql(AWAITING, {}, { token: member });
    expect(listed.data.advisoriesAwaitingRelease.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      advisoryId,
    );
  });

  it('an ADMIN may release any held advisory; an unknown id is not found', async () => {
    const upgrade = await schedule(input('FIX', hanoiEvening(3), { title: 'Sửa lỗi in phiếu thu' }));
    const released = await api.gql(RELEASE, { input: { noticeId: upgrade.plan[0]!.id } }, { token: admin });
    expect(released.data.noticeAdvisoryRelease.userErrors).toEqual([]);
    const finalReminder = (await schedule(input('SERVER', hanoiEvening(9)))).plan[0]!.id;
    const notAdvisory = await api.gql(RELEASE, { input: { noticeId: finalReminder } }, { token: admin });
    expect(notAdvisory.data.noticeAdvisoryRelease.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'noticeId'] },
    ]);
  });

  it('an important fix is announced at once, without the account team', async () => {
    const upgrade = await schedule(input('FIX', hanoiEvening(4), { important: true, title: 'Sửa lỗi nghiêm trọng' }));
    expect(upgrade.important).toBe(true);
    expect(upgrade.plan[0]).toMatchObject({ stage: 'ADVISORY', awaitingRelease: false });
    await dispatch();
    expect((await inbox(hanoiUser)).some((n) => n.id === upgrade.plan[0]!.id)).toBe(true);
  });
});

describe('notice texts', () => {
  it('end with the vendor’s contact and the customer’s account team, never the team’s login emails', async () => {
    const upgrade = await schedule(input('SERVER', hanoiEvening(10)));
    for (const notice of upgrade.plan) {
      const last = notice.body.split('\n\n').at(-1)!;
      expect(last).toContain('info@tigosolutions.com');
      for (const member of team) {
        expect(last).toContain(member.name);
        expect(notice.body).not.toContain(member.email);
      }
    }
  });

  it('speak of working hours only when the window lies in 18:00-06:00 for the customer', async () => {
    const FEATURE = `mutation ($input: UpgradeScheduleInput!) {
      upgradeSchedule(input: $input) { upgrade { notices(first: 5, filter: { includeScheduled: true }) { edges { node { stage body } } } } userErrors { code } }
    }`;
    const bodyFor = async (start: Date) => {
      const result = await api.gql(
        FEATURE,
        {
          input: {
            ...input('SERVER', start),
            kind: 'FEATURE',
            sandboxStart: iso(new Date(NOW.getTime() + HOUR)),
          },
        },
        { token: engineer },
      );
      expect(result.data.upgradeSchedule.userErrors).toEqual([]);
      return result.data.upgradeSchedule.upgrade.notices.edges.find(
        (e: { node: { stage: string } }) => e.node.stage === 'ANNOUNCEMENT',
      ).node.body as string;
    };
    expect(await bodyFor(hanoiEvening(15))).toContain('ngoài giờ làm việc');
    // 10:00 in Hà Nội.
    expect(await bodyFor(new Date(Date.UTC(2026, 11, 17, 3, 0)))).not.toContain('ngoài giờ làm việc');
  });
});
