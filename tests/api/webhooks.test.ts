// Webhook endpoints over the API, as every role: who may create, list, read the log of and delete
// them, with real IDs of another customer for the negative cases, and the secret shown once only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
const MEKONG_ADMIN = 'admin@mekong-distribution.example';
const MEKONG_USER = 'user@mekong-distribution.example';

const CREATE = `mutation ($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) {
    secret
    webhookEndpoint { id url description active createdAt customer { code } }
    userErrors { code field message }
  }
}`;
const DELETE = `mutation ($input: WebhookEndpointDeleteInput!) {
  webhookEndpointDelete(input: $input) {
    webhookEndpoint { id active disabledAt }
    userErrors { code field message }
  }
}`;
const ENDPOINTS = `{ viewer { customer { code webhookEndpoints { id url active } } } }`;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

async function create(email: string, input: { url: string; description?: string }) {
  return api.gql(CREATE, { input }, { token: await api.login(email) });
}

let mekongEndpointId: string;
let hanoiId: string;

beforeAll(async () => {
  api = await startTestApi();
  const mekong = await api.db.prisma.customer.findUniqueOrThrow({
    where: { code: 'MEKONG-DISTRIBUTION' },
    include: { webhookEndpoints: true },
  });
  expect(mekong.webhookEndpoints).toHaveLength(1);
  mekongEndpointId = globalId('WebhookEndpoint', mekong.webhookEndpoints[0]!.id);
  hanoiId = globalId(
    'Customer',
    (await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } })).id,
  );
});
afterAll(() => api.close());

