// With the credential cache on (a minute's time to live), what the administration does to a user
// takes effect on that user's very next request: the cached session or API token is dropped, not
// believed until it expires. And a deactivated customer's users are refused even when their
// credentials survived the deactivation (written behind the API's back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../apps/api/src/auth/api-token.ts';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedDemo } from '../../prisma/seed/index.ts';
import { ACCOUNTS, DEMO_PASSWORD, NOW, startTestApi, type TestApi } from './harness.ts';
import { customerId, globalId, tryLogin, userId } from './admin-support.ts';

const VIEWER = '{ viewer { email role } }';
const DISABLE = `mutation ($input: UserDisableInput!) { userDisable(input: $input) { userErrors { code } } }`;
const ROLE = `mutation ($input: UserRoleChangeInput!) { userRoleChange(input: $input) { userErrors { code } } }`;
const DEACTIVATE = `mutation ($input: CustomerDeactivateInput!) {
  customerDeactivate(input: $input) { userErrors { code } }
}`;
const RESET = `mutation ($input: UserPasswordResetRequestInput!) {
  userPasswordResetRequest(input: $input) { userErrors { code } }
}`;
const SET = `mutation ($input: UserPasswordSetInput!) { userPasswordSet(input: $input) { email userErrors { code } } }`;

let db: Database<'query'>;
/** While set, the SQL statements Prisma issues. */
let statements: string[] | null = null;
let api: TestApi;
let uncached: TestApi;
let admin: string;
beforeAll(async () => {
  db = await createTestDatabase({ log: [{ emit: 'event', level: 'query' }] });
  db.prisma.$on('query', (event) => statements?.push(event.query));
  await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  api = await startTestApi({ db, env: { AUTH_CACHE_TTL_MS: '60000' } });
  // The same database, served with the cache off: every request looks its credential up.
  uncached = await startTestApi({ db });
  admin = await api.login(ACCOUNTS.admin);
});
afterAll(async () => {
  await uncached?.close();
  await api?.close();
  await db?.close();
});

const viewerOf = async (target: TestApi, token: string) =>
  ((await target.gql(VIEWER, {}, { token })).data?.viewer ?? null) as { email: string; role: string } | null;

/** A fresh session of `email`, proven to be answered from the cache (it outlives its row). */
async function cachedSession(email: string): Promise<string> {
  const token = (await tryLogin(api, email, DEMO_PASSWORD)).token!;
  expect((await viewerOf(api, token))?.email).toBe(email);
  const owner = await userId(api, email);
  const rows = await api.db.prisma.session.findMany({ where: { userId: owner } });
  await api.db.prisma.session.deleteMany({ where: { userId: owner } });
  expect((await viewerOf(api, token))?.email, 'answered from memory').toBe(email);
  await api.db.prisma.session.createMany({ data: rows });
  return token;
}

describe('the credential cache on, the administration acting on a user', () => {
  it("refuses a disabled user's cached session and API token on the next request", async () => {
    const session = await cachedSession(ACCOUNTS.saigonAdmin);
    const created = await api.gql(
      'mutation { apiTokenCreate(input: { name: "erp", scopes: [READ] }) { token } }',
      {},
      { token: session },
    );
    const apiToken = created.data.apiTokenCreate.token as string;
    expect((await viewerOf(api, apiToken))?.email).toBe(ACCOUNTS.saigonAdmin);

    const id = globalId('User', await userId(api, ACCOUNTS.saigonAdmin));
    const disabled = await api.gql(DISABLE, { input: { userId: id } }, { token: admin });
    expect(disabled.data.userDisable.userErrors).toEqual([]);
    expect(await viewerOf(api, session)).toBeNull();
    expect(await viewerOf(api, apiToken)).toBeNull();
  });

  it("authorizes a demoted user's next request by the new role", async () => {
    // The viewer's role decides the auth scopes, so a cached credential would keep the old powers.
    const CREATE_TOKEN = 'mutation { apiTokenCreate(input: { name: "bi", scopes: [READ] }) { token } }';
    const session = await cachedSession(ACCOUNTS.hanoiAdmin);
    expect((await api.gql(CREATE_TOKEN, {}, { token: session })).errors).toBeUndefined();
    const id = globalId('User', await userId(api, ACCOUNTS.hanoiAdmin));
    const changed = await api.gql(ROLE, { input: { userId: id, role: 'CUSTOMER_USER' } }, { token: admin });
    expect(changed.data.userRoleChange.userErrors).toEqual([]);
    const refused = await api.gql(CREATE_TOKEN, {}, { token: session });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses a password-reset user's old session on the next request", async () => {
    const session = await cachedSession(ACCOUNTS.engineer);
    await api.gql(RESET, { input: { email: ACCOUNTS.engineer } });
    const message = await api.db.prisma.emailMessage.findFirstOrThrow({
      where: { to: ACCOUNTS.engineer, sourceKey: { startsWith: 'one-time-link:' } },
      orderBy: { createdAt: 'desc' },
    });
    const link = /\/password\/([a-z0-9]+)/.exec(message.textBody)?.[1];
    expect(link).toBeTruthy();
    const set = await api.gql(SET, { input: { token: link, password: 'engineer has a new password' } });
    expect(set.data.userPasswordSet.userErrors).toEqual([]);
    expect(await viewerOf(api, session)).toBeNull();
  });

  it('refuses every user of a deactivated customer on their next request', async () => {
    const sessions = [await cachedSession(ACCOUNTS.hanoiAdmin), await cachedSession(ACCOUNTS.hanoiUser)];
    const id = globalId('Customer', await customerId(api, 'HANOI-WATER'));
    const deactivated = await api.gql(DEACTIVATE, { input: { id } }, { token: admin });
    expect(deactivated.data.customerDeactivate.userErrors).toEqual([]);
    for (const token of sessions) expect(await viewerOf(api, token)).toBeNull();
  });
});

describe("a deactivated customer's credentials that outlived the deactivation", () => {
  it('are refused, sessions and API tokens alike, until the customer is reactivated', async () => {
    const session = (await tryLogin(uncached, ACCOUNTS.saigonUser, DEMO_PASSWORD)).token!;
    const owner = await userId(uncached, ACCOUNTS.saigonUser);
    // Issued directly: the customer's admin, who would issue it over the API, was disabled above.
    const { token: apiToken } = await createApiToken(uncached.db.prisma, {
      userId: owner,
      name: 'bi',
      scopes: ['READ'],
      expiresAt: null,
    });
    for (const token of [session, apiToken]) expect(await viewerOf(uncached, token)).not.toBeNull();
    // One statement finds the session with its user and the user's customer: no extra query per request.
    statements = [];
    await viewerOf(uncached, session);
    const lookups = statements.filter((sql) => sql.includes('"Session"'));
    statements = null;
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toContain('"deactivatedAt"');

    // Behind the API's back: the customer deactivated, its users' credentials left in place.
    const saigon = await customerId(uncached, 'SAIGON-GARMENT');
    await uncached.db.prisma.customer.update({ where: { id: saigon }, data: { deactivatedAt: new Date() } });
    expect(await uncached.db.prisma.session.count({ where: { userId: owner } })).toBeGreaterThan(0);
    for (const token of [session, apiToken]) expect(await viewerOf(uncached, token)).toBeNull();

    await uncached.db.prisma.customer.update({ where: { id: saigon }, data: { deactivatedAt: null } });
    expect((await viewerOf(uncached, apiToken))?.email).toBe(ACCOUNTS.saigonUser);
  });
});
