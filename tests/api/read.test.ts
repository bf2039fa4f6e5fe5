import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, NOW, startTestApi, type GraphQLResponse, type TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('connections', () => {
  it('refuses a page above 100 with a clear error rather than cutting it silently', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const result = await api.gql('{ customers(first: 101) { totalCount } }', {}, { token });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/100/);
  });

  it('pages through all customers with cursors, in order, with totalCount', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      interface Page {
        customers: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { code: string } }[];
        };
      }
      const { data }: GraphQLResponse<Page> = await api.gql<Page>(
        'query ($after: String) { customers(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code name } } } }',
        { after },
        { token },
      );
      const page: Page['customers'] = data!.customers;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(25);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('searches customers by name or code', async () => {
    const token = await api.login(ACCOUNTS.care);
    const { data } = await api.gql(
      '{ customers(first: 10, search: "hanoi-w") { edges { node { code } } } }',
      {},
      { token },
    );
    expect(data.customers.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['HANOI-WATER']);
  });
});

describe('modules', () => {
  it("names modules in the viewer's locale", async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const vi = await api.gql(
      '{ modules(first: 100) { totalCount edges { node { key name description category latestVersion requires { key } } } } }',
      {},
      { token },
    );
    expect(vi.data.modules.totalCount).toBeGreaterThanOrEqual(12);
    const accounting = vi.data.modules.edges
      .map((e: { node: unknown }) => e.node)
      .find((m: { key: string }) => m.key === 'accounting');
    expect(accounting.name).toMatch(/Kế toán/);

    await api.db.prisma.user.update({ where: { email: ACCOUNTS.hanoiUser }, data: { locale: 'EN' } });
    const en = await api.gql(
      '{ modules(first: 100, search: "accounting") { edges { node { key name } } } }',
      {},
      { token },
    );
    await api.db.prisma.user.update({ where: { email: ACCOUNTS.hanoiUser }, data: { locale: 'VI' } });
    expect(en.data.modules.edges.find((e: { node: { key: string } }) => e.node.key === 'accounting').node.name).toMatch(
      /Accounting/,
    );
  });

  it('lists prerequisites', async () => {
    const token = await api.login(ACCOUNTS.engineer);
    const { data } = await api.gql(
      '{ modules(first: 100) { edges { node { key requires { key } } } } }',
      {},
      { token },
    );
    const withPrereqs = data.modules.edges.filter((e: { node: { requires: unknown[] } }) => e.node.requires.length > 0);
    expect(withPrereqs.length).toBeGreaterThan(0);
  });

  it("lists an upgrade's modules in the catalog's order, whatever order they were added in", async () => {
    const prisma = api.db.prisma;
    const modules = await prisma.module.findMany({ take: 3, orderBy: { key: 'asc' }, select: { id: true } });
    // Catalog order opposite to the order the modules are attached in.
    for (const [i, m] of modules.entries())
      await prisma.module.update({ where: { id: m.id }, data: { sortOrder: 900 - i } });
    const upgrade = await prisma.upgrade.create({
      data: {
        kind: 'FIX',
        status: 'DRAFT',
        title: 'Thứ tự mô-đun',
        summary: '',
        windowStart: new Date(NOW.getTime() + 86_400_000),
        windowEnd: new Date(NOW.getTime() + 90_000_000),
        expectedDowntimeMinutes: 5,
        modules: { create: modules.map((m) => ({ moduleId: m.id })) },
      },
    });
    const token = await api.login(ACCOUNTS.engineer);
    const id = Buffer.from(`Upgrade:${upgrade.id}`).toString('base64');
    const { data } = await api.gql<{
      node: { modules: { id: string }[]; moduleVersions: { module: { id: string } }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Upgrade { modules { id } moduleVersions { module { id } } } } }',
      { id },
      { token },
    );
    const expected = [...modules].reverse().map((m) => Buffer.from(`Module:${m.id}`).toString('base64'));
    expect(data!.node.modules.map((m) => m.id)).toEqual(expected);
    expect(data!.node.moduleVersions.map((v) => v.module.id)).toEqual(expected);
  });
});

describe('a customer user reads its own customer', () => {
  it('installed modules, blackout windows and the unacknowledged count', async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const { data, errors } = await api.gql(
      `{ viewer { customer { code timeZone locale unacknowledgedNoticeCount
          installedModules(first: 50) { totalCount edges { node { version installedAt warrantyEndsAt module { key } customer { code } } } }
          blackoutWindows { reason startsAt endsAt }
          notices(first: 100, filter: { unacknowledgedOnly: true }) { totalCount edges { node { requiresAcknowledgement acknowledgedAt } } } } } }`,
      {},
      { token },
    );
    expect(errors).toBeUndefined();
    const c = data.viewer.customer;
    expect(c).toMatchObject({ code: 'HANOI-WATER', timeZone: 'Asia/Ho_Chi_Minh', locale: 'VI' });
    expect(c.installedModules.totalCount).toBe(c.installedModules.edges.length);
    expect(c.installedModules.edges.length).toBeGreaterThan(0);
    expect(c.blackoutWindows.length).toBeGreaterThan(0);
    expect(c.unacknowledgedNoticeCount).toBeGreaterThan(0);
    expect(c.notices.totalCount).toBe(c.unacknowledgedNoticeCount);
    for (const e of c.notices.edges) expect(e.node).toEqual({ requiresAcknowledgement: true, acknowledgedAt: null });
  });

  it('upcoming maintenance: windows not yet ended, soonest first', async () => {
    const token = await api.login(ACCOUNTS.saigonUser);
    const { data } = await api.gql(
      '{ upcomingMaintenance(first: 10) { totalCount edges { node { kind status title windowStart windowEnd expectedDowntimeMinutes requiresRelogin modules { name } } } } }',
      {},
      { token },
    );
    const nodes = data.upcomingMaintenance.edges.map(
      (e: { node: { windowStart: string; windowEnd: string } }) => e.node,
    );
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(new Date(n.windowEnd).getTime()).toBeGreaterThan(NOW.getTime());
    const starts = nodes.map((n: { windowStart: string }) => n.windowStart);
    expect([...starts].sort()).toEqual(starts);
  });

  it('filters upgrades by kind and notices by stage', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const { data } = await api.gql(
      `{ upgrades(first: 100, filter: { kinds: [SERVER] }) { edges { node { kind } } }
         notices(first: 100, filter: { stages: [ANNOUNCEMENT] }) { edges { node { stage } } } }`,
      {},
      { token },
    );
    expect(new Set(data.upgrades.edges.map((e: { node: { kind: string } }) => e.node.kind))).toEqual(
      new Set(['SERVER']),
    );
    expect(new Set(data.notices.edges.map((e: { node: { stage: string } }) => e.node.stage))).toEqual(
      new Set(['ANNOUNCEMENT']),
    );
  });
});

