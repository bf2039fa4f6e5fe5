// The response cache: a repeated query is answered from memory, per credential, until a mutation
// or a dataChanged event (another process's write) says the data may have changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
const CUSTOMER_NAME = '{ viewer { customer { id name } } }';

beforeAll(async () => {
  api = await startTestApi({ env: { RESPONSE_CACHE_TTL_MS: '600000' } });
});
afterAll(() => api.close());

async function customerName(token: string): Promise<string> {
  const { data, errors } = await api.gql<{ viewer: { customer: { name: string } } }>(CUSTOMER_NAME, {}, { token });
  expect(errors).toBeUndefined();
  return data!.viewer.customer.name;
}

async function renameHanoi(name: string) {
  // Straight into the database: nothing announces it, so only the cache can explain an old answer.
  await api.db.prisma.customer.update({ where: { code: 'HANOI-WATER' }, data: { name } });
}

describe('response cache', () => {
  it('answers a repeated query from memory until a mutation invalidates it', async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const before = await customerName(token);
    await renameHanoi('Renamed behind the cache');
    expect(await customerName(token)).toBe(before);

    const { errors } = await api.gql(
      'mutation { viewerUpdate(input: { locale: VI }) { userErrors { code } } }',
      {},
      {
        token,
      },
    );
    expect(errors).toBeUndefined();
    expect(await customerName(token)).toBe('Renamed behind the cache');
  });

  it("never answers one credential with another's cached result", async () => {
    const hanoi = await api.login(ACCOUNTS.hanoiAdmin);
    const saigon = await api.login(ACCOUNTS.saigonAdmin);
    const hanoiName = await customerName(hanoi);
    const saigonName = await customerName(saigon);
    expect(saigonName).not.toBe(hanoiName);
    expect(await customerName(hanoi)).toBe(hanoiName);
    expect(await customerName(saigon)).toBe(saigonName);
  });

  it('drops everything when another process announces a change (dataChanged)', async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    await customerName(token);
    await renameHanoi('Renamed by another process');
    expect(await customerName(token)).not.toBe('Renamed by another process');

    api.events.publish('dataChanged', { source: 'test' });
    await expect.poll(() => customerName(token)).toBe('Renamed by another process');
  });

  it('does not cache anonymous calls', async () => {
    const ask = () => api.gql<{ viewer: null }>('{ viewer { id } }');
    expect((await ask()).data).toEqual({ viewer: null });
    expect((await ask()).data).toEqual({ viewer: null });
  });

  it('keys on the declared variables only: undeclared ones mint no entry, declared ones do', async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const query = 'query ($first: Int) { viewer { customer { name notices(first: $first) { totalCount } } } }';
    const ask = async (variables: Record<string, unknown>) => {
      const { data, errors } = await api.gql<{ viewer: { customer: { name: string } } }>(query, variables, { token });
      expect(errors).toBeUndefined();
      return data!.viewer.customer.name;
    };
    const before = await ask({ first: 1 });
    await renameHanoi('Renamed under undeclared variables');
    // The same answer, cached, however many undeclared variables ride along and in whatever order.
    for (let i = 0; i < 5; i++) expect(await ask({ [`junk${i}`]: i, first: 1 })).toBe(before);
    expect(await ask({ first: 1, other: 'x' })).toBe(before);
    // A declared variable with another value, or left out (its default applies), is another question.
    expect(await ask({ first: 2 })).toBe('Renamed under undeclared variables');
    expect(await ask({})).toBe('Renamed under undeclared variables');
  });
});

describe('response cache bounded in bytes', () => {
  it('keeps no answer heavier than RESPONSE_CACHE_BYTES, and keeps a lighter one', async () => {
    const small = await startTestApi({
      db: api.db,
      env: { RESPONSE_CACHE_TTL_MS: '600000', RESPONSE_CACHE_BYTES: '10000' },
    });
    try {
      const token = await small.login(ACCOUNTS.admin);
      const page = 'customers(first: 100) { edges { cursor node { id code name timeZone locale } } }';
      const heavy = `{ ${page} again: ${page} }`;
      const light = '{ customers(first: 1, search: "SAIGON-GARMENT") { edges { node { name } } } }';
      const names = async (query: string) => {
        const { data, errors } = await small.gql<{ customers: { edges: { node: { name: string } }[] } }>(
          query,
          {},
          { token },
        );
        expect(errors).toBeUndefined();
        return data!.customers.edges.map((e) => e.node.name);
      };
      const heavyData = await small.gql(heavy, {}, { token });
      expect(Buffer.byteLength(JSON.stringify(heavyData.data))).toBeGreaterThan(10_000);
      const heavyBefore = await names(heavy);
      const lightBefore = await names(light);
      await api.db.prisma.customer.update({ where: { code: 'SAIGON-GARMENT' }, data: { name: 'Renamed, heavy' } });
      expect(await names(heavy)).not.toEqual(heavyBefore); // not kept: over 10 KB
      expect(await names(light)).toEqual(lightBefore); // kept
    } finally {
      await small.close();
    }
  });
});
