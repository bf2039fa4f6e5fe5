// Upgrades as drafts, previewed before anything is sent: the draft's per-customer notice plan is
// what the dispatcher later publishes, edits and per-customer windows replan only what they should,
// and completing an upgrade moves every target's installed module to the target version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../apps/api/src/notices/dispatcher.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (d: Date) => d.toISOString();
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/** 19:00 in Hà Nội, `days` after the test clock's day. */
const hanoiEvening = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 12, 0));

let api: TestApi;
let admin: string;
let engineer: string;
let care: string;
let hanoiAdmin: string;
let hanoiUser: string;
let saigonAdmin: string;
let moduleId: string;
/** Database ids of HANOI-WATER, SAIGON-GARMENT and KESSLER-VIETNAM (Europe/Berlin, English). */
let customers: { hanoi: string; saigon: string; kessler: string };

const PLAN_FIELDS = `customer { code } timeZone locale windowStart windowEnd windowLocal warnings eventChannels
  notices { stage state scheduledFor scheduledForLocal channels recipients locale title body requiresAcknowledgement acknowledgeBy }`;

const CREATE = `mutation ($input: UpgradeCreateInput!) {
  upgradeCreate(input: $input) {
    upgrade { id status title summary changes titleEn changesVi moduleVersions { module { id } fromVersion targetVersion } noticePlan(first: 10) { ${PLAN_FIELDS} } }
    userErrors { code field message }
  }
}`;
const UPDATE = `mutation ($input: UpgradeUpdateInput!) {
  upgradeUpdate(input: $input) { upgrade { id status title windowStart summary } userErrors { code field message } }
}`;
const TRANSITION = `mutation ($input: UpgradeTransitionInput!) {
  upgradeTransition(input: $input) { upgrade { id status } userErrors { code field message } }
}`;
const PREVIEW = `query ($input: UpgradeCreateInput!) {
  upgradePlanPreview(input: $input) { plan(first: 10) { ${PLAN_FIELDS} } userErrors { code field message } }
}`;
const TARGET_RESCHEDULE = `mutation ($input: UpgradeTargetRescheduleInput!) {
  upgradeTargetReschedule(input: $input) { upgrade { id } userErrors { code field message } }
}`;
const PROPOSE = `mutation ($input: UpgradeWindowProposeInput!) {
  upgradeWindowPropose(input: $input) { windowProposal { id reason windowStart customer { code } } userErrors { code field message } }
}`;

function form(start: Date, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'FEATURE',
    title: 'Hóa đơn điện tử theo Nghị định 70',
    summary: 'Mẫu hóa đơn mới và ký số từ xa.',
    titleEn: 'E-invoices under Decree 70',
    changesVi: 'Hóa đơn được ký số từ xa; mẫu in mới.',
    changesEn: 'Invoices are signed remotely; a new print layout.',
    moduleIds: [globalId('Module', moduleId)],
    moduleVersions: [{ moduleId: globalId('Module', moduleId), fromVersion: '5.2.0', targetVersion: '6.0.0' }],
    customerIds: [customers.hanoi, customers.saigon, customers.kessler].map((id) => globalId('Customer', id)),
    windowStart: iso(start),
    windowEnd: iso(new Date(start.getTime() + 2 * HOUR)),
    expectedDowntimeMinutes: 15,
    requiresRelogin: true,
    sandboxStart: iso(new Date(NOW.getTime() + DAY)),
    ...overrides,
  };
}