describe('staff', () => {
  it('sees drafts, targets, scheduled notices and acknowledgement counts', async () => {
    const token = await api.login(ACCOUNTS.engineer);
    const { data, errors } = await api.gql(
      `{ upgrades(first: 100, filter: { statuses: [DRAFT, SCHEDULED] }) { edges { node { status
          targets(first: 5) { totalCount edges { node { code } } }
          acknowledgement { noticesRequiringAck acknowledged overdue } } } }
         notices(first: 100, filter: { includeScheduled: true }) { totalCount edges { node { publishedAt } } } }`,
      {},
      { token },
    );
    expect(errors).toBeUndefined();
    const statuses = new Set(data.upgrades.edges.map((e: { node: { status: string } }) => e.node.status));
    expect(statuses).toEqual(new Set(['DRAFT', 'SCHEDULED']));
    expect(
      data.upgrades.edges.some((e: { node: { targets: { totalCount: number } } }) => e.node.targets.totalCount > 0),
    ).toBe(true);
    expect(data.notices.edges.some((e: { node: { publishedAt: string | null } }) => e.node.publishedAt === null)).toBe(
      true,
    );
  });
});

describe('errors', () => {
  it('answers a malformed ID with a clear error, not a server error', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const result = await api.gql('{ node(id: "not-an-id") { id } }', {}, { token });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses introspection to customers and allows it to staff', async () => {
    const customer = await api.login(ACCOUNTS.hanoiUser);
    const refused = await api.gql('{ __schema { queryType { name } } }', {}, { token: customer });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await api.login(ACCOUNTS.admin);
    const allowed = await api.gql('{ __schema { queryType { name } } }', {}, { token: admin });
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses a query nested too deep', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const deep =
      '{ viewer { customer { installedModules(first: 1) { edges { node { customer { installedModules(first: 1) { edges { node { customer { installedModules(first: 1) { edges { node { customer { code } } } } } } } } } } } } } } }';
    const result = await api.gql(deep, {}, { token });
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('health', () => {
  it('answers /healthz, and /readyz once the database is migrated', async () => {
    expect(await (await api.fetch('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api.fetch('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz reports a missing migration', async () => {
    const [last] = await api.db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await api.db.prisma
      .$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last!.migration_name}`;
    try {
      const ready = await api.fetch('/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'migrations pending', pending: [last!.migration_name] });
    } finally {
      await api.db.prisma
        .$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last!.migration_name}`;
    }
  });
});

describe('viewerUpdate', () => {
  const UPDATE =
    'mutation ($input: ViewerUpdateInput!) { viewerUpdate(input: $input) { user { locale emailNotifications } userErrors { code } } }';

  it("remembers the user's language (module names follow) and email preference", async () => {
    const token = await api.login(ACCOUNTS.saigonUser);
    const english = await api.gql(UPDATE, { input: { locale: 'EN', emailNotifications: false } }, { token });
    expect(english.data.viewerUpdate).toEqual({ user: { locale: 'EN', emailNotifications: false }, userErrors: [] });
    const { data } = await api.gql(
      '{ modules(first: 100, search: "accounting") { edges { node { key name } } } }',
      {},
      { token },
    );
    expect(data.modules.edges.find((e: { node: { key: string } }) => e.node.key === 'accounting').node.name).toMatch(
      /Accounting/,
    );
    const back = await api.gql(UPDATE, { input: { locale: 'VI', emailNotifications: true } }, { token });
    expect(back.data.viewerUpdate.user).toEqual({ locale: 'VI', emailNotifications: true });
    const nothing = await api.gql(UPDATE, { input: {} }, { token });
    expect(nothing.data.viewerUpdate).toEqual({ user: null, userErrors: [{ code: 'INVALID_INPUT' }] });
  });

  it("hides another user's email preference", async () => {
    const saigonAdmin = await api.login(ACCOUNTS.saigonAdmin);
    const { data: other } = await api.gql('{ viewer { id } }', {}, { token: await api.login(ACCOUNTS.saigonUser) });
    const result = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on User { email emailNotifications } } }',
      { id: other.viewer.id },
      { token: saigonAdmin },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers', async () => {
    const anonymous = await api.gql(UPDATE, { input: { locale: 'EN' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
