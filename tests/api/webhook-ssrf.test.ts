// Webhook URLs that would make the server reach inside, over HTTP as a customer admin sends them:
// every URL of the fuzzer's SSRF block (scripts/lib/ssrf-attacks.ts), on webhookEndpointCreate and
// webhookEndpointUpdate, is refused with a user error on input.url and no 5xx, with the loopback
// allowed as in demo mode (the harder case); and webhookEndpointUpdate's own rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFuzzContext, sendHostile } from '../../scripts/lib/hostile-requests.ts';
import { refusedSsrf, SSRF_URLS, ssrfRequest } from '../../scripts/lib/ssrf-attacks.ts';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ listen: true, env: { RATE_LIMIT_PER_MINUTE: '0', WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' } });
});
afterAll(() => api.close());

const UPDATE = `mutation ($input: WebhookEndpointUpdateInput!) {
  webhookEndpointUpdate(input: $input) {
    webhookEndpoint { id url description active }
    userErrors { code field message }
  }
}`;
const CREATE = `mutation ($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) { secret webhookEndpoint { id url } userErrors { code field message } }
}`;

async function endpointOf(email: string, url: string): Promise<string> {
  const { data } = await api.gql(CREATE, { input: { url } }, { token: await api.login(email) });
  expect(data.webhookEndpointCreate.userErrors).toEqual([]);
  return data.webhookEndpointCreate.webhookEndpoint.id;
}

describe('SSRF attacks on webhook endpoint URLs', () => {
  it(`refuses all ${SSRF_URLS.length} URLs on create and on update, without a 5xx`, async () => {
    const context = await loadFuzzContext(api.origin!);
    const token = context.tokens.customerAdmin;
    expect(token).toBeTruthy();
    const endpointId = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://ssrf-target.hanoi-water.example/hook');
    const countBefore = await api.db.prisma.webhookEndpoint.count();
    const accepted: string[] = [];
    for (const url of SSRF_URLS) {
      for (const mutation of ['create', 'update'] as const) {
        const outcome = await sendHostile(api.origin!, ssrfRequest(url, mutation, endpointId, token));
        expect({ url, status: outcome.status, internal: outcome.internalError }).toEqual({
          url,
          status: 200,
          internal: false,
        });
        if (!refusedSsrf(outcome.body)) accepted.push(`${mutation} ${url}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await api.db.prisma.webhookEndpoint.count()).toBe(countBefore);
    const endpoint = await api.db.prisma.webhookEndpoint.findFirstOrThrow({
      where: { url: 'https://ssrf-target.hanoi-water.example/hook' },
    });
    expect(endpoint.disabledAt).toBeNull();
  }, 120_000);

  it('counts an accepted URL as not refused (the check can fail)', async () => {
    const token = await api.login(ACCOUNTS.saigonAdmin);
    const outcome = await sendHostile(
      api.origin!,
      ssrfRequest('https://accepted.saigon-garment.example/hook', 'create', 'x', token),
    );
    expect(refusedSsrf(outcome.body)).toBe(false);
    // The plain loopback spellings are what demo mode allows.
    for (const url of ['http://localhost:9/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:9/hook']) {
      expect(refusedSsrf((await sendHostile(api.origin!, ssrfRequest(url, 'create', 'x', token))).body), url).toBe(
        false,
      );
    }
  });

  it('refuses the plain loopback too when WEBHOOK_ALLOW_LOOPBACK_HTTP is off, as in production', async () => {
    const strict = await startTestApi({ db: api.db, env: { WEBHOOK_ALLOW_LOOPBACK_HTTP: 'false' } });
    try {
      const token = await strict.login(ACCOUNTS.saigonAdmin);
      for (const url of ['http://localhost:9/hook', 'https://127.0.0.1/hook', 'http://[::1]:9/hook']) {
        const { data } = await strict.gql(CREATE, { input: { url } }, { token });
        expect(data.webhookEndpointCreate.userErrors, url).toMatchObject([
          { code: 'INVALID_INPUT', field: ['input', 'url'], message: expect.stringMatching(/localhost/) },
        ]);
      }
    } finally {
      await strict.close();
    }
  });
});

describe('webhookEndpointUpdate', () => {
  let kept: string;
  let roles: string;
  beforeAll(async () => {
    kept = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://keep.hanoi-water.example/hook');
    roles = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://roles.hanoi-water.example/hook');
  });

  it("changes an endpoint's URL and description, keeping its secret", async () => {
    const id = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://erp.hanoi-water.example/v1');
    const rawId = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const secret = (await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawId } })).secret;
    const { data } = await api.gql(
      UPDATE,
      { input: { id, url: ' https://ERP.hanoi-water.example/v2#x ', description: ' v2 ' } },
      { token: await api.login(ACCOUNTS.hanoiAdmin) },
    );
    expect(data.webhookEndpointUpdate).toEqual({
      webhookEndpoint: { id, url: 'https://erp.hanoi-water.example/v2', description: 'v2', active: true },
      userErrors: [],
    });
    expect((await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawId } })).secret).toBe(secret);
  });

  it.each([
    ['http://2130706433/hook', /localhost/],
    ['https://[::ffff:127.0.0.1]/hook', /localhost/],
    ['https://10.0.0.1/hook', /non-public/],
    ['https://169.254.169.254/latest', /non-public/],
  ])('refuses %s with INVALID_INPUT on input.url and leaves the URL as it was', async (url, message) => {
    const id = kept;
    const { data } = await api.gql(UPDATE, { input: { id, url } }, { token: await api.login(ACCOUNTS.hanoiAdmin) });
    expect(data.webhookEndpointUpdate).toEqual({
      webhookEndpoint: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'url'], message: expect.stringMatching(message) }],
    });
    const rawId = Buffer.from(id, 'base64').toString().split(':')[1]!;
    expect((await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawId } })).url).toBe(
      'https://keep.hanoi-water.example/hook',
    );
  });

  it("refuses another active endpoint's URL, another customer's endpoint, and a deleted one", async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const first = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://one.hanoi-water.example/hook');
    const second = await endpointOf(ACCOUNTS.hanoiAdmin, 'https://two.hanoi-water.example/hook');
    const clash = await api.gql(
      UPDATE,
      { input: { id: second, url: 'https://one.hanoi-water.example/hook' } },
      { token },
    );
    expect(clash.data.webhookEndpointUpdate.userErrors).toMatchObject([{ code: 'CONFLICT', field: ['input', 'url'] }]);
    const saigon = await api.gql(
      UPDATE,
      { input: { id: first, description: 'mine now' } },
      { token: await api.login(ACCOUNTS.saigonAdmin) },
    );
    expect(saigon.data.webhookEndpointUpdate.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    await api.gql(
      'mutation ($input: WebhookEndpointDeleteInput!) { webhookEndpointDelete(input: $input) { userErrors { code } } }',
      { input: { id: first } },
      { token },
    );
    const deleted = await api.gql(UPDATE, { input: { id: first, description: 'back' } }, { token });
    expect(deleted.data.webhookEndpointUpdate.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });

  it.each([ACCOUNTS.hanoiUser, ACCOUNTS.admin, ACCOUNTS.care])('is refused to %s', async (email) => {
    const result = await api.gql(UPDATE, { input: { id: roles, description: 'x' } }, { token: await api.login(email) });
    expect(result.data?.webhookEndpointUpdate ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
  });
});