describe('webhookEndpointCreate', () => {
  it('lets a customer admin add an endpoint to its own customer, and shows the secret once', async () => {
    const { data, errors } = await create(ACCOUNTS.hanoiAdmin, {
      url: 'https://erp-bridge.hanoi-water.example/hooks/upgrade-desk',
      description: '  Lịch bảo trì sang phần mềm điều độ  ',
    });
    expect(errors).toBeUndefined();
    const payload = data.webhookEndpointCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(payload.webhookEndpoint).toMatchObject({
      url: 'https://erp-bridge.hanoi-water.example/hooks/upgrade-desk',
      description: 'Lịch bảo trì sang phần mềm điều độ',
      active: true,
      customer: { code: 'HANOI-WATER' },
    });
    // Stored as is (signing needs it), and never readable again through the API.
    const row = await api.db.prisma.webhookEndpoint.findUniqueOrThrow({
      where: { id: rawId(payload.webhookEndpoint.id) },
    });
    expect(row.secret).toBe(payload.secret);
    const again = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint { secret } } }',
      { id: payload.webhookEndpoint.id },
      { token: await api.login(ACCOUNTS.hanoiAdmin) },
    );
    expect(again.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);
    // Each endpoint its own secret.
    const second = await create(ACCOUNTS.hanoiAdmin, { url: 'http://127.0.0.1:8080/dev-hook' });
    expect(second.data.webhookEndpointCreate.userErrors).toEqual([]);
    expect(second.data.webhookEndpointCreate.secret).not.toBe(payload.secret);
  });

  it.each([
    ['http://erp.hanoi-water.example/hook', /https:\/\//],
    ['ftp://erp.hanoi-water.example/hook', /https:\/\//],
    ['erp.hanoi-water.example/hook', /not an absolute URL/],
    ['https://user:pass@erp.hanoi-water.example/hook', /user name or password/],
    [`https://erp.hanoi-water.example/${'a'.repeat(2000)}`, /longer than 2000/],
  ])('refuses %s with INVALID_INPUT on the url field', async (url, message) => {
    const { data, errors } = await create(ACCOUNTS.hanoiAdmin, { url });
    expect(errors).toBeUndefined();
    expect(data.webhookEndpointCreate.webhookEndpoint).toBeNull();
    expect(data.webhookEndpointCreate.secret).toBeNull();
    expect(data.webhookEndpointCreate.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'url'], message: expect.stringMatching(message) },
    ]);
  });

  it('refuses a second active endpoint with the same URL, and more than ten', async () => {
    const url = 'https://sync.saigon-garment.example/hook';
    expect((await create(ACCOUNTS.saigonAdmin, { url })).data.webhookEndpointCreate.userErrors).toEqual([]);
    const duplicate = await create(ACCOUNTS.saigonAdmin, { url });
    expect(duplicate.data.webhookEndpointCreate.userErrors).toMatchObject([
      { code: 'CONFLICT', field: ['input', 'url'] },
    ]);
    for (let i = 2; i <= 10; i++) {
      const result = await create(ACCOUNTS.saigonAdmin, { url: `${url}/${i}` });
      expect(result.data.webhookEndpointCreate.userErrors).toEqual([]);
    }
    const eleventh = await create(ACCOUNTS.saigonAdmin, { url: `${url}/11` });
    expect(eleventh.data.webhookEndpointCreate.userErrors).toMatchObject([
      { code: 'LIMIT_REACHED', field: ['input', 'url'], message: expect.stringMatching(/at most 10/) },
    ]);
    expect(await api.db.prisma.webhookEndpoint.count({ where: { customer: { code: 'SAIGON-GARMENT' } } })).toBe(10);
  });

  it.each([ACCOUNTS.hanoiUser, ACCOUNTS.admin, ACCOUNTS.engineer, ACCOUNTS.care, ACCOUNTS.impl])(
    'is refused to %s',
    async (email) => {
      const result = await create(email, { url: 'https://x.example/hook' });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data?.webhookEndpointCreate ?? null).toBeNull();
    },
  );

  it('is refused to anonymous callers and to READ-scoped API tokens', async () => {
    const anonymous = await api.gql(CREATE, { input: { url: 'https://x.example/hook' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const token = await api.gql(
      'mutation { apiTokenCreate(input: { name: "reader", scopes: [READ] }) { token } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiAdmin) },
    );
    const readOnly = await api.gql(
      CREATE,
      { input: { url: 'https://x.example/hook' } },
      { token: token.data.apiTokenCreate.token },
    );
    expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reading endpoints and their delivery log', () => {
  it("Customer.webhookEndpoints: the customer's admins, and staff; not its users", async () => {
    const mine = await api.gql(ENDPOINTS, {}, { token: await api.login(MEKONG_ADMIN) });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.viewer.customer.webhookEndpoints).toEqual([
      { id: mekongEndpointId, url: 'https://erp-bridge.mekong-distribution.example/hooks/upgrade-desk', active: true },
    ]);
    const user = await api.gql(ENDPOINTS, {}, { token: await api.login(MEKONG_USER) });
    expect(user.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Customer { webhookEndpoints { id } } } }',
      {
        id: globalId(
          'Customer',
          (await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'MEKONG-DISTRIBUTION' } })).id,
        ),
      },
      { token: await api.login(ACCOUNTS.care) },
    );
    expect(staff.data.node.webhookEndpoints).toEqual([{ id: mekongEndpointId }]);
  });

  it("node(id) of another customer's endpoint answers null, like a missing one", async () => {
    for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.hanoiUser, ACCOUNTS.saigonAdmin, MEKONG_USER]) {
      const result = await api.gql(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: mekongEndpointId },
        { token: await api.login(email) },
      );
      expect(result, email).toEqual({ data: { node: null } });
    }
    for (const email of [MEKONG_ADMIN, ACCOUNTS.care, ACCOUNTS.engineer]) {
      const result = await api.gql(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: mekongEndpointId },
        { token: await api.login(email) },
      );
      expect(result, email).toEqual({ data: { node: { id: mekongEndpointId } } });
    }
  });

  const LOG = `query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint {
    deliveries(first: 5) { totalCount edges { node {
      id channel recipient status attempts lastError sentAt nextAttemptAt webhookEndpoint { id } notice { id customer { code } }
    } } }
  } } }`;

  it('WebhookEndpoint.deliveries: the owning admin and staff read the log; nobody else reaches a delivery', async () => {
    const own = await api.gql(LOG, { id: mekongEndpointId }, { token: await api.login(MEKONG_ADMIN) });
    expect(own.errors).toBeUndefined();
    const log = own.data.node.deliveries;
    expect(log.totalCount).toBeGreaterThan(0);
    expect(log.edges.length).toBe(Math.min(5, log.totalCount));
    for (const { node } of log.edges) {
      expect(node).toMatchObject({
        channel: 'WEBHOOK',
        status: 'SENT',
        attempts: 1,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(node.sentAt).toEqual(expect.any(String));
      expect(node.webhookEndpoint.id).toBe(mekongEndpointId);
      expect(node.notice.customer.code).toBe('MEKONG-DISTRIBUTION');
    }
    const staff = await api.gql(LOG, { id: mekongEndpointId }, { token: await api.login(ACCOUNTS.impl) });
    expect(staff.data.node.deliveries.totalCount).toBe(log.totalCount);

    const deliveryId = log.edges[0].node.id;
    for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.saigonAdmin, MEKONG_USER]) {
      const result = await api.gql(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: deliveryId },
        { token: await api.login(email) },
      );
      expect(result, email).toEqual({ data: { node: null } });
    }
    const byOwner = await api.gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: deliveryId },
      { token: await api.login(MEKONG_ADMIN) },
    );
    expect(byOwner.data.node).toEqual({ id: deliveryId });
  });

  it("Notice.deliveries is for staff; a customer admin does not see its users' email log", async () => {
    const notice = await api.db.prisma.notice.findFirstOrThrow({
      where: { customer: { code: 'MEKONG-DISTRIBUTION' }, deliveries: { some: { channel: 'EMAIL' } } },
      include: { deliveries: true },
    });
    const query = `query ($id: ID!) { node(id: $id) { ... on Notice { deliveries(first: 50) { totalCount edges { node { channel recipient status } } } } } }`;
    const id = globalId('Notice', notice.id);
    const staff = await api.gql(query, { id }, { token: await api.login(ACCOUNTS.care) });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.node.deliveries.totalCount).toBe(notice.deliveries.length);
    expect(new Set(staff.data.node.deliveries.edges.map((e: { node: { channel: string } }) => e.node.channel))).toEqual(
      new Set(['EMAIL', 'WEBHOOK']),
    );
    const admin = await api.gql(query, { id }, { token: await api.login(MEKONG_ADMIN) });
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const email = notice.deliveries.find((d) => d.channel === 'EMAIL')!;
    const emailNode = await api.gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: globalId('Delivery', email.id) },
      { token: await api.login(MEKONG_ADMIN) },
    );
    expect(emailNode).toEqual({ data: { node: null } });
  });
});

