// Module requests end to end, through the API as every role: the vendor's ten steps, who may take
// them, what the customer is told, what closing installs, and that no customer reaches another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, loadConfig } from '../../apps/api/src/index.ts';
import type { PrismaClient } from '@upgrade-desk/db';
import { MODULE_REQUEST_PATH, MODULE_REQUEST_STAGES } from '@upgrade-desk/domain';
import { advanceModuleRequest } from '../../apps/api/src/module-requests/advance.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;

const ROLES = Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[];
const STAFF_ADVANCERS = ['admin', 'care', 'impl'] as const;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] ?? '';

const REQUEST_FIELDS = `
  id kind title description stage stageEnteredAt timeInStageSeconds nextStages missingPrerequisites deliveredVersion
  customer { code } module { key } installedModule { id module { key } version warrantyEndsAt }
  assignee { email }
  history { kind stage note at by { email } }
  timeline { kind stage note at by { email } assignee { email } }
`;
const PAYLOAD = `moduleRequest { ${REQUEST_FIELDS} } userErrors { code field message }`;
const CREATE = `mutation ($input: ModuleRequestCreateInput!) { moduleRequestCreate(input: $input) { ${PAYLOAD} } }`;
const ADVANCE = `mutation ($input: ModuleRequestAdvanceInput!) { moduleRequestAdvance(input: $input) { ${PAYLOAD} } }`;
const COMMENT = `mutation ($input: ModuleRequestCommentInput!) { moduleRequestComment(input: $input) { ${PAYLOAD} } }`;
const ASSIGN = `mutation ($input: ModuleRequestAssignInput!) { moduleRequestAssign(input: $input) { ${PAYLOAD} } }`;

type Account = keyof typeof ACCOUNTS;

async function as(account: Account | null, query: string, input: Record<string, unknown>) {
  const token = account ? await api.login(ACCOUNTS[account]) : null;
  return api.gql(query, { input }, { token });
}

interface Payload {
  moduleRequest: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
  userErrors: { code: string; field: string[] | null; message: string }[];
}

/** The mutation's payload, failing the test on a top-level error. */
async function ok(account: Account, query: string, input: Record<string, unknown>): Promise<Payload> {
  const result = await as(account, query, input);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data ?? {})[0] as Payload;
}

let moduleIds: Record<string, string>;
let seeded: Record<'HANOI-WATER' | 'SAIGON-GARMENT', { id: string; title: string; stage: string }[]>;
let userIds: Record<string, string>;

async function newExtension(title = 'Báo cáo doanh thu theo tuyến ống') {
  const payload = await ok('hanoiAdmin', CREATE, { kind: 'EXTENSION', title, description: 'Theo từng tháng.' });
  expect(payload.userErrors).toEqual([]);
  return payload.moduleRequest as { id: string; stage: string };
}

/** Staff walk a request forward from its stage to `to`, one step at a time, taking turns. */
async function walk(id: string, from: string, to: string) {
  const path: readonly string[] = MODULE_REQUEST_PATH;
  let last: Payload | undefined;
  for (const [index, stage] of path.slice(path.indexOf(from) + 1, path.indexOf(to) + 1).entries()) {
    const by = STAFF_ADVANCERS[index % STAFF_ADVANCERS.length]!;
    last = await ok(by, ADVANCE, { id, to: stage, note: `Bước ${stage}` });
    expect(last.userErrors, stage).toEqual([]);
  }
  return last!;
}

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.login(ACCOUNTS.admin);
  const modules = await api.gql('{ modules(first: 100) { edges { node { id key } } } }', {}, { token: admin });
  moduleIds = Object.fromEntries(
    modules.data.modules.edges.map((e: { node: { id: string; key: string } }) => [e.node.key, e.node.id]),
  );
  seeded = { 'HANOI-WATER': [], 'SAIGON-GARMENT': [] };
  for (const account of ['hanoiUser', 'saigonUser'] as const) {
    const { data } = await api.gql(
      '{ viewer { customer { code moduleRequests(first: 100) { edges { node { id title stage } } } } } }',
      {},
      { token: await api.login(ACCOUNTS[account]) },
    );
    seeded[data.viewer.customer.code as keyof typeof seeded] = data.viewer.customer.moduleRequests.edges.map(
      (e: { node: unknown }) => e.node,
    );
  }
  const users = await api.db.prisma.user.findMany({ select: { id: true, email: true } });
  userIds = Object.fromEntries(users.map((u) => [u.email, globalId('User', u.id)]));
});
afterAll(() => api.close());

describe('the demo data', () => {
  it('holds requests in every stage, each customer some of its own', async () => {
    const { data } = await api.gql(
      '{ moduleRequests(first: 100) { edges { node { stage } } } }',
      {},
      { token: await api.login(ACCOUNTS.care) },
    );
    expect(new Set(data.moduleRequests.edges.map((e: { node: { stage: string } }) => e.node.stage))).toEqual(
      new Set(MODULE_REQUEST_STAGES),
    );
    expect(seeded['HANOI-WATER'].length).toBeGreaterThanOrEqual(3);
    expect(seeded['SAIGON-GARMENT'].length).toBeGreaterThanOrEqual(3);
  });
});

