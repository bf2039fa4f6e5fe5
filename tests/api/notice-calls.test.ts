// "Called the customer": the account team records a call about a notice awaiting its
// acknowledgement; the call is on the notice's timeline for every member of staff and for no
// customer. And where a customer's window proposal stands, as staff and the customer read it.
import { CALL_NOTE_MAX } from '@upgrade-desk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const iso = (date: Date) => date.toISOString();

const RECORD = `mutation ($input: NoticeCallRecordInput!) {
  noticeCallRecord(input: $input) {
    call { id note at caller { name } notice { id } customer { code } }
    userErrors { code field }
  }
}`;
const CALLS = `query ($id: ID!) { node(id: $id) { ... on Notice { calls { id note at caller { name } } } } }`;

/** An overdue notice of a customer care looks after, and one of a customer it does not. */
let mine: { id: string; customerId: string };
let notMine: { id: string };
let careName: string;

async function overdueNotice(where: object) {
  const notice = await api.db.prisma.notice.findFirstOrThrow({
    where: {
      requiresAcknowledgement: true,
      acknowledgement: { is: null },
      acknowledgeBy: { lt: NOW },
      publishedAt: { not: null },
      supersededAt: null,
      awaitingRelease: false,
      ...where,
    },
    orderBy: { id: 'asc' },
    select: { id: true, customerId: true },
  });
  return { id: globalId('Notice', notice.id), customerId: notice.customerId };
}

const record = async (email: string, noticeId: string, note: string) =>
  api.gql(RECORD, { input: { noticeId, note } }, { token: await api.login(email) });

beforeAll(async () => {
  api = await startTestApi();
  const care = await api.db.prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.care } });
  careName = care.name;
  mine = await overdueNotice({ customer: { staffAssignments: { some: { userId: care.id } } } });
  notMine = await overdueNotice({ customer: { staffAssignments: { none: { userId: care.id } } } });
});

afterAll(() => api.close());

describe('recording a call about a notice awaiting its acknowledgement', () => {
  it('is on the notice’s timeline for staff, with the caller, the note and the time', async () => {
    const result = await record(ACCOUNTS.care, mine.id, '  Đã gọi kế toán trưởng, sẽ xác nhận trong hôm nay.  ');
    expect(result.errors).toBeUndefined();
    expect(result.data.noticeCallRecord.userErrors).toEqual([]);
    expect(result.data.noticeCallRecord.call).toMatchObject({
      note: 'Đã gọi kế toán trưởng, sẽ xác nhận trong hôm nay.',
      at: iso(NOW),
      caller: { name: careName },
      notice: { id: mine.id },
    });
    await record(ACCOUNTS.care, mine.id, 'Gọi lại lần hai');
    for (const email of [ACCOUNTS.engineer, ACCOUNTS.impl, ACCOUNTS.admin]) {
      const { data } = await api.gql(CALLS, { id: mine.id }, { token: await api.login(email) });
      expect(data.node.calls.map((call: { note: string }) => call.note)).toEqual([
        'Đã gọi kế toán trưởng, sẽ xác nhận trong hôm nay.',
        'Gọi lại lần hai',
      ]);
    }
    const audited = await api.db.prisma.auditLog.count({ where: { action: 'notice.callRecord' } });
    expect(audited).toBe(2);
  });

  it('is the vendor’s own record: the customer called reads neither the calls nor a call by its id', async () => {
    const customer = await api.db.prisma.user.findFirstOrThrow({
      where: { customerId: mine.customerId, role: 'CUSTOMER_ADMIN', disabledAt: null },
    });
    const token = await api.login(customer.email);
    const calls = await api.gql(CALLS, { id: mine.id }, { token });
    expect(calls.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(calls)).not.toContain('kế toán trưởng');
    const call = await api.db.prisma.noticeCall.findFirstOrThrow({ where: { customerId: mine.customerId } });
    const byId = await api.gql(`{ node(id: "${globalId('NoticeCall', call.id)}") { id } }`, {}, { token });
    expect(byId.data.node).toBeNull();
  });

  it('is for the customer’s account team and admins only', async () => {
    const outsider = await record(ACCOUNTS.care, notMine.id, 'Không phải khách hàng của tôi');
    expect(outsider.data.noticeCallRecord).toEqual({
      call: null,
      userErrors: [{ code: 'FORBIDDEN', field: ['input', 'noticeId'] }],
    });
    const admin = await record(ACCOUNTS.admin, notMine.id, 'Quản trị gọi thay');
    expect(admin.data.noticeCallRecord.userErrors).toEqual([]);
    for (const email of [ACCOUNTS.engineer, ACCOUNTS.hanoiAdmin, ACCOUNTS.hanoiUser]) {
      const refused = await record(email, mine.id, 'x');
      expect(refused.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
      expect(refused.data?.noticeCallRecord ?? null).toBeNull();
    }
    expect(await api.db.prisma.noticeCall.count({ where: { note: 'x' } })).toBe(0);
  });

  it('keeps the note short, and not empty', async () => {
    const atLimit = 'a'.repeat(CALL_NOTE_MAX);
    expect((await record(ACCOUNTS.care, mine.id, atLimit)).data.noticeCallRecord.userErrors).toEqual([]);
    for (const note of [`${atLimit}b`, '   ']) {
      const refused = await record(ACCOUNTS.care, mine.id, note);
      expect(refused.data.noticeCallRecord).toEqual({
        call: null,
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'note'] }],
      });
    }
    expect(await api.db.prisma.noticeCall.count({ where: { note: `${atLimit}b` } })).toBe(0);
  });

  it('needs a published notice that asks for an acknowledgement', async () => {
    const pending = await api.db.prisma.notice.findFirstOrThrow({
      where: { publishedAt: null, supersededAt: null, requiresAcknowledgement: true },
    });
    const informative = await api.db.prisma.notice.findFirstOrThrow({
      where: { publishedAt: { not: null }, requiresAcknowledgement: false },
    });
    for (const id of [pending.id, informative.id]) {
      const refused = await record(ACCOUNTS.admin, globalId('Notice', id), 'Gọi nhầm');
      expect(refused.data.noticeCallRecord.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'noticeId'] }]);
    }
  });
});