describe('webhookEndpointDelete', () => {
  it("answers NOT_FOUND for another customer's real endpoint, and leaves it active", async () => {
    for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.saigonAdmin]) {
      const { data, errors } = await api.gql(
        DELETE,
        { input: { id: mekongEndpointId } },
        { token: await api.login(email) },
      );
      expect(errors).toBeUndefined();
      expect(data.webhookEndpointDelete).toEqual({
        webhookEndpoint: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: 'No such webhook endpoint.' }],
      });
    }
    expect(
      await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawId(mekongEndpointId) } }),
    ).toMatchObject({ disabledAt: null });
  });

  it.each([MEKONG_USER, ACCOUNTS.care, ACCOUNTS.engineer, ACCOUNTS.impl])('is refused to %s', async (email) => {
    const result = await api.gql(DELETE, { input: { id: mekongEndpointId } }, { token: await api.login(email) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the owning admin delete it: soft, pending deliveries abandoned, log kept; a second time is NOT_FOUND', async () => {
    const created = await create(ACCOUNTS.hanoiAdmin, { url: 'https://to-delete.hanoi-water.example/hook' });
    const endpointId = created.data.webhookEndpointCreate.webhookEndpoint.id;
    const notice = await api.db.prisma.notice.findFirstOrThrow({
      where: { customer: { code: 'HANOI-WATER' }, publishedAt: { not: null } },
    });
    const pending = await api.db.prisma.delivery.create({
      data: {
        noticeId: notice.id,
        channel: 'WEBHOOK',
        recipient: 'https://to-delete.hanoi-water.example/hook',
        webhookEndpointId: rawId(endpointId),
      },
    });

    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const { data } = await api.gql(DELETE, { input: { id: endpointId } }, { token });
    expect(data.webhookEndpointDelete.userErrors).toEqual([]);
    expect(data.webhookEndpointDelete.webhookEndpoint).toMatchObject({
      id: endpointId,
      active: false,
      disabledAt: '2026-12-01T03:00:00.000Z',
    });
    expect(await api.db.prisma.delivery.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: 'ABANDONED',
      lastError: 'The webhook endpoint was deleted.',
    });

    const list = await api.gql(ENDPOINTS, {}, { token });
    expect(list.data.viewer.customer.webhookEndpoints.map((e: { id: string }) => e.id)).not.toContain(endpointId);
    const withDeleted = await api.gql(
      '{ viewer { customer { webhookEndpoints(includeDeleted: true) { id active } } } }',
      {},
      { token },
    );
    expect(withDeleted.data.viewer.customer.webhookEndpoints).toContainEqual({ id: endpointId, active: false });
    const log = await api.gql(LOG_COUNT, { id: endpointId }, { token });
    expect(log.data.node.deliveries.totalCount).toBe(1);

    const again = await api.gql(DELETE, { input: { id: endpointId } }, { token });
    expect(again.data.webhookEndpointDelete.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });

  it("lets the vendor's ADMIN stop any customer's endpoint", async () => {
    const { data } = await api.gql(
      DELETE,
      { input: { id: mekongEndpointId } },
      { token: await api.login(ACCOUNTS.admin) },
    );
    expect(data.webhookEndpointDelete).toMatchObject({
      webhookEndpoint: { id: mekongEndpointId, active: false },
      userErrors: [],
    });
  });

  it('refuses an id of another type', async () => {
    const result = await api.gql(DELETE, { input: { id: hanoiId } }, { token: await api.login(ACCOUNTS.hanoiAdmin) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const LOG_COUNT =
  'query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries(first: 1) { totalCount } } } }';