describe('moduleRequestCreate', () => {
  it('lets a customer admin ask for a module it lacks, recording the prerequisites it also lacks', async () => {
    const payload = await ok('hanoiAdmin', CREATE, {
      kind: 'NEW_MODULE',
      moduleId: moduleIds.production,
      title: '  Quản lý sản xuất nước sạch  ',
      description: ' Lệnh sản xuất theo nhà máy. ',
    });
    expect(payload.userErrors).toEqual([]);
    const request = payload.moduleRequest;
    expect(request).toMatchObject({
      kind: 'NEW_MODULE',
      title: 'Quản lý sản xuất nước sạch',
      description: 'Lệnh sản xuất theo nhà máy.',
      stage: 'SUBMITTED',
      stageEnteredAt: NOW.toISOString(),
      timeInStageSeconds: 0,
      nextStages: ['WITHDRAWN'],
      missingPrerequisites: ['purchasing'],
      customer: { code: 'HANOI-WATER' },
      module: { key: 'production' },
      installedModule: null,
      history: [{ kind: 'STAGE', stage: 'SUBMITTED', note: null, by: { email: ACCOUNTS.hanoiAdmin } }],
    });
    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: rawId(request.id) } });
    expect(audit.map((row) => row.action)).toEqual(['module-request.create']);
  });

  it('takes an extension of an installed module, or of none', async () => {
    const named = await ok('hanoiAdmin', CREATE, {
      kind: 'EXTENSION',
      moduleId: moduleIds.accounting,
      title: 'Sổ chi tiết công nợ theo đồng hồ',
      description: '',
    });
    expect(named.userErrors).toEqual([]);
    expect(named.moduleRequest).toMatchObject({
      module: { key: 'accounting' },
      installedModule: { module: { key: 'accounting' } },
      missingPrerequisites: [],
    });
    const unnamed = await newExtension();
    expect(unnamed).toMatchObject({ stage: 'SUBMITTED' });
  });

  it.each([
    ['NEW_MODULE without a module', { kind: 'NEW_MODULE' }, 'INVALID_INPUT', ['input', 'moduleId']],
    [
      'NEW_MODULE of an installed module',
      { kind: 'NEW_MODULE', module: 'accounting' },
      'INVALID_INPUT',
      ['input', 'moduleId'],
    ],
    ['NEW_MODULE already asked for', { kind: 'NEW_MODULE', module: 'shareholders' }, 'CONFLICT', ['input', 'moduleId']],
    [
      'EXTENSION of a module not installed',
      { kind: 'EXTENSION', module: 'sales' },
      'INVALID_INPUT',
      ['input', 'moduleId'],
    ],
    ['a blank title', { kind: 'EXTENSION', title: ' \n ' }, 'INVALID_INPUT', ['input', 'title']],
    ['a title of 201 characters', { kind: 'EXTENSION', title: 'ệ'.repeat(201) }, 'INVALID_INPUT', ['input', 'title']],
    [
      'a description of 10,001 characters',
      { kind: 'EXTENSION', description: 'x'.repeat(10_001) },
      'INVALID_INPUT',
      ['input', 'description'],
    ],
  ])('refuses %s with a userError naming the field', async (_case, input, code, field) => {
    const before = await api.db.prisma.moduleRequest.count();
    const { module, ...rest } = input as { module?: string; kind: string };
    const payload = await ok('hanoiAdmin', CREATE, {
      title: 'Yêu cầu',
      description: 'Mô tả',
      ...rest,
      ...(module ? { moduleId: moduleIds[module] } : {}),
    });
    expect(payload.moduleRequest).toBeNull();
    expect(payload.userErrors).toMatchObject([{ code, field }]);
    expect(await api.db.prisma.moduleRequest.count()).toBe(before);
  });

  it('makes one request when admins ask for the same new module at the same moment', async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const input = {
      kind: 'NEW_MODULE',
      moduleId: moduleIds.purchasing,
      title: 'Mua hàng',
      description: 'Đặt mua vật tư.',
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => api.gql(CREATE, { input }, { token })));
    const payloads = results.map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.moduleRequestCreate as Payload;
    });
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(Array(5).fill('CONFLICT'));
    const customer = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    expect(
      await api.db.prisma.moduleRequest.count({
        where: { customerId: customer.id, moduleId: rawId(moduleIds.purchasing!) },
      }),
    ).toBe(1);
  });

  it('accepts a title of exactly 200 characters', async () => {
    const payload = await ok('hanoiAdmin', CREATE, { kind: 'EXTENSION', title: 'ệ'.repeat(200), description: '' });
    expect(payload.userErrors).toEqual([]);
  });

  it('refuses everyone but a customer admin, and a read-only token, creating nothing', async () => {
    const before = await api.db.prisma.moduleRequest.count();
    const input = { kind: 'NEW_MODULE', moduleId: moduleIds.transport, title: 'Vận tải', description: '' };
    for (const account of [null, ...ROLES.filter((role) => !role.endsWith('Admin') || role === 'admin')]) {
      const result = await as(account, CREATE, input);
      expect(result.errors?.[0]?.extensions?.code, String(account)).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    const token = await api.login(ACCOUNTS.saigonAdmin);
    const created = await api.gql(
      'mutation { apiTokenCreate(input: { name: "read only", scopes: [READ] }) { token userErrors { code } } }',
      {},
      { token },
    );
    const readOnly = created.data.apiTokenCreate.token;
    const refused = await api.gql(CREATE, { input }, { token: readOnly });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.db.prisma.moduleRequest.count()).toBe(before);
  });

  it('refuses an id of another type as the module', async () => {
    const customer = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const result = await as('hanoiAdmin', CREATE, {
      kind: 'NEW_MODULE',
      moduleId: globalId('Customer', customer.id),
      title: 'x',
      description: '',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('moduleRequestAdvance', () => {
  it('refuses a customer user and anonymous callers outright, and an engineer outside development', async () => {
    const request = await newExtension();
    for (const account of [null, 'hanoiUser', 'saigonUser'] as const) {
      const result = await as(account, ADVANCE, { id: request.id, to: 'CONSULTATION' });
      expect(result.errors?.[0]?.extensions?.code, String(account)).toBe('FORBIDDEN');
    }
    const byEngineer = await ok('engineer', ADVANCE, { id: request.id, to: 'CONSULTATION' });
    expect(byEngineer).toMatchObject({ moduleRequest: null, userErrors: [{ code: 'INVALID_TRANSITION' }] });
    const withdraw = await as('hanoiUser', ADVANCE, { id: request.id, to: 'WITHDRAWN' });
    expect(withdraw.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a customer admin neither advance its own request nor skip, and staff not skip a step', async () => {
    const request = await newExtension();
    const byCustomer = await ok('hanoiAdmin', ADVANCE, { id: request.id, to: 'CONSULTATION' });
    expect(byCustomer).toMatchObject({
      moduleRequest: null,
      userErrors: [{ code: 'INVALID_TRANSITION', field: ['input', 'to'] }],
    });
    for (const account of STAFF_ADVANCERS) {
      const skipped = await ok(account, ADVANCE, { id: request.id, to: 'ANALYSIS' });
      expect(skipped.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION', field: ['input', 'to'] }]);
      const staffWithdraw = await ok(account, ADVANCE, { id: request.id, to: 'WITHDRAWN' });
      expect(staffWithdraw.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    }
    const same = await ok('care', ADVANCE, { id: request.id, to: 'SUBMITTED' });
    expect(same.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    const row = await api.db.prisma.moduleRequest.findUniqueOrThrow({ where: { id: rawId(request.id) } });
    expect(row.stage).toBe('SUBMITTED');
  });

  it('lets each of implementation, customer care and an admin take a step', async () => {
    const request = await newExtension();
    let stage = 'SUBMITTED';
    for (const [account, to] of [
      ['care', 'CONSULTATION'],
      ['impl', 'ANALYSIS'],
      ['admin', 'CONTRACT'],
    ] as const) {
      const payload = await ok(account, ADVANCE, { id: request.id, to });
      expect(payload.userErrors).toEqual([]);
      expect(payload.moduleRequest.stage).toBe(to);
      expect(payload.moduleRequest.history.at(-1)).toMatchObject({ stage: to, by: { email: ACCOUNTS[account] } });
      stage = to;
    }
    expect(stage).toBe('CONTRACT');
  });

  it('lets the customer admin withdraw before development, and never after', async () => {
    const request = await newExtension();
    await walk(request.id, 'SUBMITTED', 'CONTRACT');
    const answer = await as('hanoiAdmin', ADVANCE, { id: request.id, to: 'WITHDRAWN', note: ' Chưa có ngân sách. ' });
    // The steps by vendor staff are there, but a customer sees staff as contacts: their emails are refused.
    expect(new Set(answer.errors?.map((e) => `${e.extensions?.code}: ${e.message}`))).toEqual(
      new Set(['FORBIDDEN: Not authorized to resolve User.email']),
    );
    const withdrawn = answer.data.moduleRequestAdvance;
    expect(withdrawn.userErrors).toEqual([]);
    expect(withdrawn.moduleRequest).toMatchObject({ stage: 'WITHDRAWN', nextStages: [] });
    expect(withdrawn.moduleRequest.history.at(-1)).toMatchObject({
      stage: 'WITHDRAWN',
      note: 'Chưa có ngân sách.',
      by: { email: ACCOUNTS.hanoiAdmin },
    });
    const again = await ok('impl', ADVANCE, { id: request.id, to: 'CONSULTATION' });
    expect(again.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);

    const late = await newExtension();
    await walk(late.id, 'SUBMITTED', 'DEVELOPMENT');
    const refused = await ok('hanoiAdmin', ADVANCE, { id: late.id, to: 'WITHDRAWN' });
    expect(refused.userErrors).toEqual([
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'to'],
        message: 'A request can only be withdrawn before development starts.',
      },
    ]);
    const seededInDevelopment = seeded['HANOI-WATER'].find((r) => r.stage === 'DEVELOPMENT')!;
    const seededRefused = await ok('hanoiAdmin', ADVANCE, { id: seededInDevelopment.id, to: 'WITHDRAWN' });
    expect(seededRefused.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('lets staff reject an open request with a note, never without one', async () => {
    const request = await newExtension();
    await walk(request.id, 'SUBMITTED', 'VERIFICATION');
    const bare = await ok('care', ADVANCE, { id: request.id, to: 'REJECTED', note: '   ' });
    expect(bare.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'note'] }]);
    const rejected = await ok('care', ADVANCE, { id: request.id, to: 'REJECTED', note: 'Đã có trong bản 3.5.' });
    expect(rejected.userErrors).toEqual([]);
    expect(rejected.moduleRequest.history.at(-1)).toMatchObject({ stage: 'REJECTED', note: 'Đã có trong bản 3.5.' });
    const closed = await ok('care', ADVANCE, { id: request.id, to: 'REJECTED', note: 'again' });
    expect(closed.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('walks a new module through the ten steps to CLOSED and installs it for the customer', async () => {
    const created = await ok('hanoiAdmin', CREATE, {
      kind: 'NEW_MODULE',
      moduleId: moduleIds.warranty,
      title: 'Quản lý bảo hành đồng hồ nước',
      description: 'Theo dõi bảo hành đồng hồ đã lắp cho khách hàng.',
    });
    expect(created.moduleRequest.missingPrerequisites).toEqual(['sales']);
    const closed = await walk(created.moduleRequest.id, 'SUBMITTED', 'CLOSED');
    const request = closed.moduleRequest;
    expect(request.stage).toBe('CLOSED');
    expect(request.history).toHaveLength(11);
    expect(request.history.map((e: { stage: string }) => e.stage)).toEqual([
      'SUBMITTED',
      'CONSULTATION',
      'ANALYSIS',
      'CONTRACT',
      'DEVELOPMENT',
      'SANDBOX_TESTING',
      'VERIFICATION',
      'INSTALLATION',
      'TRAINING',
      'WARRANTY',
      'CLOSED',
    ]);
    expect(request.history.map((e: { by: { email: string } }) => e.by.email)).toEqual([
      ACCOUNTS.hanoiAdmin,
      ...Array.from({ length: 10 }, (_, i) => ACCOUNTS[STAFF_ADVANCERS[i % 3]!]),
    ]);
    expect(request.history.slice(1).every((e: { note: string }) => e.note.startsWith('Bước '))).toBe(true);
    expect(request.deliveredVersion).toBe('2.5.1');
    expect(request.installedModule).toEqual({
      id: expect.any(String),
      module: { key: 'warranty' },
      version: '2.5.1',
      warrantyEndsAt: '2027-12-01T03:00:00.000Z',
    });

    // The customer sees it among its installed modules, under warranty.
    const { data } = await api.gql(
      '{ viewer { customer { installedModules(first: 100) { edges { node { id module { key } version warrantyEndsAt } } } } } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiUser) },
    );
    const installed = data.viewer.customer.installedModules.edges
      .map((e: { node: unknown }) => e.node)
      .find((m: { module: { key: string } }) => m.module.key === 'warranty');
    expect(installed).toEqual(request.installedModule);
    expect(new Date(installed.warrantyEndsAt).getTime()).toBeGreaterThan(NOW.getTime());

    const audit = await api.db.prisma.auditLog.findMany({
      where: { OR: [{ entityId: rawId(request.id) }, { entityId: rawId(installed.id) }] },
    });
    // Rows of one transaction share the (fixed) clock, so their order is not asserted.
    expect(audit.map((row) => row.action).sort()).toEqual([
      'installed-module.install',
      ...Array.from({ length: 10 }, () => 'module-request.advance'),
      'module-request.create',
    ]);
  });

  it('records the delivered version on the installed module when an extension closes', async () => {
    const customer = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const inventory = await api.db.prisma.installedModule.update({
      where: { customerId_moduleId: { customerId: customer.id, moduleId: rawId(moduleIds.inventory!) } },
      data: { version: '5.0.0' },
    });
    const created = await ok('hanoiAdmin', CREATE, {
      kind: 'EXTENSION',
      moduleId: moduleIds.inventory,
      title: 'Kiểm kê vật tư ngành nước bằng mã vạch',
      description: '',
    });
    const closed = await walk(created.moduleRequest.id, 'SUBMITTED', 'CLOSED');
    // The extended module is under warranty from the WARRANTY step, unless it already was for longer.
    const fromNow = new Date('2027-12-01T03:00:00.000Z');
    const expected =
      inventory.warrantyEndsAt && inventory.warrantyEndsAt > fromNow ? inventory.warrantyEndsAt : fromNow;
    expect(closed.moduleRequest).toMatchObject({
      deliveredVersion: '5.7.0',
      installedModule: {
        id: globalId('InstalledModule', inventory.id),
        version: '5.7.0',
        warrantyEndsAt: expected.toISOString(),
      },
    });
  });

  it('gives the warranty the configured length', async () => {
    expect(loadConfig({ NODE_ENV: 'test' }).WARRANTY_MONTHS).toBe(12);
    expect(() => loadConfig({ WARRANTY_MONTHS: 'a year' })).toThrow(/WARRANTY_MONTHS/);
    const config = loadConfig({ NODE_ENV: 'test', WARRANTY_MONTHS: '24' });
    const yoga = createApi({ prisma: api.db.prisma, config, now: () => new Date(NOW) });
    try {
      const created = await ok('hanoiAdmin', CREATE, {
        kind: 'NEW_MODULE',
        moduleId: moduleIds['hospital-billing'],
        title: 'Thu phí xét nghiệm nước',
        description: '',
      });
      await walk(created.moduleRequest.id, 'SUBMITTED', 'TRAINING');
      const response = await yoga.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.login(ACCOUNTS.impl)}` },
        body: JSON.stringify({
          query: ADVANCE,
          variables: { input: { id: created.moduleRequest.id, to: 'WARRANTY' } },
        }),
      });
      const { data } = (await response.json()) as {
        data: { moduleRequestAdvance: { moduleRequest: { installedModule: { warrantyEndsAt: string } } } };
      };
      expect(data.moduleRequestAdvance.moduleRequest.installedModule.warrantyEndsAt).toBe('2028-12-01T03:00:00.000Z');
    } finally {
      await yoga.dispose();
    }
  });

  it('starts the warranty when the WARRANTY step starts and shows its end from then on', async () => {
    const created = await ok('hanoiAdmin', CREATE, {
      kind: 'NEW_MODULE',
      moduleId: moduleIds.transport,
      title: 'Quản lý xe bồn chở nước',
      description: '',
    });
    const WARRANTY_FIELDS = `mutation ($input: ModuleRequestAdvanceInput!) { moduleRequestAdvance(input: $input) {
      moduleRequest { stage step warrantyEndsAt installedModule { warrantyEndsAt } } userErrors { code } } }`;
    const training = await walk(created.moduleRequest.id, 'SUBMITTED', 'TRAINING');
    expect(training.moduleRequest.installedModule).toBeNull();
    const warranty = await ok('care', WARRANTY_FIELDS, { id: created.moduleRequest.id, to: 'WARRANTY' });
    expect(warranty).toEqual({
      moduleRequest: {
        stage: 'WARRANTY',
        step: 10,
        warrantyEndsAt: '2027-12-01T03:00:00.000Z',
        installedModule: { warrantyEndsAt: '2027-12-01T03:00:00.000Z' },
      },
      userErrors: [],
    });
    // The customer is told the end date in the step's activity entry.
    const activity = await api.db.prisma.activity.findFirstOrThrow({
      where: { moduleRequestId: rawId(created.moduleRequest.id) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(activity.body).toContain('bảo hành đến ngày 01/12/2027');
    // Closing delivers nothing twice.
    const installedBefore = await api.db.prisma.installedModule.count();
    const closed = await ok('impl', WARRANTY_FIELDS, { id: created.moduleRequest.id, to: 'CLOSED' });
    expect(closed.moduleRequest).toMatchObject({ stage: 'CLOSED', warrantyEndsAt: '2027-12-01T03:00:00.000Z' });
    expect(await api.db.prisma.installedModule.count()).toBe(installedBefore);
  });

  it('numbers the steps the customer sees from 0 (received)', async () => {
    const request = await newExtension();
    const STEP = `query ($id: ID!) { node(id: $id) { ... on ModuleRequest { stage step warrantyEndsAt } } }`;
    const token = await api.login(ACCOUNTS.hanoiUser);
    expect((await api.gql(STEP, { id: request.id }, { token })).data.node).toEqual({
      stage: 'SUBMITTED',
      step: 0,
      warrantyEndsAt: null,
    });
    await walk(request.id, 'SUBMITTED', 'CONTRACT');
    expect((await api.gql(STEP, { id: request.id }, { token })).data.node).toMatchObject({
      stage: 'CONTRACT',
      step: 3,
    });
  });

  it('sends a request back to DEVELOPMENT from sandbox testing or verification, with a reason', async () => {
    const request = await newExtension('Đối soát chỉ số đồng hồ');
    await walk(request.id, 'SUBMITTED', 'SANDBOX_TESTING');
    const bare = await ok('impl', ADVANCE, { id: request.id, to: 'DEVELOPMENT' });
    expect(bare).toMatchObject({
      moduleRequest: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'note'] }],
    });
    const back = await ok('impl', ADVANCE, { id: request.id, to: 'DEVELOPMENT', note: 'Sai số khi làm tròn chỉ số' });
    expect(back.userErrors).toEqual([]);
    expect(back.moduleRequest.stage).toBe('DEVELOPMENT');
    expect(back.moduleRequest.history.at(-1)).toMatchObject({
      stage: 'DEVELOPMENT',
      note: 'Sai số khi làm tròn chỉ số',
    });
    await walk(request.id, 'DEVELOPMENT', 'VERIFICATION');
    const again = await ok('care', ADVANCE, { id: request.id, to: 'DEVELOPMENT', note: 'Thiếu báo cáo theo tuyến' });
    expect(again.moduleRequest.stage).toBe('DEVELOPMENT');
    // The customer reads the reason in its feed.
    const activity = await api.db.prisma.activity.findFirstOrThrow({
      where: { moduleRequestId: rawId(request.id) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(activity.body).toContain('Thiếu báo cáo theo tuyến');
    const customerTry = await ok('hanoiAdmin', ADVANCE, { id: request.id, to: 'SANDBOX_TESTING' });
    expect(customerTry.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('lets an engineer move a request through DEVELOPMENT and SANDBOX_TESTING only', async () => {
    const request = await newExtension('Xuất hóa đơn điện tử theo lô');
    await walk(request.id, 'SUBMITTED', 'CONTRACT');
    const early = await ok('engineer', ADVANCE, { id: request.id, to: 'DEVELOPMENT' });
    expect(early.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION', field: ['input', 'to'] }]);
    await walk(request.id, 'CONTRACT', 'DEVELOPMENT');
    const built = await ok('engineer', ADVANCE, { id: request.id, to: 'SANDBOX_TESTING' });
    expect(built.moduleRequest).toMatchObject({
      stage: 'SANDBOX_TESTING',
      nextStages: ['VERIFICATION', 'DEVELOPMENT'],
    });
    const tested = await ok('engineer', ADVANCE, { id: request.id, to: 'VERIFICATION' });
    expect(tested.moduleRequest.stage).toBe('VERIFICATION');
    expect(tested.moduleRequest.history.at(-1).by.email).toBe(ACCOUNTS.engineer);
    const late = await ok('engineer', ADVANCE, { id: request.id, to: 'INSTALLATION' });
    expect(late.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    const reject = await ok('engineer', ADVANCE, { id: request.id, to: 'REJECTED', note: 'no' });
    expect(reject.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('rolls back the step, its history, the audit and the notification when the install fails', async () => {
    const prisma = api.db.prisma;
    const mekong = await prisma.moduleRequest.findFirstOrThrow({
      where: { stage: 'WARRANTY', kind: 'NEW_MODULE' },
      include: { events: true },
    });
    const counts = async () => ({
      events: await prisma.moduleRequestEvent.count(),
      installed: await prisma.installedModule.count(),
      activities: await prisma.activity.count(),
      emails: await prisma.emailMessage.count(),
      audit: await prisma.auditLog.count(),
    });
    const before = await counts();
    // The install is the step's last write but one: everything before it must be undone.
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION test_refuse_install() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'install refused by the test'; END $$`,
    );
    await prisma.$executeRawUnsafe(
      'CREATE TRIGGER test_refuse_install BEFORE INSERT ON "InstalledModule" FOR EACH ROW EXECUTE FUNCTION test_refuse_install()',
    );
    try {
      const failed = await as('impl', ADVANCE, { id: globalId('ModuleRequest', mekong.id), to: 'CLOSED' });
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(failed.errors?.[0]?.message).not.toContain('install refused');
      const after = await prisma.moduleRequest.findUniqueOrThrow({ where: { id: mekong.id } });
      expect(after).toMatchObject({
        stage: 'WARRANTY',
        stageEnteredAt: mekong.stageEnteredAt,
        installedModuleId: null,
      });
      expect(await counts()).toEqual(before);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_install ON "InstalledModule"');
      await prisma.$executeRawUnsafe('DROP FUNCTION test_refuse_install()');
    }
    // Without the fault the same step goes through: the test above failed for the right reason.
    const closed = await ok('impl', ADVANCE, { id: globalId('ModuleRequest', mekong.id), to: 'CLOSED' });
    expect(closed.moduleRequest).toMatchObject({ stage: 'CLOSED', installedModule: { module: { key: 'warranty' } } });
    expect(await counts()).toEqual({
      ...before,
      events: before.events + 1,
      installed: before.installed + 1,
      activities: before.activities + 1,
      audit: before.audit + 2,
      emails:
        before.emails +
        (await prisma.user.count({
          where: { customerId: mekong.customerId, role: 'CUSTOMER_ADMIN', disabledAt: null, emailNotifications: true },
        })),
    });
  });

  it('writes nothing when the request moved meanwhile (a concurrent step)', async () => {
    const request = await newExtension();
    const row = await api.db.prisma.moduleRequest.findUniqueOrThrow({ where: { id: rawId(request.id) } });
    await walk(request.id, 'SUBMITTED', 'CONSULTATION');
    const eventsBefore = await api.db.prisma.moduleRequestEvent.count({ where: { requestId: row.id } });
    const impl = await api.db.prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.impl } });
    const moved = await api.db.prisma.$transaction((tx) =>
      advanceModuleRequest(tx, row, { to: 'CONSULTATION', note: null, actorId: impl.id, now: NOW, warrantyMonths: 12 }),
    );
    expect(moved).toBe(false);
    expect(await api.db.prisma.moduleRequestEvent.count({ where: { requestId: row.id } })).toBe(eventsBefore);
  });
});

describe('what the customer hears', () => {
  it('an activity entry and an email to each admin for every step, in the customer locale', async () => {
    const request = await newExtension('Tra cứu hóa đơn theo mã danh bộ');
    await walk(request.id, 'SUBMITTED', 'ANALYSIS');
    const prisma = api.db.prisma;
    const events = await prisma.moduleRequestEvent.findMany({
      where: { requestId: rawId(request.id) },
      orderBy: { id: 'asc' },
    });
    const admins = await prisma.user.findMany({
      where: { customer: { code: 'HANOI-WATER' }, role: 'CUSTOMER_ADMIN', disabledAt: null, emailNotifications: true },
      orderBy: { email: 'asc' },
    });
    expect(admins.length).toBeGreaterThan(0);
    const emails = await prisma.emailMessage.findMany({
      where: { sourceKey: { in: events.map((e) => `module-request-event:${e.id}`) } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(emails).toHaveLength(events.length * admins.length);
    for (const email of emails) {
      expect(email).toMatchObject({ locale: 'VI', status: 'PENDING', attempts: 0, nextAttemptAt: NOW });
      expect(admins.map((a) => a.email)).toContain(email.to);
      expect(email.textBody.startsWith('Kính gửi Quý khách hàng,')).toBe(true);
    }
    expect(emails.at(-1)?.subject).toBe('[Yêu cầu phát triển] Tra cứu hóa đơn theo mã danh bộ: Phân tích, thiết kế');

    const { data } = await api.gql(
      '{ viewer { customer { activities(first: 100) { edges { node { title body locale moduleRequest { id } } } } } } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiUser) },
    );
    const feed = data.viewer.customer.activities.edges
      .map((e: { node: { moduleRequest: { id: string } | null } }) => e.node)
      .filter((n: { moduleRequest: { id: string } | null }) => n.moduleRequest?.id === request.id);
    expect(feed.map((n: { title: string }) => n.title)).toEqual([
      'Yêu cầu “Tra cứu hóa đơn theo mã danh bộ”: Phân tích, thiết kế',
      'Yêu cầu “Tra cứu hóa đơn theo mã danh bộ”: Tư vấn',
      'Yêu cầu “Tra cứu hóa đơn theo mã danh bộ”: Đã tiếp nhận yêu cầu',
    ]);
    expect(feed[0].body).toContain('Ghi chú: Bước ANALYSIS');
  });

  it('speaks English to an English-speaking customer', async () => {
    const kessler = await api.db.prisma.moduleRequest.findFirstOrThrow({
      where: { customer: { code: 'KESSLER-VIETNAM' }, stage: 'DEVELOPMENT' },
    });
    await ok('impl', ADVANCE, { id: globalId('ModuleRequest', kessler.id), to: 'SANDBOX_TESTING' });
    const activity = await api.db.prisma.activity.findFirstOrThrow({
      where: { moduleRequestId: kessler.id },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(activity).toMatchObject({ locale: 'EN', title: `Request “${kessler.title}”: Sandbox testing` });
    const email = await api.db.prisma.emailMessage.findFirstOrThrow({ where: { customerId: kessler.customerId } });
    expect(email.textBody.startsWith('Dear Customer,')).toBe(true);
  });
});

describe('moduleRequestComment', () => {
  it("takes comments from the customer's users and from staff, into the timeline", async () => {
    const request = await newExtension();
    for (const account of ['hanoiUser', 'hanoiAdmin', 'care', 'engineer', 'impl', 'admin'] as const) {
      const payload = await ok(account, COMMENT, { id: request.id, body: ` Ý kiến của ${account} ` });
      expect(payload.userErrors, account).toEqual([]);
      expect(payload.moduleRequest.timeline.at(-1)).toMatchObject({
        kind: 'COMMENT',
        stage: 'SUBMITTED',
        note: `Ý kiến của ${account}`,
        by: { email: ACCOUNTS[account] },
      });
      expect(payload.moduleRequest.history).toHaveLength(1);
    }
    const audit = await api.db.prisma.auditLog.count({
      where: { entityId: rawId(request.id), action: 'module-request.comment' },
    });
    expect(audit).toBe(6);
  });

  it('refuses an empty comment, a closed request and anonymous callers', async () => {
    const request = await newExtension();
    const empty = await ok('hanoiUser', COMMENT, { id: request.id, body: '  ' });
    expect(empty.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'body'] }]);
    const closed = seeded['HANOI-WATER'].find((r) => r.stage === 'CLOSED')!;
    const late = await ok('hanoiUser', COMMENT, { id: closed.id, body: 'Còn lỗi nhỏ' });
    expect(late.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const anonymous = await as(null, COMMENT, { id: request.id, body: 'x' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('moduleRequestAssign', () => {
  it('lets staff put an implementation consultant in charge, and take them off', async () => {
    const request = await newExtension();
    const consultants = [ACCOUNTS.impl, 'quoc.bao@vendor.example', 'thanh.tam@vendor.example'];
    for (const [index, account] of STAFF_ADVANCERS.entries()) {
      const assignee = consultants[index]!;
      const payload = await ok(account, ASSIGN, { id: request.id, assigneeId: userIds[assignee], note: 'Phụ trách' });
      expect(payload.userErrors).toEqual([]);
      expect(payload.moduleRequest.assignee).toEqual({ email: assignee });
      expect(payload.moduleRequest.timeline.at(-1)).toMatchObject({
        kind: 'ASSIGNMENT',
        by: { email: ACCOUNTS[account] },
        assignee: { email: assignee },
        note: 'Phụ trách',
      });
    }
    const off = await ok('care', ASSIGN, { id: request.id, assigneeId: null });
    expect(off.moduleRequest.assignee).toBeNull();
    const audit = await api.db.prisma.auditLog.count({
      where: { entityId: rawId(request.id), action: 'module-request.assign' },
    });
    expect(audit).toBe(4);
  });

  it('accepts only an active implementation consultant', async () => {
    const request = await newExtension();
    for (const email of [ACCOUNTS.care, ACCOUNTS.engineer, ACCOUNTS.hanoiAdmin, 'huu.phuoc@vendor.example']) {
      const payload = await ok('care', ASSIGN, { id: request.id, assigneeId: userIds[email] });
      expect(payload.userErrors, email).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'assigneeId'] }]);
    }
  });

  it('refuses engineers, customers and anonymous callers', async () => {
    const request = await newExtension();
    for (const account of [null, 'engineer', 'hanoiAdmin', 'hanoiUser', 'saigonAdmin'] as const) {
      const result = await as(account, ASSIGN, { id: request.id, assigneeId: userIds[ACCOUNTS.impl] });
      expect(result.errors?.[0]?.extensions?.code, String(account)).toBe('FORBIDDEN');
    }
  });
});

describe('openModuleRequests (the staff queue)', () => {
  const QUEUE = `query ($stage: ModuleRequestStage, $assigneeId: ID, $unassigned: Boolean) {
    openModuleRequests(first: 100, stage: $stage, assigneeId: $assigneeId, unassigned: $unassigned) {
      totalCount edges { node { id stage stageEnteredAt timeInStageSeconds assignee { email } } }
    }
  }`;
  const nodes = (data: { openModuleRequests: { edges: { node: Record<string, unknown> }[] } }) =>
    data.openModuleRequests.edges.map((e) => e.node);

  it('lists open requests only, longest in their stage first, with the time spent there', async () => {
    const { data, errors } = await api.gql(QUEUE, {}, { token: await api.login(ACCOUNTS.impl) });
    expect(errors).toBeUndefined();
    const queue = nodes(data);
    expect(queue.length).toBe(data.openModuleRequests.totalCount);
    expect(queue.every((n) => !['CLOSED', 'REJECTED', 'WITHDRAWN'].includes(n.stage as string))).toBe(true);
    const entered = queue.map((n) => new Date(n.stageEnteredAt as string).getTime());
    expect([...entered].sort((a, b) => a - b)).toEqual(entered);
    for (const n of queue) {
      expect(n.timeInStageSeconds).toBe((NOW.getTime() - new Date(n.stageEnteredAt as string).getTime()) / 1000);
    }
    const open = await api.db.prisma.moduleRequest.count({
      where: { stage: { notIn: ['CLOSED', 'REJECTED', 'WITHDRAWN'] } },
    });
    expect(queue.length).toBe(open);
  });

  it('filters by stage, by assignee and to the unassigned', async () => {
    const token = await api.login(ACCOUNTS.care);
    const consultation = nodes((await api.gql(QUEUE, { stage: 'CONSULTATION' }, { token })).data);
    expect(consultation.length).toBeGreaterThan(0);
    expect(consultation.every((n) => n.stage === 'CONSULTATION')).toBe(true);
    const mine = nodes((await api.gql(QUEUE, { assigneeId: userIds['quoc.bao@vendor.example'] }, { token })).data);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((n) => (n.assignee as { email: string }).email === 'quoc.bao@vendor.example')).toBe(true);
    const unassigned = nodes((await api.gql(QUEUE, { unassigned: true }, { token })).data);
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every((n) => n.assignee === null)).toBe(true);
    const closed = await api.gql(QUEUE, { stage: 'CLOSED' }, { token });
    expect(closed.data.openModuleRequests.totalCount).toBe(0);
  });

  it('loads a page of requests with their people and timelines in a fixed number of queries', async () => {
    let operations = 0;
    // Counts Prisma operations (each one SQL query, or a handful for a nested create): an N+1 shows as growth with the page.
    const counted = api.db.prisma.$extends({
      query: {
        $allOperations: ({ args, query }) => {
          operations += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const yoga = createApi({ prisma: counted, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date(NOW) });
    const token = await api.login(ACCOUNTS.care);
    const page = async (first: number) => {
      operations = 0;
      const response = await yoga.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query ($first: Int!) { openModuleRequests(first: $first) { totalCount edges { node {
            ${REQUEST_FIELDS} createdBy { email } customer { code name } nextStages
          } } } }`,
          variables: { first },
        }),
      });
      const { data, errors } = (await response.json()) as {
        data: { openModuleRequests: { edges: unknown[] } };
        errors?: unknown;
      };
      expect(errors).toBeUndefined();
      return { rows: data.openModuleRequests.edges.length, operations };
    };
    try {
      const small = await page(2);
      const large = await page(50);
      expect(small.rows).toBe(2);
      expect(large.rows).toBeGreaterThan(10);
      expect(large.operations).toBe(small.operations);
    } finally {
      await yoga.dispose();
    }
  });

  it('is for vendor staff only', async () => {
    for (const account of ['hanoiAdmin', 'hanoiUser', 'saigonAdmin'] as const) {
      const result = await api.gql(QUEUE, {}, { token: await api.login(ACCOUNTS[account]) });
      expect(result.errors?.[0]?.extensions?.code, account).toBe('FORBIDDEN');
    }
  });
});

describe('another customer', () => {
  it('can act on none of them: every mutation answers NOT_FOUND for real ids, and nothing changes', async () => {
    const prisma = api.db.prisma;
    const saigonIds = seeded['SAIGON-GARMENT'].map((r) => r.id);
    const hanoiIds = (await prisma.moduleRequest.findMany({ where: { customer: { code: 'HANOI-WATER' } } })).map((r) =>
      globalId('ModuleRequest', r.id),
    );
    const snapshot = async () =>
      prisma.moduleRequest.findMany({ orderBy: { id: 'asc' }, include: { events: { orderBy: { id: 'asc' } } } });
    const before = await snapshot();
    for (const [account, ids] of [
      ['hanoiAdmin', saigonIds],
      ['saigonAdmin', hanoiIds],
    ] as const) {
      for (const id of ids) {
        for (const to of ['WITHDRAWN', 'CONSULTATION']) {
          const advance = await ok(account, ADVANCE, { id, to });
          expect(advance).toEqual({
            moduleRequest: null,
            userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: 'No such module request.' }],
          });
        }
        const comment = await ok(account, COMMENT, { id, body: 'Xin chào' });
        expect(comment.userErrors).toEqual([
          { code: 'NOT_FOUND', field: ['input', 'id'], message: 'No such module request.' },
        ]);
      }
    }
    for (const account of ['hanoiUser', 'saigonUser'] as const) {
      const ids = account === 'hanoiUser' ? saigonIds : hanoiIds;
      const comment = await ok(account, COMMENT, { id: ids[0]!, body: 'Xin chào' });
      expect(comment.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('can read none of them: not the requests, their timelines, nor the activity about them', async () => {
    const prisma = api.db.prisma;
    const hanoi = await prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const requests = await prisma.moduleRequest.findMany({ where: { customerId: hanoi.id } });
    const activities = await prisma.activity.findMany({ where: { customerId: hanoi.id } });
    expect(activities.length).toBeGreaterThan(requests.length);
    const foreign = [
      ...requests.map((r) => globalId('ModuleRequest', r.id)),
      ...activities.map((a) => globalId('Activity', a.id)),
    ];
    for (const account of ['saigonAdmin', 'saigonUser'] as const) {
      const token = await api.login(ACCOUNTS[account]);
      const { data, errors } = await api.gql(
        `query ($ids: [ID!]!) {
          nodes(ids: $ids) { id }
          moduleRequests(first: 100) { edges { node { customer { code } } } }
          viewer { customer { activities(first: 100) { edges { node { customer { code } moduleRequest { customer { code } } } } } } }
        }`,
        { ids: foreign.slice(0, 100) },
        { token },
      );
      expect(errors).toBeUndefined();
      // nodes(ids:) takes at most 100 IDs: the rest are asked in further calls.
      const nodes = [...data.nodes];
      for (let i = 100; i < foreign.length; i += 100) {
        const more = await api.gql(
          'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          {
            ids: foreign.slice(i, i + 100),
          },
          { token },
        );
        expect(more.errors).toBeUndefined();
        nodes.push(...more.data.nodes);
      }
      expect(nodes).toEqual(foreign.map(() => null));
      const codes = new Set([
        ...data.moduleRequests.edges.map((e: { node: { customer: { code: string } } }) => e.node.customer.code),
        ...data.viewer.customer.activities.edges.flatMap(
          (e: { node: { customer: { code: string }; moduleRequest: { customer: { code: string } } | null } }) => [
            e.node.customer.code,
            e.node.moduleRequest?.customer.code,
          ],
        ),
      ]);
      expect([...codes].filter(Boolean)).toEqual(['SAIGON-GARMENT']);
    }
  });
});
