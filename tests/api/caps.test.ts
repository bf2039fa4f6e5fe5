// Caps on everything a customer can make grow (blackout windows, API tokens, webhook endpoints, open
// module requests, a request's conversation), refused with LIMIT_REACHED; the bounds of the list
// fields that show them; and the length limits of free text.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULE_REQUEST_LIMITS } from '@upgrade-desk/domain';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const CAPS = {
  MAX_BLACKOUT_WINDOWS_PER_CUSTOMER: 12,
  MAX_API_TOKENS_PER_CUSTOMER: 4,
  MAX_WEBHOOK_ENDPOINTS_PER_CUSTOMER: 3,
  MAX_OPEN_MODULE_REQUESTS_PER_CUSTOMER: 15,
};

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: Object.fromEntries(Object.entries(CAPS).map(([k, v]) => [k, String(v)])) });
});
afterAll(() => api.close());

const DAY = 24 * 60 * 60 * 1000;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const customer = (code: string) => api.db.prisma.customer.findUniqueOrThrow({ where: { code } });
const user = (email: string) => api.db.prisma.user.findUniqueOrThrow({ where: { email } });

async function run(account: string, query: string, input: Record<string, unknown>) {
  const token = await api.login(account);
  const result = await api.gql(query, { input }, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data ?? {})[0] as { userErrors: { code: string; message: string }[] };
}

describe('blackout windows', () => {
  const CREATE = `mutation ($input: BlackoutWindowCreateInput!) {
    blackoutWindowCreate(input: $input) { blackoutWindow { id } userErrors { code field message } } }`;
  const input = (day: number) => ({
    reason: `Kiểm kê ${day}`,
    startsAt: new Date(NOW.getTime() + day * DAY).toISOString(),
    endsAt: new Date(NOW.getTime() + (day + 1) * DAY).toISOString(),
  });

  it('refuses one more than the cap with LIMIT_REACHED, past windows counted; the list holds them all', async () => {
    const { id: customerId } = await customer('SAIGON-GARMENT');
    const max = CAPS.MAX_BLACKOUT_WINDOWS_PER_CUSTOMER;
    const existing = await api.db.prisma.blackoutWindow.count({ where: { customerId } });
    expect(existing).toBeLessThan(max - 1);
    // Past windows count too: they are listed, and the list is bounded by the cap.
    await api.db.prisma.blackoutWindow.createMany({
      data: Array.from({ length: max - 1 - existing }, (_, i) => ({
        customerId,
        reason: `Past ${i}`,
        startsAt: new Date(NOW.getTime() - (i + 2) * DAY),
        endsAt: new Date(NOW.getTime() - (i + 1) * DAY),
      })),
    });
    expect((await run(ACCOUNTS.saigonAdmin, CREATE, input(3))).userErrors).toEqual([]);
    const refused = await run(ACCOUNTS.saigonAdmin, CREATE, input(4));
    expect(refused.userErrors).toEqual([
      { code: 'LIMIT_REACHED', field: null, message: expect.stringContaining(`at most ${max} blackout windows`) },
    ]);
    expect(await api.db.prisma.blackoutWindow.count({ where: { customerId } })).toBe(max);

    const token = await api.login(ACCOUNTS.saigonUser);
    const listed = await api.gql('{ viewer { customer { blackoutWindows { id } } } }', {}, { token });
    expect(listed.data.viewer.customer.blackoutWindows).toHaveLength(max);

    // Another customer has its own count.
    expect((await run(ACCOUNTS.hanoiAdmin, CREATE, input(4))).userErrors).toEqual([]);
  });
});