async function create(input: Record<string, unknown>, token = engineer) {
  const result = await api.gql(CREATE, { input }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.upgradeCreate;
}

async function transition(id: string, to: string, token = engineer) {
  const result = await api.gql(TRANSITION, { input: { id, to } }, { token });
  expect(result.errors).toBeUndefined();
  expect(result.data.upgradeTransition.userErrors).toEqual([]);
}

const uuidOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;
const countUpgrades = () => api.db.prisma.upgrade.count();

interface PlanNode {
  customer: { code: string };
  warnings: string[];
  eventChannels: string[];
  windowStart: string;
  notices: {
    stage: string;
    state: string;
    scheduledFor: string;
    title: string;
    body: string;
    channels: string[];
    recipients: string[];
  }[];
}
const planOf = (plan: PlanNode[]) => plan;

beforeAll(async () => {
  api = await startTestApi();
  [admin, engineer, care, hanoiAdmin, hanoiUser, saigonAdmin] = await Promise.all([
    api.login(ACCOUNTS.admin),
    api.login(ACCOUNTS.engineer),
    api.login(ACCOUNTS.care),
    api.login(ACCOUNTS.hanoiAdmin),
    api.login(ACCOUNTS.hanoiUser),
    api.login(ACCOUNTS.saigonAdmin),
  ]);
  const byCode = async (code: string) =>
    (await api.db.prisma.customer.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  customers = {
    hanoi: await byCode('HANOI-WATER'),
    saigon: await byCode('SAIGON-GARMENT'),
    kessler: await byCode('KESSLER-VIETNAM'),
  };
  // A module of the catalog installed at all three (installed here when the demo data does not).
  const module = await api.db.prisma.module.findFirstOrThrow({ orderBy: { sortOrder: 'asc' }, select: { id: true } });
  moduleId = module.id;
  for (const customerId of Object.values(customers)) {
    await api.db.prisma.installedModule.upsert({
      where: { customerId_moduleId: { customerId, moduleId } },
      create: { customerId, moduleId, version: '5.2.0' },
      update: { version: '5.2.0' },
    });
  }
  // The versions the drafts move it to are published first: an upgrade may only target those.
  for (const version of ['6.0.0', '7.0.0']) {
    const published = await api.gql(
      `mutation ($input: ModuleVersionPublishInput!) { moduleVersionPublish(input: $input) { userErrors { code } } }`,
      {
        input: {
          moduleId: globalId('Module', moduleId),
          version,
          releasedAt: iso(NOW),
          notesVi: `Bản ${version}`,
          notesEn: `Release ${version}`,
        },
      },
      { token: admin },
    );
    expect(published.data.moduleVersionPublish.userErrors).toEqual([]);
  }
  await dispatchDue({ prisma: api.db.prisma, now: NOW });
});
afterAll(() => api.close());

describe('drafts', () => {
  it('a draft plans nothing and is invisible to customers; its plan shows each customer in its zone and language', async () => {
    const before = await api.db.prisma.notice.count();
    const payload = await create(form(hanoiEvening(15)));
    expect(payload.userErrors).toEqual([]);
    const upgrade = payload.upgrade;
    expect(upgrade.status).toBe('DRAFT');
    expect(upgrade.changes).toBe('Hóa đơn được ký số từ xa; mẫu in mới.');
    expect(upgrade.moduleVersions).toEqual([
      { module: { id: globalId('Module', moduleId) }, fromVersion: '5.2.0', targetVersion: '6.0.0' },
    ]);
    expect(await api.db.prisma.notice.count()).toBe(before);

    const plan = planOf(upgrade.noticePlan);
    expect(plan.map((p) => p.customer.code).sort()).toEqual(['HANOI-WATER', 'KESSLER-VIETNAM', 'SAIGON-GARMENT']);
    const kessler = plan.find((p) => p.customer.code === 'KESSLER-VIETNAM')!;
    const hanoi = plan.find((p) => p.customer.code === 'HANOI-WATER')!;
    // 19:00 in Hà Nội is 13:00 in Berlin: outside the quiet hours there only.
    expect(kessler.warnings).toEqual(['OUTSIDE_QUIET_HOURS']);
    expect(hanoi.warnings).toEqual([]);
    expect(kessler.notices.map((n) => n.stage)).toEqual(['ANNOUNCEMENT', 'REMINDER', 'FINAL_REMINDER']);
    expect(kessler.notices.every((n) => n.state === 'PENDING')).toBe(true);
    expect(kessler.notices[0]).toMatchObject({
      scheduledFor: iso(NOW),
      locale: 'EN',
      title: 'Upgrade planned: E-invoices under Decree 70',
      scheduledForLocal: expect.stringContaining('(GMT+1)'),
    });
    expect(kessler.notices[0]!.body).toContain('What changes:\nInvoices are signed remotely; a new print layout.');
    expect(kessler.notices[0]!.body).toContain('13:00');
    expect(kessler.notices[0]!.channels).toEqual(['IN_APP', 'EMAIL']);
    // What a notice of a change (a move, a cancel) would reach now: the same users.
    expect(kessler.eventChannels).toEqual(['IN_APP', 'EMAIL']);
    expect(kessler.notices[0]!.recipients.length).toBeGreaterThan(0);
    expect(kessler.notices[0]!.recipients.every((r) => r.endsWith('@kessler-vietnam.example'))).toBe(true);
    expect(hanoi.notices[1]).toMatchObject({
      stage: 'REMINDER',
      scheduledFor: iso(new Date(hanoiEvening(15).getTime() - 2 * DAY)),
      title: 'Nhắc lịch nâng cấp: Hóa đơn điện tử theo Nghị định 70',
    });
    expect(hanoi.notices[1]!.body).toContain('Mẫu hóa đơn mới và ký số từ xa.');
    expect(hanoi.notices[1]!.body).toContain('Thứ Tư, 16/12/2026 19:00 – 21:00 (GMT+7)');

    // Customers see neither the draft nor its plan.
    const asCustomer = await api.gql(`{ node(id: "${upgrade.id}") { id } }`, {}, { token: hanoiAdmin });
    expect(asCustomer.data.node).toBeNull();
    const listed = await api.gql(
      '{ upgrades(first: 100, filter: { statuses: [DRAFT] }) { totalCount } }',
      {},
      {
        token: hanoiUser,
      },
    );
    expect(listed.data.upgrades.totalCount).toBe(0);
  });

  it('the unsaved form previews the same plan as the saved draft', async () => {
    const input = form(hanoiEvening(16));
    const preview = await api.gql(PREVIEW, { input }, { token: admin });
    expect(preview.errors).toBeUndefined();
    const saved = await create(input);
    expect(planOf(preview.data.upgradePlanPreview.plan)).toEqual(planOf(saved.upgrade.noticePlan));
  });

  it('what the preview shows is exactly what the dispatcher publishes, per customer and stage', async () => {
    const start = hanoiEvening(17);
    const draft = (await create(form(start))).upgrade;
    const preview = planOf(draft.noticePlan);
    await transition(draft.id, 'SCHEDULED');
    for (const at of [NOW, new Date(start.getTime() - 2 * DAY), new Date(start.getTime() - DAY)]) {
      await dispatchDue({ prisma: api.db.prisma, now: at });
    }
    const published = await api.db.prisma.notice.findMany({
      where: { upgradeId: uuidOf(draft.id), publishedAt: { not: null } },
      select: { customer: { select: { code: true } }, stage: true, title: true, body: true, scheduledFor: true },
    });
    const key = (code: string, stage: string) => `${code}/${stage}`;
    const sent = new Map(published.map((n) => [key(n.customer.code, n.stage), n]));
    const previewed = preview.flatMap((p) => p.notices.map((n) => ({ code: p.customer.code, ...n })));
    expect(previewed).toHaveLength(9);
    expect([...sent.keys()].sort()).toEqual(previewed.map((n) => key(n.code, n.stage)).sort());
    for (const n of previewed) {
      const got = sent.get(key(n.code, n.stage))!;
      expect({ title: got.title, body: got.body, scheduledFor: iso(got.scheduledFor) }).toEqual({
        title: n.title,
        body: n.body,
        scheduledFor: n.scheduledFor,
      });
    }
  });

  it('edited, published and completed: every target runs the target version; a FAILED one leaves versions alone', async () => {
    const draft = (await create(form(hanoiEvening(18)))).upgrade;
    const edited = await api.gql(
      UPDATE,
      {
        input: {
          id: draft.id,
          summary: 'Bản tóm tắt mới.',
          windowStart: iso(hanoiEvening(19)),
          windowEnd: iso(new Date(hanoiEvening(19).getTime() + HOUR)),
        },
      },
      { token: admin },
    );
    expect(edited.data.upgradeUpdate).toMatchObject({
      userErrors: [],
      upgrade: { status: 'DRAFT', summary: 'Bản tóm tắt mới.', windowStart: iso(hanoiEvening(19)) },
    });
    for (const to of ['SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS', 'COMPLETED']) await transition(draft.id, to);
    const versions = await api.db.prisma.installedModule.findMany({
      where: { moduleId, customerId: { in: Object.values(customers) } },
      select: { version: true },
    });
    expect(versions.map((v) => v.version)).toEqual(['6.0.0', '6.0.0', '6.0.0']);
    const seen = await api.gql(
      `{ viewer { customer { installedModules(first: 50) { edges { node { module { id } version } } } } } }`,
      {},
      { token: hanoiUser },
    );
    const installed = seen.data.viewer.customer.installedModules.edges.map(
      (e: { node: { module: { id: string }; version: string } }) => e.node,
    );
    expect(
      installed.find((m: { module: { id: string } }) => m.module.id === globalId('Module', moduleId)).version,
    ).toBe('6.0.0');

    const failing = (
      await create(
        form(hanoiEvening(20), {
          moduleVersions: [{ moduleId: globalId('Module', moduleId), targetVersion: '7.0.0' }],
        }),
      )
    ).upgrade;
    for (const to of ['SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS', 'FAILED']) await transition(failing.id, to);
    const after = await api.db.prisma.installedModule.findMany({
      where: { moduleId, customerId: { in: Object.values(customers) } },
      select: { version: true },
    });
    expect(after.map((v) => v.version)).toEqual(['6.0.0', '6.0.0', '6.0.0']);
  });
});

describe('permissions and bad input change nothing', () => {
  it('customers and customer care may not draft, preview, update or reschedule for a customer', async () => {
    const draft = (await create(form(hanoiEvening(21)))).upgrade;
    const before = await countUpgrades();
    for (const token of [hanoiAdmin, hanoiUser, care]) {
      const attempts = [
        api.gql(CREATE, { input: form(hanoiEvening(21)) }, { token }),
        api.gql(PREVIEW, { input: form(hanoiEvening(21)) }, { token }),
        api.gql(UPDATE, { input: { id: draft.id, title: 'Đổi tên' } }, { token }),
        api.gql(
          TARGET_RESCHEDULE,
          {
            input: {
              id: draft.id,
              customerId: globalId('Customer', customers.hanoi),
              windowStart: iso(hanoiEvening(22)),
              windowEnd: iso(hanoiEvening(23)),
              reason: 'x',
            },
          },
          { token },
        ),
      ];
      for (const result of await Promise.all(attempts)) {
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    for (const token of [hanoiAdmin, hanoiUser]) {
      const plan = await api.gql(
        `{ node(id: "${draft.id}") { ... on Upgrade { noticePlan(first: 1) { timeZone } } } }`,
        {},
        { token },
      );
      expect(plan.data.node).toBeNull();
    }
    expect(await countUpgrades()).toBe(before);
    const unchanged = await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id: uuidOf(draft.id) } });
    expect(unchanged.title).toBe('Hóa đơn điện tử theo Nghị định 70');
  });

  it('refuses a bad window, strays and a published upgrade’s silent move, writing nothing', async () => {
    const before = await countUpgrades();
    const backwards = await create(form(hanoiEvening(22), { windowEnd: iso(hanoiEvening(21)) }));
    expect(backwards).toEqual({
      upgrade: null,
      userErrors: [expect.objectContaining({ code: 'WINDOW_INVALID', field: ['input', 'windowEnd'] })],
    });
    const stray = await create(
      form(hanoiEvening(22), {
        moduleVersions: [{ moduleId: globalId('Module', customers.hanoi), targetVersion: '1' }],
      }),
    );
    expect(stray.userErrors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'moduleVersions', '0', 'moduleId'],
    });
    expect(await countUpgrades()).toBe(before);

    // A draft may be saved with too short a notice; publishing it is refused like upgradeSchedule.
    const short = (await create(form(hanoiEvening(5)))).upgrade;
    const publish = await api.gql(TRANSITION, { input: { id: short.id, to: 'SCHEDULED' } }, { token: engineer });
    expect(publish.data.upgradeTransition.userErrors).toEqual([
      expect.objectContaining({ code: 'NOTICE_PERIOD_TOO_SHORT', field: ['input', 'windowStart'] }),
    ]);
    expect((await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id: uuidOf(short.id) } })).status).toBe('DRAFT');

    const published = (await create(form(hanoiEvening(23)))).upgrade;
    await transition(published.id, 'SCHEDULED');
    const notices = await api.db.prisma.notice.count({ where: { upgradeId: uuidOf(published.id) } });
    const noReason = await api.gql(
      UPDATE,
      {
        input: {
          id: published.id,
          windowStart: iso(hanoiEvening(24)),
          windowEnd: iso(new Date(hanoiEvening(24).getTime() + HOUR)),
        },
      },
      { token: engineer },
    );
    expect(noReason.data.upgradeUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] }),
    ]);
    const targets = await api.gql(
      UPDATE,
      { input: { id: published.id, customerIds: [globalId('Customer', customers.hanoi)] } },
      { token: engineer },
    );
    expect(targets.data.upgradeUpdate.userErrors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'customerIds'],
    });
    const row = await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id: uuidOf(published.id) } });
    expect(iso(row.windowStart)).toBe(iso(hanoiEvening(23)));
    expect(await api.db.prisma.notice.count({ where: { upgradeId: uuidOf(published.id) } })).toBe(notices);
  });
});

