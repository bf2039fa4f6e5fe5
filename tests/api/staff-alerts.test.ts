// Staff alerts end to end: the customer's account team (its implementation and customer-care staff)
// is told in the app and by email of a new module request, a customer's comment, an overdue
// acknowledgement and a notice delivery given up; each member reads and marks their own inbox,
// live over server-sent events too; customers never see alerts, staff only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailTransport } from '../../apps/api/src/notices/channels/email.ts';
import { escalateOverdue } from '../../apps/api/src/notices/escalation.ts';
import { MAX_DELIVERY_ATTEMPTS } from '../../apps/api/src/notices/retry-policy.ts';
import { deliverDue } from '../../apps/api/src/notices/sender.ts';
import { alertAccountTeam } from '../../apps/api/src/staff-alerts/alert-account-team.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';
import { openEventStream, type EventStream } from './sse-client.ts';

let api: TestApi;
const streams: EventStream[] = [];

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] ?? '';

const INBOX = `query ($first: Int, $unreadOnly: Boolean) {
  staffAlerts(first: $first, unreadOnly: $unreadOnly) {
    totalCount unreadCount
    edges { node { id kind title body read readAt locale customer { code } moduleRequest { id title } notice { id } } }
  }
}`;
const MARK_READ = `mutation ($input: StaffAlertMarkReadInput!) {
  staffAlertMarkRead(input: $input) { staffAlerts { id read } markedCount unreadCount userErrors { code field message } }
}`;
const CREATE = `mutation ($input: ModuleRequestCreateInput!) {
  moduleRequestCreate(input: $input) { moduleRequest { id } userErrors { code } } }`;
const COMMENT = `mutation ($input: ModuleRequestCommentInput!) {
  moduleRequestComment(input: $input) { moduleRequest { id } userErrors { code } } }`;

type Account = keyof typeof ACCOUNTS;
const tokens = new Map<Account, string>();
async function token(account: Account) {
  if (!tokens.has(account)) tokens.set(account, await api.login(ACCOUNTS[account]));
  return tokens.get(account)!;
}

interface AlertNode {
  id: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
  customer: { code: string };
  moduleRequest: { id: string; title: string } | null;
  notice: { id: string } | null;
}

async function inbox(account: Account, variables: Record<string, unknown> = { first: 100 }) {
  const result = await api.gql(INBOX, variables, { token: await token(account) });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const connection = result.data.staffAlerts;
  return {
    ...connection,
    alerts: connection.edges.map((e: { node: AlertNode }) => e.node) as AlertNode[],
  };
}

async function newRequest(title: string) {
  const { data } = await api.gql(
    CREATE,
    { input: { kind: 'EXTENSION', title, description: 'Theo tháng.' } },
    { token: await token('hanoiAdmin') },
  );
  expect(data.moduleRequestCreate.userErrors).toEqual([]);
  return data.moduleRequestCreate.moduleRequest.id as string;
}

async function comment(account: Account, id: string, body: string) {
  const { data } = await api.gql(COMMENT, { input: { id, body } }, { token: await token(account) });
  expect(data.moduleRequestComment.userErrors).toEqual([]);
}

beforeAll(async () => {
  api = await startTestApi({ listen: true });
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await api?.close();
});