describe('API tokens', () => {
  const CREATE = `mutation ($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) { token apiToken { id } userErrors { code field message } } }`;
  const REVOKE = `mutation ($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) { revokedId userErrors { code } } }`;

  const insertToken = async (userId: string, state: 'live' | 'revoked' | 'expired' = 'live') =>
    api.db.prisma.apiToken.create({
      data: {
        userId,
        name: 'inserted',
        scopes: ['READ'],
        tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
        revokedAt: state === 'revoked' ? NOW : null,
        expiresAt: state === 'expired' ? new Date(NOW.getTime() - DAY) : null,
      },
    });

  it("counts every user of the customer's tokens not revoked, expired ones too; revoking makes room", async () => {
    const max = CAPS.MAX_API_TOKENS_PER_CUSTOMER;
    const hanoiUser = await user(ACCOUNTS.hanoiUser);
    const { id: customerId } = await customer('HANOI-WATER');
    const existing = await api.db.prisma.apiToken.count({ where: { revokedAt: null, user: { customerId } } });
    expect(existing).toBeLessThan(max - 1);
    // Another user's token counts; a revoked one does not; an expired one does (it is still listed).
    await insertToken(hanoiUser.id, 'expired');
    await insertToken(hanoiUser.id, 'revoked');
    const filler = max - 2 - existing;
    for (let i = 0; i < filler; i++) await insertToken((await user(ACCOUNTS.hanoiAdmin)).id);
    const last = await run(ACCOUNTS.hanoiAdmin, CREATE, { name: 'ERP sync', scopes: ['READ'] });
    expect(last.userErrors).toEqual([]);
    const refused = await run(ACCOUNTS.hanoiAdmin, CREATE, { name: 'one too many', scopes: ['READ'] });
    expect(refused.userErrors).toEqual([
      { code: 'LIMIT_REACHED', field: null, message: expect.stringContaining(`at most ${max} API tokens`) },
    ]);
    expect(await api.db.prisma.apiToken.count({ where: { revokedAt: null, user: { customerId } } })).toBe(max);

    const { apiToken } = last as unknown as { apiToken: { id: string } };
    expect((await run(ACCOUNTS.hanoiAdmin, REVOKE, { id: apiToken.id })).userErrors).toEqual([]);
    expect((await run(ACCOUNTS.hanoiAdmin, CREATE, { name: 'again', scopes: ['READ'] })).userErrors).toEqual([]);

    // The list a user reads is bounded by the same cap.
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const listed = await api.gql('{ viewer { apiTokens { id } } }', {}, { token });
    expect(listed.data.viewer.apiTokens.length).toBeLessThanOrEqual(max);
  });

  it("counts a staff member's own tokens apart", async () => {
    const max = CAPS.MAX_API_TOKENS_PER_CUSTOMER;
    const engineer = await user(ACCOUNTS.engineer);
    const existing = await api.db.prisma.apiToken.count({ where: { revokedAt: null, userId: engineer.id } });
    for (let i = existing; i < max; i++) await insertToken(engineer.id);
    const refused = await run(ACCOUNTS.engineer, CREATE, { name: 'one too many', scopes: ['READ'] });
    expect(refused.userErrors).toMatchObject([{ code: 'LIMIT_REACHED' }]);
    expect((await run(ACCOUNTS.admin, CREATE, { name: 'admin tool', scopes: ['READ'] })).userErrors).toEqual([]);
  });
});

describe('webhook endpoints', () => {
  const CREATE = `mutation ($input: WebhookEndpointCreateInput!) {
    webhookEndpointCreate(input: $input) { webhookEndpoint { id } userErrors { code field message } } }`;

  it('refuses one more active endpoint than configured with LIMIT_REACHED', async () => {
    const max = CAPS.MAX_WEBHOOK_ENDPOINTS_PER_CUSTOMER;
    for (let i = 1; i <= max; i++) {
      const created = await run(ACCOUNTS.hanoiAdmin, CREATE, { url: `https://erp.hanoi-water.example/hook/${i}` });
      expect(created.userErrors).toEqual([]);
    }
    const refused = await run(ACCOUNTS.hanoiAdmin, CREATE, { url: 'https://erp.hanoi-water.example/hook/x' });
    expect(refused.userErrors).toEqual([
      {
        code: 'LIMIT_REACHED',
        field: ['input', 'url'],
        message: expect.stringContaining(`at most ${max} webhook endpoints`),
      },
    ]);
  });

  it('lists at most 100 with the deleted ones: the active first, then the most recently deleted', async () => {
    const { id: customerId } = await customer('SAIGON-GARMENT');
    await api.db.prisma.webhookEndpoint.deleteMany({ where: { customerId } });
    await api.db.prisma.webhookEndpoint.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        customerId,
        url: `https://old.saigon-garment.example/${i}`,
        secret: 'x',
        createdAt: new Date(NOW.getTime() - (300 - i) * DAY),
        disabledAt: new Date(NOW.getTime() - (150 - i) * DAY),
      })),
    });
    const active = await api.db.prisma.webhookEndpoint.create({
      data: {
        customerId,
        url: 'https://sync.saigon-garment.example',
        secret: 'x',
        createdAt: new Date(NOW.getTime() - 400 * DAY),
      },
    });
    const token = await api.login(ACCOUNTS.saigonAdmin);
    const listed = await api.gql(
      '{ viewer { customer { webhookEndpoints(includeDeleted: true) { id url active } } } }',
      {},
      { token },
    );
    const endpoints = listed.data.viewer.customer.webhookEndpoints as { id: string; url: string; active: boolean }[];
    expect(endpoints).toHaveLength(100);
    expect(endpoints[0]).toMatchObject({ id: globalId('WebhookEndpoint', active.id), active: true });
    expect(endpoints[1]!.url).toBe('https://old.saigon-garment.example/149');
    expect(endpoints.at(-1)!.url).toBe('https://old.saigon-garment.example/51');
  });
});