describe('superseded notices and per-customer windows', () => {
  it('an edit of a published upgrade re-renders its pending notices; the old ones are hidden unless asked for', async () => {
    const upgrade = (await create(form(hanoiEvening(25)))).upgrade;
    await transition(upgrade.id, 'SCHEDULED');
    const edited = await api.gql(
      UPDATE,
      { input: { id: upgrade.id, changesVi: 'Thêm báo cáo thuế mới.' } },
      { token: engineer },
    );
    expect(edited.data.upgradeUpdate.userErrors).toEqual([]);
    const list = (filter: string) =>
      api.gql(
        `{ node(id: "${upgrade.id}") { ... on Upgrade { notices(first: 100, filter: ${filter}) { edges { node { stage state body customer { code } } } } } } }`,
        {},
        { token: engineer },
      );
    const standing = (await list('{ includeScheduled: true }')).data.node.notices.edges.map(
      (e: { node: Record<string, string> }) => e.node,
    );
    expect(standing.every((n: { state: string }) => n.state !== 'SUPERSEDED')).toBe(true);
    const hanoiReminder = standing.find(
      (n: { stage: string; customer: { code: string } }) => n.stage === 'REMINDER' && n.customer.code === 'HANOI-WATER',
    );
    expect(hanoiReminder.body).toContain('Thêm báo cáo thuế mới.');
    const all = (await list('{ includeScheduled: true, includeSuperseded: true }')).data.node.notices.edges.map(
      (e: { node: Record<string, string> }) => e.node,
    );
    expect(all.filter((n: { state: string }) => n.state === 'SUPERSEDED').length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(standing.length);
    const forbidden = await api.gql(
      '{ notices(first: 5, filter: { includeSuperseded: true }) { totalCount } }',
      {},
      { token: hanoiUser },
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a customer proposes another window; staff move it for that customer alone', async () => {
    const start = hanoiEvening(16); // announced at once
    const upgrade = (await create(form(start))).upgrade;
    // Not yet announced: nothing to answer (and nothing learnt about the upgrade).
    const early = await api.gql(
      PROPOSE,
      {
        input: {
          upgradeId: upgrade.id,
          windowStart: iso(hanoiEvening(28)),
          windowEnd: iso(new Date(hanoiEvening(28).getTime() + HOUR)),
          reason: 'Khóa sổ cuối tháng',
        },
      },
      { token: hanoiAdmin },
    );
    expect(early.data.upgradeWindowPropose.userErrors[0].code).toBe('NOT_FOUND');
    await transition(upgrade.id, 'SCHEDULED');
    await dispatchDue({ prisma: api.db.prisma, now: NOW });

    const proposed = new Date(hanoiEvening(28));
    const input = {
      upgradeId: upgrade.id,
      windowStart: iso(proposed),
      windowEnd: iso(new Date(proposed.getTime() + 2 * HOUR)),
      reason: 'Khóa sổ cuối tháng',
    };
    const asUser = await api.gql(PROPOSE, { input }, { token: hanoiUser });
    expect(asUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const answer = await api.gql(PROPOSE, { input }, { token: hanoiAdmin });
    expect(answer.data.upgradeWindowPropose).toMatchObject({
      userErrors: [],
      windowProposal: { reason: 'Khóa sổ cuối tháng', customer: { code: 'HANOI-WATER' } },
    });
    const proposals = (token: string) =>
      api.gql(
        `{ node(id: "${upgrade.id}") { ... on Upgrade { windowProposals { reason customer { code } } } } }`,
        {},
        { token },
      );
    expect((await proposals(engineer)).data.node.windowProposals).toEqual([
      { reason: 'Khóa sổ cuối tháng', customer: { code: 'HANOI-WATER' } },
    ]);
    expect((await proposals(saigonAdmin)).data.node.windowProposals).toEqual([]);
    // The customer's account team is alerted, in the inbox and by email.
    const alerts = await api.db.prisma.staffAlert.findMany({
      where: { kind: 'COUNTER_PROPOSAL', customerId: customers.hanoi, upgradeId: uuidOf(upgrade.id) },
      select: { user: { select: { role: true } } },
    });
    const team = await api.db.prisma.customerStaff.count({ where: { customerId: customers.hanoi } });
    expect(team).toBeGreaterThan(0);
    expect(alerts.length).toBe(team);

    const pendingOf = async (customerId: string) =>
      api.db.prisma.notice.findMany({
        where: { upgradeId: uuidOf(upgrade.id), customerId, publishedAt: null, supersededAt: null },
        select: { id: true, stage: true, scheduledFor: true },
        orderBy: { scheduledFor: 'asc' },
      });
    const saigonBefore = await pendingOf(customers.saigon);
    const moved = await api.gql(
      TARGET_RESCHEDULE,
      {
        input: {
          id: upgrade.id,
          customerId: globalId('Customer', customers.hanoi),
          windowStart: input.windowStart,
          windowEnd: input.windowEnd,
          reason: 'Theo đề xuất của khách hàng',
        },
      },
      { token: engineer },
    );
    expect(moved.data.upgradeTargetReschedule.userErrors).toEqual([]);

    expect(await pendingOf(customers.saigon)).toEqual(saigonBefore);
    const hanoiPending = await pendingOf(customers.hanoi);
    expect(hanoiPending.map((n) => [n.stage, iso(n.scheduledFor)])).toEqual([
      ['RESCHEDULED', iso(NOW)],
      ['REMINDER', iso(new Date(proposed.getTime() - 2 * DAY))],
      ['FINAL_REMINDER', iso(new Date(proposed.getTime() - DAY))],
    ]);
    const plan = planOf(
      (
        await api.gql(
          `{ node(id: "${upgrade.id}") { ... on Upgrade { noticePlan(first: 10) { ${PLAN_FIELDS} } } } }`,
          {},
          { token: admin },
        )
      ).data.node.noticePlan,
    );
    expect(plan.find((p) => p.customer.code === 'HANOI-WATER')!.windowStart).toBe(iso(proposed));
    expect(plan.find((p) => p.customer.code === 'SAIGON-GARMENT')!.windowStart).toBe(iso(start));
    await dispatchDue({ prisma: api.db.prisma, now: NOW });
    const told = await api.db.prisma.notice.findFirstOrThrow({
      where: { upgradeId: uuidOf(upgrade.id), customerId: customers.hanoi, stage: 'RESCHEDULED' },
    });
    expect(told.publishedAt).not.toBeNull();
    expect(told.body).toContain('29/12/2026 19:00 – 21:00 (GMT+7)');
    // The customer reads its own window; another customer still reads the upgrade's.
    const windowFor = async (token: string) =>
      (await api.gql(`{ node(id: "${upgrade.id}") { ... on Upgrade { windowStart } } }`, {}, { token })).data.node
        ?.windowStart;
    expect(await windowFor(hanoiUser)).toBe(iso(proposed));
    expect(await windowFor(engineer)).toBe(iso(start));
  });
});
