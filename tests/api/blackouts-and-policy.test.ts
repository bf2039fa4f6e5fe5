// Blackout windows, the policy editor, and escalation of overdue acknowledgements: every role, every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../apps/api/src/notices/escalation.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
let api: TestApi;

const CREATE = `mutation ($input: BlackoutWindowCreateInput!) {
  blackoutWindowCreate(input: $input) { blackoutWindow { id reason startsAt endsAt customer { code } } userErrors { code field } }
}`;
const DELETE =
  'mutation ($id: ID!) { blackoutWindowDelete(input: { id: $id }) { deletedId userErrors { code field } } }';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('blackout windows', () => {
  it('a customer admin adds one to its own customer and deletes it', async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const { data } = await api.gql(
      CREATE,
      { input: { reason: '  Quyết toán thuế  ', startsAt: at(10), endsAt: at(12) } },
      { token },
    );
    expect(data.blackoutWindowCreate.userErrors).toEqual([]);
    expect(data.blackoutWindowCreate.blackoutWindow).toMatchObject({
      reason: 'Quyết toán thuế',
      customer: { code: 'HANOI-WATER' },
    });
    const id = data.blackoutWindowCreate.blackoutWindow.id;

    const foreign = await api.gql(DELETE, { id }, { token: await api.login(ACCOUNTS.saigonAdmin) });
    expect(foreign.data.blackoutWindowDelete).toEqual({
      deletedId: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }],
    });
    const own = await api.gql(DELETE, { id }, { token });
    expect(own.data.blackoutWindowDelete).toEqual({ deletedId: id, userErrors: [] });
    const again = await api.gql(DELETE, { id }, { token });
    expect(again.data.blackoutWindowDelete.userErrors[0].code).toBe('NOT_FOUND');
  });

  it.each([
    ['ends before it starts', { reason: 'x', startsAt: at(10), endsAt: at(9) }, ['input', 'endsAt']],
    ['longer than a year', { reason: 'x', startsAt: at(10), endsAt: at(10 + 367) }, ['input', 'endsAt']],
    ['starts in the past', { reason: 'x', startsAt: at(-2), endsAt: at(3) }, ['input', 'startsAt']],
    ['has no reason', { reason: '   ', startsAt: at(10), endsAt: at(11) }, ['input', 'reason']],
  ])('refuses a window that %s with INVALID_INPUT', async (_case, input, field) => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const { data } = await api.gql(CREATE, { input }, { token });
    expect(data.blackoutWindowCreate).toEqual({ blackoutWindow: null, userErrors: [{ code: 'INVALID_INPUT', field }] });
  });

  it('refuses customer users and vendor staff', async () => {
    for (const email of [ACCOUNTS.hanoiUser, ACCOUNTS.engineer, ACCOUNTS.admin]) {
      const result = await api.gql(
        CREATE,
        { input: { reason: 'x', startsAt: at(10), endsAt: at(11) } },
        { token: await api.login(email) },
      );
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
  });
});