describe('a new module request and the customer comments', () => {
  it("alerts the customer's implementation and care staff, in the app and by email, in their language", async () => {
    const before = { impl: (await inbox('impl')).totalCount, engineer: (await inbox('engineer')).totalCount };
    const id = await newRequest('Báo cáo thất thoát nước theo tuyến');
    const impl = await inbox('impl');
    expect(impl.totalCount).toBe(before.impl + 1);
    expect(impl.alerts[0]).toMatchObject({
      kind: 'MODULE_REQUEST_CREATED',
      read: false,
      customer: { code: 'HANOI-WATER' },
      moduleRequest: { id, title: 'Báo cáo thất thoát nước theo tuyến' },
    });
    expect(impl.alerts[0]!.title).toContain('Yêu cầu mới từ');
    expect((await inbox('care')).alerts[0]).toMatchObject({ kind: 'MODULE_REQUEST_CREATED', moduleRequest: { id } });
    // Not the account team: the engineer and the administrator hear nothing.
    expect((await inbox('engineer')).totalCount).toBe(before.engineer);

    const emails = await api.db.prisma.emailMessage.findMany({
      where: { sourceKey: `module-request:${rawId(id)}` },
      orderBy: { to: 'asc' },
    });
    expect(emails.map((e) => e.to)).toEqual([ACCOUNTS.care, ACCOUNTS.impl]);
    expect(emails[0]!.subject).toMatch(/^\[Cảnh báo khách hàng\] Yêu cầu mới từ/);
    expect(emails[0]!.textBody).toContain('Báo cáo thất thoát nước theo tuyến');
  });

  it('writes in English for a staff member who reads English, and skips one who wants no email', async () => {
    const prisma = api.db.prisma;
    await prisma.user.update({ where: { email: ACCOUNTS.care }, data: { locale: 'EN' } });
    await prisma.user.update({ where: { email: ACCOUNTS.impl }, data: { emailNotifications: false } });
    try {
      const id = await newRequest('Tra cứu lịch sử đồng hồ');
      expect((await inbox('care')).alerts[0]!.title).toMatch(/^New request from .*: Tra cứu lịch sử đồng hồ$/);
      expect((await inbox('impl')).alerts[0]!.title).toMatch(/^Yêu cầu mới từ/);
      const emails = await prisma.emailMessage.findMany({ where: { sourceKey: `module-request:${rawId(id)}` } });
      expect(emails).toMatchObject([{ to: ACCOUNTS.care, locale: 'EN' }]);
    } finally {
      await prisma.user.update({ where: { email: ACCOUNTS.care }, data: { locale: 'VI' } });
      await prisma.user.update({ where: { email: ACCOUNTS.impl }, data: { emailNotifications: true } });
    }
  });

  it("alerts on a customer's comment, never on staff's own", async () => {
    const id = await newRequest('Hóa đơn điện tử theo kỳ');
    const before = (await inbox('impl')).totalCount;
    await comment('hanoiUser', id, 'Xin lịch tư vấn vào thứ Năm.');
    const after = await inbox('impl');
    expect(after.totalCount).toBe(before + 1);
    expect(after.alerts[0]).toMatchObject({ kind: 'CUSTOMER_COMMENT', moduleRequest: { id } });
    expect(after.alerts[0]!.body).toContain('Xin lịch tư vấn vào thứ Năm.');
    await comment('care', id, 'Đã hẹn thứ Năm 9 giờ.');
    expect((await inbox('impl')).totalCount).toBe(before + 1);
  });

  it('writes nothing when the request is refused (same transaction)', async () => {
    const before = await api.db.prisma.staffAlert.count();
    const { data } = await api.gql(
      CREATE,
      { input: { kind: 'EXTENSION', title: '', description: '' } },
      { token: await token('hanoiAdmin') },
    );
    expect(data.moduleRequestCreate.userErrors).not.toEqual([]);
    expect(await api.db.prisma.staffAlert.count()).toBe(before);
  });
});