describe("a customer's window proposal", () => {
  it('is OPEN for staff on the customer until its window is given, then ACCEPTED; the customer reads the same', async () => {
    const hanoi = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const announced = await api.db.prisma.notice.findFirstOrThrow({
      where: {
        customerId: hanoi.id,
        stage: 'ANNOUNCEMENT',
        publishedAt: { not: null },
        supersededAt: null,
        upgrade: { kind: 'FEATURE', status: { in: ['SCHEDULED', 'SANDBOX', 'READY'] }, windowStart: { gt: NOW } },
      },
      select: { upgrade: { select: { id: true, windowStart: true, windowEnd: true } } },
    });
    const upgradeId = globalId('Upgrade', announced.upgrade.id);
    const start = new Date(announced.upgrade.windowStart.getTime() + 7 * 24 * 3600_000);
    const end = new Date(start.getTime() + 2 * 3600_000);
    const hanoiAdmin = await api.login(ACCOUNTS.hanoiAdmin);
    const proposed = await api.gql(
      `mutation ($input: UpgradeWindowProposeInput!) {
        upgradeWindowPropose(input: $input) { windowProposal { id state } userErrors { code field } }
      }`,
      { input: { upgradeId, windowStart: iso(start), windowEnd: iso(end), reason: 'Kiểm kê kho' } },
      { token: hanoiAdmin },
    );
    expect(proposed.data.upgradeWindowPropose).toMatchObject({ userErrors: [], windowProposal: { state: 'OPEN' } });

    const onCustomer = async (token: string) =>
      (
        await api.gql(
          `{ node(id: "${globalId('Customer', hanoi.id)}") { ... on Customer { windowProposals { reason state upgrade { id } } } } }`,
          {},
          { token },
        )
      ).data.node.windowProposals;
    const engineer = await api.login(ACCOUNTS.engineer);
    expect(await onCustomer(await api.login(ACCOUNTS.care))).toContainEqual({
      reason: 'Kiểm kê kho',
      state: 'OPEN',
      upgrade: { id: upgradeId },
    });

    const moved = await api.gql(
      `mutation ($input: UpgradeTargetRescheduleInput!) { upgradeTargetReschedule(input: $input) { userErrors { code message } } }`,
      {
        input: {
          id: upgradeId,
          customerId: globalId('Customer', hanoi.id),
          windowStart: iso(start),
          windowEnd: iso(end),
          reason: 'Theo đề xuất của khách hàng',
        },
      },
      { token: engineer },
    );
    expect(moved.data.upgradeTargetReschedule.userErrors, JSON.stringify(moved)).toEqual([]);
    for (const token of [engineer, hanoiAdmin]) {
      expect(await onCustomer(token)).toContainEqual({
        reason: 'Kiểm kê kho',
        state: 'ACCEPTED',
        upgrade: { id: upgradeId },
      });
    }
    const otherCustomer = await api.gql(
      `{ node(id: "${globalId('Customer', hanoi.id)}") { id } }`,
      {},
      { token: await api.login(ACCOUNTS.saigonAdmin) },
    );
    expect(otherCustomer.data.node).toBeNull();
  });
});