describe('the notice policy', () => {
  const UPDATE = `mutation ($input: NoticePolicyUpdateInput!) {
    noticePolicyUpdate(input: $input) { policy { kind announcementLeadDays } userErrors { code field } }
  }`;

  it('staff read it; only an admin changes it, within 10-20 days', async () => {
    const engineer = await api.login(ACCOUNTS.engineer);
    const { data } = await api.gql(
      '{ noticePolicies { kind announcementLeadDays minimumNoticeHours imminentLeadMinutes } }',
      {},
      { token: engineer },
    );
    expect(data.noticePolicies).toEqual(
      expect.arrayContaining([
        { kind: 'FEATURE', announcementLeadDays: 14, minimumNoticeHours: 240, imminentLeadMinutes: null },
        { kind: 'SERVER', announcementLeadDays: null, minimumNoticeHours: 24, imminentLeadMinutes: 30 },
      ]),
    );
    const refused = await api.gql(
      UPDATE,
      { input: { kind: 'FEATURE', announcementLeadDays: 15 } },
      { token: engineer },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await api.login(ACCOUNTS.admin);
    const tooEarly = await api.gql(UPDATE, { input: { kind: 'FEATURE', announcementLeadDays: 21 } }, { token: admin });
    expect(tooEarly.data.noticePolicyUpdate.userErrors).toContainEqual({
      code: 'INVALID_INPUT',
      field: ['input', 'announcementLeadDays'],
    });
    const ok = await api.gql(UPDATE, { input: { kind: 'FEATURE', announcementLeadDays: 15 } }, { token: admin });
    expect(ok.data.noticePolicyUpdate).toEqual({
      policy: { kind: 'FEATURE', announcementLeadDays: 15 },
      userErrors: [],
    });
    expect(await api.db.prisma.auditLog.count({ where: { action: 'noticePolicy.update', at: NOW } })).toBe(1);
  });

  const PREVIEW = `query ($input: NoticePolicyUpdateInput!) {
    noticePolicyPreview(input: $input) {
      preview {
        policy { kind reminderLeadHours }
        standingUpgrades affectedUpgrades
        upgrades { upgrade { id kind } replanned shiftCount shifts { customer { id } stage from to } warningsGained warningsLost }
      }
      userErrors { code field }
    }
  }`;
  const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] ?? '';
  const standingReminders = () =>
    api.db.prisma.notice.findMany({
      where: { stage: 'REMINDER', publishedAt: null, supersededAt: null, upgrade: { kind: 'FEATURE' } },
      select: { upgradeId: true, customerId: true, scheduledFor: true },
      orderBy: [{ upgradeId: 'asc' }, { customerId: 'asc' }],
    });

  it('an admin previews what a change does to the standing plans, then saving does exactly that', async () => {
    const admin = await api.login(ACCOUNTS.admin);
    const before = await standingReminders();
    expect(before.length).toBeGreaterThan(0);

    const { data } = await api.gql(PREVIEW, { input: { kind: 'FEATURE', reminderLeadHours: 72 } }, { token: admin });
    const { preview, userErrors } = data.noticePolicyPreview;
    expect(userErrors).toEqual([]);
    expect(preview.policy).toEqual({ kind: 'FEATURE', reminderLeadHours: 72 });
    expect(preview.affectedUpgrades).toBeGreaterThan(0);
    expect(preview.standingUpgrades).toBeGreaterThanOrEqual(preview.affectedUpgrades);
    const shifts = preview.upgrades.flatMap(
      (u: { upgrade: { id: string; kind: string }; replanned: boolean; shifts: { customer: { id: string } }[] }) => {
        expect(u.upgrade.kind).toBe('FEATURE');
        expect(u.replanned).toBe(true);
        return u.shifts.map((s) => ({ ...s, upgradeId: rawId(u.upgrade.id), customerId: rawId(s.customer.id) }));
      },
    );
    // Every pending reminder moves one day earlier: 72 hours before the window instead of 48.
    const moved = shifts.filter(
      (s: { stage: string; from: string | null; to: string | null }) => s.stage === 'REMINDER',
    );
    expect(moved).toHaveLength(before.length);
    for (const shift of moved) expect(Date.parse(shift.from) - Date.parse(shift.to)).toBe(86_400_000);
    // A preview writes nothing.
    expect(await standingReminders()).toEqual(before);

    const saved = await api.gql(UPDATE, { input: { kind: 'FEATURE', reminderLeadHours: 72 } }, { token: admin });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.noticePolicyUpdate.userErrors).toEqual([]);
    const after = await standingReminders();
    expect(after.map((n) => [n.upgradeId, n.customerId, n.scheduledFor.toISOString()]).sort()).toEqual(
      moved.map((s: { upgradeId: string; customerId: string; to: string }) => [s.upgradeId, s.customerId, s.to]).sort(),
    );
    // Saved: the same edit now changes nothing.
    const again = await api.gql(PREVIEW, { input: { kind: 'FEATURE', reminderLeadHours: 72 } }, { token: admin });
    expect(again.data.noticePolicyPreview.preview.upgrades.filter((u: { replanned: boolean }) => u.replanned)).toEqual(
      [],
    );
  });

  it('a preview refuses what saving would refuse; customers cannot ask for one', async () => {
    const admin = await api.login(ACCOUNTS.admin);
    const { data } = await api.gql(PREVIEW, { input: { kind: 'FEATURE', announcementLeadDays: 25 } }, { token: admin });
    expect(data.noticePolicyPreview.preview).toBeNull();
    expect(data.noticePolicyPreview.userErrors).toContainEqual({
      code: 'INVALID_INPUT',
      field: ['input', 'announcementLeadDays'],
    });
    for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.hanoiUser]) {
      const result = await api.gql(PREVIEW, { input: { kind: 'FEATURE' } }, { token: await api.login(email) });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
  });

  it('customers cannot read it', async () => {
    const result = await api.gql('{ noticePolicies { kind } }', {}, { token: await api.login(ACCOUNTS.hanoiAdmin) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('overdue acknowledgements', () => {
  it('staff see them; escalation emails the assigned implementation and care staff once', async () => {
    const care = await api.login(ACCOUNTS.care);
    const { data } = await api.gql(
      '{ overdueAcknowledgements(first: 50) { totalCount edges { node { id acknowledgeBy customer { code } } } } }',
      {},
      { token: care },
    );
    expect(data.overdueAcknowledgements.totalCount).toBeGreaterThan(0);
    for (const { node } of data.overdueAcknowledgements.edges)
      expect(new Date(node.acknowledgeBy).getTime()).toBeLessThan(NOW.getTime());

    const escalated = await escalateOverdue({ prisma: api.db.prisma, now: NOW });
    expect(escalated).toBeGreaterThan(0);
    expect(await escalateOverdue({ prisma: api.db.prisma, now: NOW })).toBe(0);
    const emails = await api.db.prisma.emailMessage.findMany({ where: { sourceKey: { startsWith: 'escalation:' } } });
    expect(emails.length).toBeGreaterThan(0);
    const staffEmails = new Set(
      (
        await api.db.prisma.user.findMany({
          where: { role: { in: ['IMPLEMENTATION', 'CUSTOMER_CARE'] } },
          select: { email: true },
        })
      ).map((u) => u.email),
    );
    for (const email of emails) expect(staffEmails.has(email.to)).toBe(true);

    const customer = await api.gql(
      '{ overdueAcknowledgements(first: 5) { totalCount } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiAdmin) },
    );
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
