// A customer never sees another customer's anything: not through node, nodes, a connection or an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;

/** Every node id a customer can reach, collected through its own (customer) session. */
async function reachableIds(email: string) {
  const token = await api.login(email);
  const { data, errors } = await api.gql(
    `{
      viewer { id customer {
        id
        installedModules(first: 100) { edges { node { id } } }
        blackoutWindows { id }
        notices(first: 100) { edges { node { id } } }
        moduleRequests(first: 100) { edges { node { id } } }
        upgrades(first: 100) { edges { node { id } } }
      } }
      upgrades(first: 100) { edges { node { id } } }
      notices(first: 100) { edges { node { id } } }
      moduleRequests(first: 100) { edges { node { id } } }
    }`,
    {},
    { token },
  );
  expect(errors).toBeUndefined();
  const c = data.viewer.customer;
  const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id);
  return {
    token,
    customer: [c.id],
    user: [data.viewer.id],
    installedModule: ids(c.installedModules),
    blackoutWindow: c.blackoutWindows.map((b: { id: string }) => b.id),
    notice: [...new Set([...ids(c.notices), ...ids(data.notices)])],
    moduleRequest: [...new Set([...ids(c.moduleRequests), ...ids(data.moduleRequests)])],
    upgrade: [...new Set([...ids(c.upgrades), ...ids(data.upgrades)])],
  };
}

let hanoi: Awaited<ReturnType<typeof reachableIds>>;
let saigon: Awaited<ReturnType<typeof reachableIds>>;

beforeAll(async () => {
  api = await startTestApi();
  hanoi = await reachableIds(ACCOUNTS.hanoiUser);
  saigon = await reachableIds(ACCOUNTS.saigonUser);
});
afterAll(() => api.close());

describe('tenant isolation', () => {
  it('the demo data gives each customer something of every kind to leak', () => {
    for (const reach of [hanoi, saigon]) {
      for (const kind of ['installedModule', 'blackoutWindow', 'notice', 'moduleRequest', 'upgrade'] as const) {
        expect(reach[kind].length, kind).toBeGreaterThan(0);
      }
    }
  });

  it("node and nodes answer null for every one of the other customer's ids", async () => {
    for (const [viewer, other] of [
      [hanoi, saigon],
      [saigon, hanoi],
    ] as const) {
      const mine = new Set(Object.values(viewer).flat());
      const foreign = (
        ['customer', 'user', 'installedModule', 'blackoutWindow', 'notice', 'moduleRequest', 'upgrade'] as const
      )
        .flatMap((kind) => other[kind])
        .filter((id) => !mine.has(id)); // an upgrade may target both customers
      expect(foreign.length).toBeGreaterThan(10);
      const { data, errors } = await api.gql(
        'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        { ids: foreign },
        { token: viewer.token },
      );
      expect(errors).toBeUndefined();
      expect(data.nodes).toEqual(foreign.map(() => null));
      for (const id of foreign.slice(0, 5)) {
        const single = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id }, { token: viewer.token });
        expect(single).toEqual({ data: { node: null } });
      }
    }
  });

  it('a staff member reaches both customers through node', async () => {
    const token = await api.login(ACCOUNTS.care);
    const ids = [...hanoi.customer, ...saigon.customer, ...hanoi.notice.slice(0, 2), ...saigon.notice.slice(0, 2)];
    const { data } = await api.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, { token });
    expect(data.nodes.map((n: { id: string } | null) => n?.id)).toEqual(ids);
  });

  it('connections list only the viewer customer’s rows', async () => {
    const { data } = await api.gql(
      '{ notices(first: 100) { totalCount edges { node { customer { code } publishedAt } } } moduleRequests(first: 100) { edges { node { customer { code } } } } }',
      {},
      { token: hanoi.token },
    );
    const codes = new Set([
      ...data.notices.edges.map((e: { node: { customer: { code: string } } }) => e.node.customer.code),
      ...data.moduleRequests.edges.map((e: { node: { customer: { code: string } } }) => e.node.customer.code),
    ]);
    expect([...codes]).toEqual(['HANOI-WATER']);
    expect(data.notices.edges.every((e: { node: { publishedAt: string | null } }) => e.node.publishedAt !== null)).toBe(
      true,
    );
  });

  it("customers cannot list customers, see targets or the targets' acknowledgement progress, or ask for scheduled notices", async () => {
    const customers = await api.gql('{ customers(first: 5) { totalCount } }', {}, { token: hanoi.token });
    expect(customers.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const scheduled = await api.gql(
      '{ notices(first: 5, filter: { includeScheduled: true }) { totalCount } }',
      {},
      { token: hanoi.token },
    );
    expect(scheduled.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const targets = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Upgrade { targets(first: 5) { totalCount } } } }',
      { id: hanoi.upgrade[0] },
      { token: hanoi.token },
    );
    expect(targets.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const progress = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Upgrade { acknowledgementProgress { customer { code } state } } } }',
      { id: hanoi.upgrade[0] },
      { token: hanoi.token },
    );
    expect(progress.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never shows a customer a draft upgrade or an unpublished notice', async () => {
    const prisma = api.db.prisma;
    const hanoiCustomer = await prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const drafts = await prisma.upgrade.findMany({ where: { status: 'DRAFT' }, select: { id: true } });
    const unpublished = await prisma.notice.findMany({
      where: { customerId: hanoiCustomer.id, publishedAt: null },
      select: { id: true },
    });
    expect(drafts.length).toBeGreaterThan(0);
    expect(unpublished.length).toBeGreaterThan(0);
    const reachableRaw = new Set(
      [...hanoi.upgrade, ...hanoi.notice].map((id) => Buffer.from(id, 'base64').toString().split(':')[1]),
    );
    for (const row of [...drafts, ...unpublished]) expect(reachableRaw.has(row.id)).toBe(false);
  });

  it('anonymous callers get viewer: null and nothing else', async () => {
    const viewer = await api.gql('{ viewer { id } }');
    expect(viewer).toEqual({ data: { viewer: null } });
    for (const query of [
      '{ modules(first: 1) { totalCount } }',
      '{ upgrades(first: 1) { totalCount } }',
      `{ node(id: "${hanoi.customer[0]}") { id } }`,
    ]) {
      const result = await api.gql(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
  });
});