describe('overdue acknowledgements and failed deliveries', () => {
  it('escalates an overdue acknowledgement to the account team as an alert and an email', async () => {
    const prisma = api.db.prisma;
    // A published notice of HANOI-WATER whose acknowledgement deadline has passed without one.
    const escalated = await prisma.notice.findFirstOrThrow({
      where: { customer: { code: 'HANOI-WATER' }, publishedAt: { not: null }, supersededAt: null },
    });
    await prisma.acknowledgement.deleteMany({ where: { noticeId: escalated.id } });
    await prisma.notice.update({
      where: { id: escalated.id },
      data: { requiresAcknowledgement: true, acknowledgeBy: new Date(NOW.getTime() - 3600_000), escalatedAt: null },
    });
    await escalateOverdue({ prisma, now: NOW });
    const alerts = await api.db.prisma.staffAlert.findMany({ where: { noticeId: escalated.id } });
    expect(alerts.map((a) => a.kind)).toEqual(['ACKNOWLEDGEMENT_OVERDUE', 'ACKNOWLEDGEMENT_OVERDUE']);
    expect(alerts.every((a) => a.title.includes(escalated.title))).toBe(true);
    const emails = await api.db.prisma.emailMessage.findMany({ where: { sourceKey: `escalation:${escalated.id}` } });
    expect(emails.map((e) => e.to).sort()).toEqual([ACCOUNTS.care, ACCOUNTS.impl]);
  });

  it('alerts when a delivery is given up after its last retry, not before and not twice', async () => {
    const prisma = api.db.prisma;
    const notice = await prisma.notice.findFirstOrThrow({
      where: { customer: { code: 'HANOI-WATER' }, publishedAt: { not: null } },
    });
    // No other delivery is due in this run.
    await prisma.delivery.updateMany({ where: { status: { in: ['PENDING', 'FAILED'] } }, data: { status: 'SENT' } });
    const delivery = await prisma.delivery.create({
      data: {
        noticeId: notice.id,
        channel: 'EMAIL',
        recipient: 'ke.toan@hanoi-water.example',
        status: 'FAILED',
        attempts: MAX_DELIVERY_ATTEMPTS - 2,
        nextAttemptAt: NOW,
      },
    });
    const email: EmailTransport = { send: () => Promise.reject(new Error('550 mailbox unavailable')) };
    const webhook = { send: () => Promise.reject(new Error('unused')) };
    const alertsOf = () => prisma.staffAlert.findMany({ where: { sourceKey: `delivery-abandoned:${delivery.id}` } });

    expect(await deliverDue({ prisma, email, webhook, now: NOW })).toMatchObject({ failed: 1, abandoned: 0 });
    expect(await alertsOf()).toEqual([]);
    const later = new Date(NOW.getTime() + 24 * 3600_000);
    expect(await deliverDue({ prisma, email, webhook, now: later })).toMatchObject({ abandoned: 1 });
    const alerts = await alertsOf();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ kind: 'DELIVERY_FAILED', noticeId: notice.id, customerId: notice.customerId });
    expect(alerts[0]!.body).toContain('ke.toan@hanoi-water.example');
    expect(alerts[0]!.body).toContain('550 mailbox unavailable');
    expect(await deliverDue({ prisma, email, webhook, now: later })).toMatchObject({ claimed: 0 });
    expect(await alertsOf()).toHaveLength(2);
  });

  it('is one call for a new kind of event (counter-proposals), idempotent per source', async () => {
    const prisma = api.db.prisma;
    const upgrade = await prisma.upgrade.findFirstOrThrow({
      where: { targets: { some: { customer: { code: 'HANOI-WATER' } } } },
    });
    const customer = await prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const raise = () =>
      prisma.$transaction((tx) =>
        alertAccountTeam(tx, {
          customerId: customer.id,
          sourceKey: `counter-proposal:test-${upgrade.id}`,
          at: NOW,
          upgradeId: upgrade.id,
          event: {
            kind: 'COUNTER_PROPOSAL',
            by: 'Nguyễn Thị Lan',
            upgradeTitle: upgrade.title,
            proposedStart: new Date('2026-12-19T12:00:00Z'),
            proposedEnd: new Date('2026-12-19T14:00:00Z'),
            reason: 'Khóa sổ cuối tháng',
          },
        }),
      );
    expect(await raise()).toHaveLength(2);
    expect(await raise()).toEqual([]);
    const alert = (await inbox('care')).alerts.find((a: AlertNode) => a.kind === 'COUNTER_PROPOSAL')!;
    expect(alert.title).toContain(upgrade.title);
    expect(alert.body).toContain('Khóa sổ cuối tháng');
  });
});