describe('module requests', () => {
  const CREATE = `mutation ($input: ModuleRequestCreateInput!) {
    moduleRequestCreate(input: $input) { moduleRequest { id } userErrors { code field message } } }`;
  const COMMENT = `mutation ($input: ModuleRequestCommentInput!) {
    moduleRequestComment(input: $input) { moduleRequest { id } userErrors { code field message } } }`;
  const ASSIGN = `mutation ($input: ModuleRequestAssignInput!) {
    moduleRequestAssign(input: $input) { moduleRequest { id } userErrors { code field message } } }`;
  const extension = (title: string) => ({ kind: 'EXTENSION', title, description: 'Thêm báo cáo' });

  it('refuses a request past the open ones allowed with LIMIT_REACHED; closed ones do not count', async () => {
    const max = CAPS.MAX_OPEN_MODULE_REQUESTS_PER_CUSTOMER;
    const { id: customerId } = await customer('HANOI-WATER');
    const open = { customerId, stage: { notIn: ['CLOSED', 'REJECTED', 'WITHDRAWN'] as const } };
    const existing = await api.db.prisma.moduleRequest.count({
      where: { ...open, stage: { notIn: [...open.stage.notIn] } },
    });
    expect(existing).toBeLessThan(max - 1);
    await api.db.prisma.moduleRequest.createMany({
      data: Array.from({ length: max - 1 - existing }, (_, i) => ({
        customerId,
        kind: 'EXTENSION' as const,
        title: `Filler ${i}`,
        description: 'filler',
      })),
    });
    await api.db.prisma.moduleRequest.create({
      data: { customerId, kind: 'EXTENSION', title: 'Closed', description: 'closed', stage: 'WITHDRAWN' },
    });
    expect((await run(ACCOUNTS.hanoiAdmin, CREATE, extension('Báo cáo thất thoát nước'))).userErrors).toEqual([]);
    const refused = await run(ACCOUNTS.hanoiAdmin, CREATE, extension('Một yêu cầu nữa'));
    expect(refused.userErrors).toEqual([
      { code: 'LIMIT_REACHED', field: null, message: expect.stringContaining(`at most ${max} open module requests`) },
    ]);
    expect(
      await api.db.prisma.moduleRequest.count({ where: { ...open, stage: { notIn: [...open.stage.notIn] } } }),
    ).toBe(max);
  });

  it("caps a request's comments and assignments together, so its timeline stays bounded", async () => {
    const { id: customerId } = await customer('SAIGON-GARMENT');
    const care = await user(ACCOUNTS.care);
    const request = await api.db.prisma.moduleRequest.create({
      data: {
        customerId,
        kind: 'EXTENSION',
        title: 'Long talk',
        description: 'long',
        events: { create: { kind: 'STAGE', stage: 'SUBMITTED', at: NOW } },
      },
    });
    const max = MODULE_REQUEST_LIMITS.conversationMax;
    await api.db.prisma.moduleRequestEvent.createMany({
      data: Array.from({ length: max - 1 }, (_, i) => ({
        requestId: request.id,
        kind: i % 2 ? ('COMMENT' as const) : ('ASSIGNMENT' as const),
        stage: 'SUBMITTED' as const,
        note: `#${i}`,
        at: new Date(NOW.getTime() + i),
        byId: care.id,
      })),
    });
    const id = globalId('ModuleRequest', request.id);
    expect((await run(ACCOUNTS.saigonUser, COMMENT, { id, body: 'Còn một câu hỏi' })).userErrors).toEqual([]);
    const comment = await run(ACCOUNTS.saigonUser, COMMENT, { id, body: 'Thêm một câu nữa' });
    expect(comment.userErrors).toEqual([
      { code: 'LIMIT_REACHED', field: ['input', 'id'], message: expect.stringContaining(`at most ${max}`) },
    ]);
    const impl = await user(ACCOUNTS.impl);
    const assign = await run(ACCOUNTS.care, ASSIGN, { id, assigneeId: globalId('User', impl.id) });
    expect(assign.userErrors).toMatchObject([{ code: 'LIMIT_REACHED' }]);

    const token = await api.login(ACCOUNTS.care);
    const read = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on ModuleRequest { timeline { kind } } } }',
      { id },
      { token },
    );
    expect(read.data.node.timeline).toHaveLength(max + 1);
  });
});

