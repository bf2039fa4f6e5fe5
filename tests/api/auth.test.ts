import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, startTestApi, type TestApi } from './harness.ts';

const LOGIN = `mutation ($input: SessionCreateInput!) {
  sessionCreate(input: $input) { token expiresAt user { email role } userErrors { code message field } }
}`;
const VIEWER = '{ viewer { email role customer { code } } }';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('sessionCreate', () => {
  it.each([
    [ACCOUNTS.admin, 'ADMIN', null],
    [ACCOUNTS.engineer, 'ENGINEER', null],
    [ACCOUNTS.care, 'CUSTOMER_CARE', null],
    [ACCOUNTS.impl, 'IMPLEMENTATION', null],
    [ACCOUNTS.hanoiAdmin, 'CUSTOMER_ADMIN', 'HANOI-WATER'],
    [ACCOUNTS.hanoiUser, 'CUSTOMER_USER', 'HANOI-WATER'],
    [ACCOUNTS.saigonAdmin, 'CUSTOMER_ADMIN', 'SAIGON-GARMENT'],
    [ACCOUNTS.saigonUser, 'CUSTOMER_USER', 'SAIGON-GARMENT'],
  ])('logs %s in with the demo password; viewer shows %s of %s', async (email, role, customerCode) => {
    const token = await api.login(email);
    const { data } = await api.gql(VIEWER, {}, { token });
    expect(data.viewer).toEqual({ email, role, customer: customerCode ? { code: customerCode } : null });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const { data } = await api.gql(LOGIN, { input: { email: '  Engineer@Vendor.Example ', password: DEMO_PASSWORD } });
    expect(data.sessionCreate.user.email).toBe(ACCOUNTS.engineer);
    expect(data.sessionCreate.token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('gives one generic answer for an unknown email and for a wrong password', async () => {
    const unknown = await api.gql(LOGIN, { input: { email: 'nobody@vendor.example', password: DEMO_PASSWORD } });
    const wrong = await api.gql(LOGIN, { input: { email: ACCOUNTS.care, password: 'wrong-password' } });
    expect(unknown.data.sessionCreate).toEqual({
      token: null,
      expiresAt: null,
      user: null,
      userErrors: [expect.any(Object)],
    });
    expect(unknown.data.sessionCreate.userErrors).toEqual(wrong.data.sessionCreate.userErrors);
    expect(wrong.data.sessionCreate.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('stores only the SHA-256 of the session token', async () => {
    const token = await api.login(ACCOUNTS.impl);
    const sessions = await api.db.prisma.session.findMany({ select: { id: true } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.id === token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });

  it('allows one login attempt per request, so aliases cannot multiply guesses', async () => {
    const { data } = await api.gql(
      `mutation {
        a: sessionCreate(input: { email: "${ACCOUNTS.saigonUser}", password: "guess-1" }) { userErrors { code } }
        b: sessionCreate(input: { email: "${ACCOUNTS.saigonUser}", password: "${DEMO_PASSWORD}" }) { token userErrors { code } }
      }`,
      {},
      { headers: { 'x-forwarded-for': '10.9.9.9' } },
    );
    expect(data.a.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    expect(data.b).toEqual({ token: null, userErrors: [{ code: 'RATE_LIMITED' }] });
  });

  it('locks an account from the address that guessed, and the right password still works from elsewhere', async () => {
    const email = ACCOUNTS.hanoiUser;
    const from = (ip: string, password: string) =>
      api.gql(LOGIN, { input: { email, password } }, { headers: { 'x-forwarded-for': ip } });
    const codes: string[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await from('10.1.1.1', `wrong-${i}`)).data.sessionCreate.userErrors[0].code);
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED', 'RATE_LIMITED']);
    // While the lock holds for that address, even the right password is refused there.
    const there = await from('10.1.1.1', DEMO_PASSWORD);
    expect(there.data.sessionCreate.token).toBeNull();
    expect(there.data.sessionCreate.userErrors[0].code).toBe('RATE_LIMITED');

    // Guesses spread over many addresses lock none of them, nor the account.
    for (let i = 0; i < 12; i++) {
      const guess = await from(`10.1.2.${i}`, `wrong-${i}`);
      expect(guess.data.sessionCreate.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const elsewhere = await from('10.1.3.1', DEMO_PASSWORD);
    expect(elsewhere.data.sessionCreate).toMatchObject({ token: expect.any(String), userErrors: [] });
  });
});

describe('sessionRevoke', () => {
  it('logs the calling session out', async () => {
    const { data } = await api.gql(LOGIN, { input: { email: ACCOUNTS.saigonAdmin, password: DEMO_PASSWORD } });
    const token = data.sessionCreate.token;
    expect((await api.gql(VIEWER, {}, { token })).data.viewer.email).toBe(ACCOUNTS.saigonAdmin);
    const revoke = await api.gql('mutation { sessionRevoke { revoked } }', {}, { token });
    expect(revoke.data.sessionRevoke.revoked).toBe(true);
    expect((await api.gql(VIEWER, {}, { token })).data.viewer).toBeNull();
  });

  it('answers revoked: false for an anonymous caller', async () => {
    const { data } = await api.gql('mutation { sessionRevoke { revoked } }');
    expect(data.sessionRevoke.revoked).toBe(false);
  });
});

describe('API tokens', () => {
  const CREATE = `mutation ($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) { token apiToken { id name scopes lastUsedAt } userErrors { code field } }
  }`;

  it('creates a READ token that can query but not mutate, and records its use', async () => {
    const session = await api.login(ACCOUNTS.hanoiAdmin);
    const { data } = await api.gql(CREATE, { input: { name: 'ERP sync', scopes: ['READ'] } }, { token: session });
    const { token, apiToken } = data.apiTokenCreate;
    expect(token).toMatch(/^udt_/);
    expect(apiToken).toMatchObject({ name: 'ERP sync', scopes: ['READ'], lastUsedAt: null });

    const viewer = await api.gql(VIEWER, {}, { token });
    expect(viewer.data.viewer).toEqual({
      email: ACCOUNTS.hanoiAdmin,
      role: 'CUSTOMER_ADMIN',
      customer: { code: 'HANOI-WATER' },
    });

    const mutate = await api.gql(CREATE, { input: { name: 'escalate', scopes: ['WRITE'] } }, { token });
    expect(mutate.data?.apiTokenCreate ?? null).toBeNull();
    expect(mutate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const stored = await api.db.prisma.apiToken.findFirstOrThrow({ where: { name: 'ERP sync' } });
    expect(stored.lastUsedAt).not.toBeNull();
    expect(stored.tokenHash).not.toContain(token.slice(4));
  });

  it('stops accepting a revoked token', async () => {
    const session = await api.login(ACCOUNTS.hanoiAdmin);
    const created = await api.gql(
      CREATE,
      { input: { name: 'short-lived', scopes: ['READ', 'WRITE'] } },
      { token: session },
    );
    const { token, apiToken } = created.data.apiTokenCreate;
    const revoke = await api.gql(
      'mutation ($id: ID!) { apiTokenRevoke(input: { id: $id }) { revokedId userErrors { code } } }',
      { id: apiToken.id },
      { token: session },
    );
    expect(revoke.data.apiTokenRevoke).toEqual({ revokedId: apiToken.id, userErrors: [] });
    expect((await api.gql(VIEWER, {}, { token })).data.viewer).toBeNull();
  });

  it("refuses to revoke another user's token", async () => {
    const hanoi = await api.login(ACCOUNTS.hanoiAdmin);
    const created = await api.gql(CREATE, { input: { name: 'mine', scopes: ['READ'] } }, { token: hanoi });
    const saigon = await api.login(ACCOUNTS.saigonAdmin);
    const revoke = await api.gql(
      'mutation ($id: ID!) { apiTokenRevoke(input: { id: $id }) { revokedId userErrors { code } } }',
      { id: created.data.apiTokenCreate.apiToken.id },
      { token: saigon },
    );
    expect(revoke.data.apiTokenRevoke).toEqual({ revokedId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it('refuses customer users, and validates the input', async () => {
    const user = await api.login(ACCOUNTS.saigonUser);
    const refused = await api.gql(CREATE, { input: { name: 'x', scopes: ['READ'] } }, { token: user });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await api.login(ACCOUNTS.saigonAdmin);
    const past = await api.gql(
      CREATE,
      { input: { name: 'old', scopes: ['READ'], expiresAt: '2020-01-01T00:00:00Z' } },
      { token: admin },
    );
    expect(past.data.apiTokenCreate.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'expiresAt'] }]);
    const empty = await api.gql(CREATE, { input: { name: '  ', scopes: [] } }, { token: admin });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('verified credentials cached in memory', () => {
  const REVOKE_TOKEN = 'mutation ($id: ID!) { apiTokenRevoke(input: { id: $id }) { revokedId userErrors { code } } }';
  const env = {
    AUTH_CACHE_TTL_MS: '60000',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_CHANNEL_PREFIX: `auth-test-${randomUUID()}:`,
  };
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    first = await startTestApi({ env });
    second = await startTestApi({ env, db: first.db });
    await Promise.all([first.events.ready(5_000), second.events.ready(5_000)]);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Asks `api` until it no longer knows the token; how long that took, in ms. */
  async function untilRefused(api: TestApi, token: string): Promise<number> {
    const started = Date.now();
    while ((await api.gql(VIEWER, {}, { token })).data.viewer !== null) {
      if (Date.now() - started > 10_000) throw new Error('still accepted after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - started;
  }

  it('answers from memory: a session deleted behind the API still works until its entry is dropped', async () => {
    const token = await first.login(ACCOUNTS.engineer);
    expect((await first.gql(VIEWER, {}, { token })).data.viewer.email).toBe(ACCOUNTS.engineer);
    await first.db.prisma.session.deleteMany({});
    expect((await first.gql(VIEWER, {}, { token })).data.viewer.email).toBe(ACCOUNTS.engineer);
  });

  it('drops a logged-out session at once in every process', async () => {
    const { data } = await first.gql(LOGIN, { input: { email: ACCOUNTS.saigonAdmin, password: DEMO_PASSWORD } });
    const token = data.sessionCreate.token;
    for (const api of [first, second]) expect((await api.gql(VIEWER, {}, { token })).data.viewer).not.toBeNull();
    expect((await first.gql('mutation { sessionRevoke { revoked } }', {}, { token })).data.sessionRevoke.revoked).toBe(
      true,
    );
    expect((await first.gql(VIEWER, {}, { token })).data.viewer).toBeNull();
    // Over Redis: well within the minute the entry would otherwise live.
    expect(await untilRefused(second, token)).toBeLessThan(5_000);
  });

  it('drops a revoked API token at once in every process', async () => {
    const session = await first.login(ACCOUNTS.hanoiAdmin);
    const created = await first.gql(
      'mutation { apiTokenCreate(input: { name: "cached", scopes: [READ] }) { token apiToken { id } } }',
      {},
      { token: session },
    );
    const { token, apiToken } = created.data.apiTokenCreate;
    for (const api of [first, second]) expect((await api.gql(VIEWER, {}, { token })).data.viewer).not.toBeNull();
    const revoke = await second.gql(REVOKE_TOKEN, { id: apiToken.id }, { token: session });
    expect(revoke.data.apiTokenRevoke.userErrors).toEqual([]);
    expect((await second.gql(VIEWER, {}, { token })).data.viewer).toBeNull();
    expect(await untilRefused(first, token)).toBeLessThan(5_000);
  });

  it("drops a user's credentials when the viewer changes (a new locale)", async () => {
    // Module names follow the locale the viewer carries, which a cached credential would keep.
    const MODULE_NAME = '{ modules(first: 100, search: "accounting") { edges { node { key name } } } }';
    const accountingIn = async (api: TestApi, token: string) =>
      (await api.gql(MODULE_NAME, {}, { token })).data.modules.edges.find(
        (e: { node: { key: string } }) => e.node.key === 'accounting',
      ).node.name as string;
    const token = await first.login(ACCOUNTS.saigonUser);
    expect(await accountingIn(second, token)).toMatch(/Kế toán/);
    const changed = await first.gql(
      'mutation { viewerUpdate(input: { locale: EN }) { userErrors { code } } }',
      {},
      {
        token,
      },
    );
    expect(changed.data.viewerUpdate.userErrors).toEqual([]);
    expect(await accountingIn(first, token)).toMatch(/Accounting/);
    const started = Date.now();
    while (!/Accounting/.test(await accountingIn(second, token))) {
      if (Date.now() - started > 5_000) throw new Error('the other process kept the old locale');
    }
  });
});