describe('the inbox', () => {
  it('lists only the viewer own alerts, newest first, unread ones on demand', async () => {
    const care = await inbox('care');
    const careIds = await api.db.prisma.staffAlert.findMany({
      where: { user: { email: ACCOUNTS.care } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(care.alerts.map((a: AlertNode) => rawId(a.id))).toEqual(careIds.map((a) => a.id).slice(0, 100));
    const impl = await inbox('impl');
    const implIds = new Set(impl.alerts.map((a: AlertNode) => a.id));
    expect(care.alerts.some((a: AlertNode) => implIds.has(a.id))).toBe(false);
    // The administrator is on no team here: an empty inbox, not everyone's.
    expect((await inbox('admin')).totalCount).toBe(0);
  });

  it('marks some read, then all, and counts what is left', async () => {
    await newRequest('Theo dõi công nợ theo khu vực');
    const before = await inbox('impl', { first: 2, unreadOnly: true });
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const [first, second] = before.alerts;
    const { data } = await api.gql(
      MARK_READ,
      { input: { ids: [first!.id, second!.id] } },
      { token: await token('impl') },
    );
    expect(data.staffAlertMarkRead).toMatchObject({
      markedCount: 2,
      unreadCount: before.unreadCount - 2,
      userErrors: [],
    });
    expect(data.staffAlertMarkRead.staffAlerts.map((a: { read: boolean }) => a.read)).toEqual([true, true]);
    const unread = await inbox('impl', { first: 100, unreadOnly: true });
    expect(unread.alerts.map((a: AlertNode) => a.id)).not.toContain(first!.id);
    // Marking again changes nothing and keeps the first read time.
    const readAt = (await api.db.prisma.staffAlert.findUniqueOrThrow({ where: { id: rawId(first!.id) } })).readAt;
    const again = await api.gql(MARK_READ, { input: { ids: [first!.id] } }, { token: await token('impl') });
    expect(again.data.staffAlertMarkRead.markedCount).toBe(0);
    expect((await api.db.prisma.staffAlert.findUniqueOrThrow({ where: { id: rawId(first!.id) } })).readAt).toEqual(
      readAt,
    );

    const all = await api.gql(MARK_READ, { input: { all: true } }, { token: await token('impl') });
    expect(all.data.staffAlertMarkRead).toMatchObject({
      markedCount: unread.unreadCount,
      unreadCount: 0,
      staffAlerts: [],
    });
    expect((await inbox('impl', { first: 10, unreadOnly: true })).totalCount).toBe(0);
    // The care member's alerts were not touched.
    expect((await inbox('care')).unreadCount).toBeGreaterThan(0);
  });

  it("refuses bad input with user errors, and another member's alert is not found", async () => {
    const careAlert = (await inbox('care')).alerts[0]!;
    const implToken = await token('impl');
    for (const input of [{}, { ids: [careAlert.id], all: true }, { ids: [] }]) {
      const { data } = await api.gql(MARK_READ, { input }, { token: implToken });
      expect(data.staffAlertMarkRead.userErrors, JSON.stringify(input)).toMatchObject([
        { code: 'INVALID_INPUT', field: ['input', 'ids'] },
      ]);
    }
    const forged = globalId('StaffAlert', '00000000-0000-7000-8000-000000000000');
    const { data } = await api.gql(MARK_READ, { input: { ids: [forged, careAlert.id] } }, { token: implToken });
    expect(data.staffAlertMarkRead).toMatchObject({
      markedCount: 0,
      userErrors: [
        { code: 'NOT_FOUND', field: ['input', 'ids', '0'] },
        { code: 'NOT_FOUND', field: ['input', 'ids', '1'] },
      ],
    });
    expect(
      (await api.db.prisma.staffAlert.findUniqueOrThrow({ where: { id: rawId(careAlert.id) } })).readAt,
    ).toBeNull();
    // Nor can another member read it by id.
    const node = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id: careAlert.id }, { token: implToken });
    expect(node.data.node).toBeNull();
  });

  it("puts the viewer's unread count on the viewer (the console's navigation), nobody else's", async () => {
    const VIEWER = '{ viewer { id unreadStaffAlertCount } }';
    const care = await api.gql(VIEWER, {}, { token: await token('care') });
    const unread = (await inbox('care')).unreadCount;
    expect(unread).toBeGreaterThan(0);
    expect(care.data.viewer.unreadStaffAlertCount).toBe(unread);
    // Another staff member reading care's user gets nothing; a customer has no inbox.
    const other = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on User { unreadStaffAlertCount } } }',
      { id: care.data.viewer.id },
      { token: await token('impl') },
    );
    expect(other.errors).toBeUndefined();
    expect(other.data.node.unreadStaffAlertCount).toBeNull();
    const customer = await api.gql(VIEWER, {}, { token: await token('hanoiAdmin') });
    expect(customer.data.viewer.unreadStaffAlertCount).toBeNull();
  });

  it('is for vendor staff only', async () => {
    const careAlert = (await inbox('care')).alerts[0]!;
    for (const account of ['hanoiAdmin', 'hanoiUser', 'saigonAdmin'] as const) {
      const list = await api.gql(INBOX, { first: 5 }, { token: await token(account) });
      expect(list.errors?.[0]?.extensions?.code, account).toBe('FORBIDDEN');
      const mark = await api.gql(MARK_READ, { input: { all: true } }, { token: await token(account) });
      expect(mark.errors?.[0]?.extensions?.code, account).toBe('FORBIDDEN');
      const node = await api.gql(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: careAlert.id },
        {
          token: await token(account),
        },
      );
      expect(node.data.node, account).toBeNull();
    }
    expect((await api.gql(INBOX, { first: 5 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('staffAlertRaised over server-sent events', () => {
  const SUBSCRIPTION = 'subscription { staffAlertRaised { id kind title customer { code } moduleRequest { id } } }';

  it("delivers the viewer's new alerts live, and nobody else's", async () => {
    const stream = await openEventStream(api.origin!, { query: SUBSCRIPTION }, await token('care'));
    streams.push(stream);
    expect(stream.response.status).toBe(200);
    const id = await newRequest('Cảnh báo trực tiếp');
    // The server attaches its listener shortly after answering: comment until an alert arrives.
    for (let attempt = 0; ; attempt++) {
      await comment('hanoiUser', id, `Đánh dấu ${attempt}`);
      if (await stream.next(300).then((m) => m !== null)) break;
      if (attempt > 30) throw new Error('the subscription never started listening');
    }
    for (;;) if ((await stream.next(300)) === null) break;

    // Another member's alert announced on this member's topic (forged) is not delivered.
    const implAlert = await api.db.prisma.staffAlert.findFirstOrThrow({ where: { user: { email: ACCOUNTS.impl } } });
    const care = await api.db.prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.care } });
    api.events.publish('staffAlertRaised', care.id, { alertId: implAlert.id });
    await comment('hanoiUser', id, 'Lần cuối');
    const message = await stream.next(5000);
    expect(message?.data?.errors).toBeUndefined();
    expect(message?.data?.data).toEqual({
      staffAlertRaised: {
        id: expect.any(String),
        kind: 'CUSTOMER_COMMENT',
        title: expect.stringContaining('bình luận'),
        customer: { code: 'HANOI-WATER' },
        moduleRequest: { id },
      },
    });
    const alert = await api.db.prisma.staffAlert.findUniqueOrThrow({
      where: { id: rawId(message!.data!.data!.staffAlertRaised.id) },
    });
    expect(alert.userId).toBe(care.id);
  });

  it('refuses customers', async () => {
    const stream = await openEventStream(api.origin!, { query: SUBSCRIPTION }, await token('hanoiAdmin'));
    streams.push(stream);
    const message = await stream.next(5000);
    expect(message?.data?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