describe('text lengths', () => {
  it.each([
    [
      'a blackout reason of 501 characters',
      ACCOUNTS.hanoiAdmin,
      'mutation ($input: BlackoutWindowCreateInput!) { blackoutWindowCreate(input: $input) { userErrors { code } } }',
      {
        reason: 'x'.repeat(501),
        startsAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
        endsAt: new Date(NOW.getTime() + 4 * DAY).toISOString(),
      },
    ],
    [
      'an API token name of 101 characters',
      ACCOUNTS.saigonAdmin,
      'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { userErrors { code } } }',
      { name: 'x'.repeat(101), scopes: ['READ'] },
    ],
    [
      'a webhook description of 201 characters',
      ACCOUNTS.saigonAdmin,
      'mutation ($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { userErrors { code } } }',
      { url: 'https://long.saigon-garment.example', description: 'x'.repeat(201) },
    ],
  ])('refuses %s', async (_what, account, query, input) => {
    const token = await api.login(account);
    const result = await api.gql(query, { input }, { token });
    expect(result.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('refuses a comment or a note longer than the limits', async () => {
    const request = await api.db.prisma.moduleRequest.findFirstOrThrow({
      where: { customer: { code: 'SAIGON-GARMENT' }, stage: 'CONSULTATION' },
    });
    const id = globalId('ModuleRequest', request.id);
    const comment = await run(
      ACCOUNTS.saigonUser,
      'mutation ($input: ModuleRequestCommentInput!) { moduleRequestComment(input: $input) { userErrors { code field } } }',
      { id, body: 'x'.repeat(MODULE_REQUEST_LIMITS.commentMax + 1) },
    );
    expect(comment.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'body'] }]);
    const note = await run(
      ACCOUNTS.care,
      'mutation ($input: ModuleRequestAdvanceInput!) { moduleRequestAdvance(input: $input) { userErrors { code field } } }',
      { id, to: 'REJECTED', note: 'x'.repeat(MODULE_REQUEST_LIMITS.noteMax + 1) },
    );
    expect(note.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'note'] }]);
  });
});

describe('list fields that grow are connections of at most 100 a page', () => {
  it.each([
    ['Customer.activities', ACCOUNTS.hanoiUser, '{ viewer { customer { activities(first: 101) { totalCount } } } }'],
    [
      'WebhookEndpoint.deliveries',
      ACCOUNTS.admin,
      '{ customers(first: 1) { edges { node { webhookEndpoints(includeDeleted: true) { deliveries(first: 101) { totalCount } } } } } }',
    ],
  ])('%s refuses first: 101', async (_field, account, query) => {
    const token = await api.login(account);
    const result = await api.gql(query, {}, { token });
    expect(result.errors).toMatchObject([{ message: expect.stringMatching(/100/) }]);
  });
});
