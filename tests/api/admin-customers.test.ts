// Customer administration: who may, bad input refused with nothing changed, deactivation locking
// the customer's users out, and the account team that advisories and escalations follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, startTestApi, type TestApi } from './harness.ts';
import { ALL_ACCOUNTS, allowedAccounts, customerId, globalId, tryLogin, userId } from './admin-support.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login(ACCOUNTS.admin);
});
afterAll(() => api.close());

const CREATE = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id code name timeZone locale industry address contactPhone contactEmail deactivatedAt }
    userErrors { code field message }
  }
}`;
const UPDATE = `mutation ($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) { customer { id name timeZone } userErrors { code field message } }
}`;
const DEACTIVATE = `mutation ($input: CustomerDeactivateInput!) {
  customerDeactivate(input: $input) { customer { id deactivatedAt } userErrors { code field message } }
}`;
const REACTIVATE = `mutation ($input: CustomerReactivateInput!) {
  customerReactivate(input: $input) { customer { id deactivatedAt } userErrors { code field message } }
}`;
const ASSIGN = `mutation ($input: CustomerAssignTeamInput!) {
  customerAssignTeam(input: $input) {
    customer { id accountTeam { role name user { id email } } }
    userErrors { code field message }
  }
}`;

describe('permissions', () => {
  it('only ADMIN may create, update, deactivate, reactivate and assign the team', async () => {
    const hanoi = globalId('Customer', await customerId(api, 'HANOI-WATER'));
    const impl = globalId('User', await userId(api, ACCOUNTS.impl));
    const care = globalId('User', await userId(api, ACCOUNTS.care));
    let n = 0;
    expect(
      await allowedAccounts(api, ALL_ACCOUNTS, CREATE, () => ({ input: { code: `PERM-${n++}`, name: 'Perm Co' } })),
    ).toEqual(['admin']);
    expect(
      await allowedAccounts(api, ALL_ACCOUNTS, UPDATE, () => ({ input: { id: hanoi, industry: 'Water' } })),
    ).toEqual(['admin']);
    expect(
      await allowedAccounts(api, ALL_ACCOUNTS, ASSIGN, () => ({
        input: { customerId: hanoi, implementationId: impl, customerCareId: care },
      })),
    ).toEqual(['admin']);
    // Deactivation by everyone but the admin is refused; the one allowed run is undone at once.
    const others = ALL_ACCOUNTS.filter((a) => a !== 'admin');
    expect(await allowedAccounts(api, others, DEACTIVATE, () => ({ input: { id: hanoi } }))).toEqual([]);
    expect(await allowedAccounts(api, others, REACTIVATE, () => ({ input: { id: hanoi } }))).toEqual([]);
    const row = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    expect(row.deactivatedAt).toBeNull();
  });
});

describe('customerCreate and customerUpdate', () => {
  it('creates a customer with its details and defaults', async () => {
    const { data } = await api.gql(
      CREATE,
      {
        input: {
          code: 'danang-port',
          name: ' Cảng Đà Nẵng ',
          industry: 'Logistics',
          address: '26 Bạch Đằng, Đà Nẵng',
          contactPhone: '+84 236 3822 513',
          contactEmail: 'IT@DanangPort.example',
        },
      },
      { token: admin },
    );
    expect(data.customerCreate.userErrors).toEqual([]);
    expect(data.customerCreate.customer).toMatchObject({
      code: 'DANANG-PORT',
      name: 'Cảng Đà Nẵng',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'VI',
      contactEmail: 'it@danangport.example',
      deactivatedAt: null,
    });
    const log = await api.db.prisma.auditLog.count({ where: { action: 'customer.create' } });
    expect(log).toBeGreaterThan(0);
  });

  it('refuses an unknown time zone, a bad code, phone and email, all at once, and creates nothing', async () => {
    const before = await api.db.prisma.customer.count();
    const { data } = await api.gql(
      CREATE,
      {
        input: {
          code: 'bad code!',
          name: 'X',
          timeZone: 'Asia/Hanoi_City',
          contactPhone: 'call me',
          contactEmail: 'nobody',
        },
      },
      { token: admin },
    );
    expect(data.customerCreate.customer).toBeNull();
    const fields = data.customerCreate.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields.sort()).toEqual(['input.code', 'input.contactEmail', 'input.contactPhone', 'input.timeZone']);
    const tz = data.customerCreate.userErrors.find((e: { field: string[] }) => e.field[1] === 'timeZone');
    expect(tz.code).toBe('INVALID_INPUT');
    expect(tz.message).toMatch(/IANA/);
    expect(await api.db.prisma.customer.count()).toBe(before);
  });

  it('refuses a duplicate code', async () => {
    const { data } = await api.gql(CREATE, { input: { code: 'HANOI-WATER', name: 'Dup' } }, { token: admin });
    expect(data.customerCreate.userErrors).toMatchObject([{ code: 'CONFLICT', field: ['input', 'code'] }]);
  });

  it('updates only the fields given; an unknown time zone changes nothing', async () => {
    const id = await customerId(api, 'SAIGON-GARMENT');
    const before = await api.db.prisma.customer.findUniqueOrThrow({ where: { id } });
    const bad = await api.gql(
      UPDATE,
      { input: { id: globalId('Customer', id), name: 'Renamed', timeZone: 'Mars/Olympus' } },
      { token: admin },
    );
    expect(bad.data.customerUpdate.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'timeZone'] }]);
    expect(await api.db.prisma.customer.findUniqueOrThrow({ where: { id } })).toEqual(before);

    const good = await api.gql(
      UPDATE,
      { input: { id: globalId('Customer', id), timeZone: 'Europe/Berlin' } },
      { token: admin },
    );
    expect(good.data.customerUpdate).toMatchObject({ customer: { name: before.name, timeZone: 'Europe/Berlin' } });
    await api.gql(UPDATE, { input: { id: globalId('Customer', id), timeZone: before.timeZone } }, { token: admin });
  });

  it('answers NOT_FOUND for an unknown customer', async () => {
    const { data } = await api.gql(
      UPDATE,
      { input: { id: globalId('Customer', '00000000-0000-7000-8000-000000000000'), name: 'X' } },
      { token: admin },
    );
    expect(data.customerUpdate.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});

describe('customerDeactivate', () => {
  it("locks the customer's users out, ends their sessions and API tokens, and deletes nothing", async () => {
    const id = await customerId(api, 'SAIGON-GARMENT');
    const userToken = await api.login(ACCOUNTS.saigonUser);
    const adminToken = await api.login(ACCOUNTS.saigonAdmin);
    const created = await api.gql(
      `mutation { apiTokenCreate(input: { name: "erp", scopes: [READ] }) { token userErrors { code } } }`,
      {},
      { token: adminToken },
    );
    const apiToken = created.data.apiTokenCreate.token as string;
    expect((await api.gql('{ viewer { id } }', {}, { token: apiToken })).data?.viewer).not.toBeNull();
    const counts = async () => ({
      users: await api.db.prisma.user.count({ where: { customerId: id } }),
      modules: await api.db.prisma.installedModule.count({ where: { customerId: id } }),
      notices: await api.db.prisma.notice.count({ where: { customerId: id } }),
    });
    const before = await counts();

    const { data } = await api.gql(DEACTIVATE, { input: { id: globalId('Customer', id) } }, { token: admin });
    expect(data.customerDeactivate.userErrors).toEqual([]);
    expect(data.customerDeactivate.customer.deactivatedAt).not.toBeNull();

    for (const token of [userToken, adminToken, apiToken]) {
      const viewer = await api.gql('{ viewer { id } }', {}, { token });
      expect(viewer.data?.viewer ?? null).toBeNull();
    }
    expect(await tryLogin(api, ACCOUNTS.saigonUser, DEMO_PASSWORD)).toEqual({
      token: null,
      codes: ['INVALID_CREDENTIALS'],
    });
    expect(await counts()).toEqual(before);

    const again = await api.gql(DEACTIVATE, { input: { id: globalId('Customer', id) } }, { token: admin });
    expect(again.data.customerDeactivate.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);

    const back = await api.gql(REACTIVATE, { input: { id: globalId('Customer', id) } }, { token: admin });
    expect(back.data.customerReactivate.customer.deactivatedAt).toBeNull();
    expect((await tryLogin(api, ACCOUNTS.saigonUser, DEMO_PASSWORD)).token).toBeTruthy();
  });
});

describe('customerAssignTeam', () => {
  it('replaces the team with one IMPLEMENTATION and one CUSTOMER_CARE member; customers see names, not emails', async () => {
    const id = await customerId(api, 'HANOI-WATER');
    const impl = await userId(api, ACCOUNTS.impl);
    const care = await userId(api, ACCOUNTS.care);
    const { data } = await api.gql(
      ASSIGN,
      {
        input: {
          customerId: globalId('Customer', id),
          implementationId: globalId('User', impl),
          customerCareId: globalId('User', care),
        },
      },
      { token: admin },
    );
    expect(data.customerAssignTeam.userErrors).toEqual([]);
    const team = data.customerAssignTeam.customer.accountTeam;
    expect(team.map((m: { role: string }) => m.role).sort()).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION']);
    expect(team.map((m: { user: { email: string } }) => m.user.email).sort()).toEqual([ACCOUNTS.care, ACCOUNTS.impl]);
    const rows = await api.db.prisma.customerStaff.findMany({ where: { customerId: id } });
    expect(rows.map((r) => r.userId).sort()).toEqual([impl, care].sort());

    const customerToken = await api.login(ACCOUNTS.hanoiUser);
    // A customer sees the team as contacts: names and role titles, never a login email.
    const contacts = await api.gql(
      '{ viewer { customer { accountTeam { role name user { name roleTitle } } } } }',
      {},
      { token: customerToken },
    );
    expect(contacts.errors).toBeUndefined();
    for (const member of contacts.data.viewer.customer.accountTeam) {
      expect(member.name).toBeTruthy();
      expect(member.user.name).toBe(member.name);
    }
    const emails = await api.gql(
      '{ viewer { customer { accountTeam { user { email } } } } }',
      {},
      { token: customerToken },
    );
    expect(emails.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(JSON.stringify(emails.data)).not.toContain('@vendor.example');
  });

  it('refuses a wrong role, a customer user and an unknown id, and keeps the old team', async () => {
    const id = await customerId(api, 'HANOI-WATER');
    const before = await api.db.prisma.customerStaff.findMany({
      where: { customerId: id },
      orderBy: { userId: 'asc' },
    });
    const { data } = await api.gql(
      ASSIGN,
      {
        input: {
          customerId: globalId('Customer', id),
          implementationId: globalId('User', await userId(api, ACCOUNTS.engineer)),
          customerCareId: globalId('User', await userId(api, ACCOUNTS.hanoiUser)),
        },
      },
      { token: admin },
    );
    expect(data.customerAssignTeam.customer).toBeNull();
    expect(data.customerAssignTeam.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'implementationId'] },
      { code: 'NOT_FOUND', field: ['input', 'customerCareId'] },
    ]);
    expect(
      await api.db.prisma.customerStaff.findMany({ where: { customerId: id }, orderBy: { userId: 'asc' } }),
    ).toEqual(before);
  });

  it('the assigned team is who FIX advisories are copied to and escalations go to', async () => {
    // delivery-plan.ts and escalation.ts read CustomerStaff: the rows customerAssignTeam writes.
    const id = await customerId(api, 'HANOI-WATER');
    const team = await api.db.prisma.customerStaff.findMany({
      where: { customerId: id },
      select: { user: { select: { email: true } } },
    });
    expect(team.map((t) => t.user.email).sort()).toEqual([ACCOUNTS.care, ACCOUNTS.impl]);
  });
});
