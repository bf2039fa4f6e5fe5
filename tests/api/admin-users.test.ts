// People administration: invitations by one-time link, role changes, disabling (which ends
// sessions and API tokens at once), password resets that never tell whether an email exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, NOW, startTestApi, type TestApi } from './harness.ts';
import { ALL_ACCOUNTS, allowedAccounts, customerId, globalId, tryLogin, userId } from './admin-support.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login(ACCOUNTS.admin);
});
afterAll(() => api.close());

const INVITE = `mutation ($input: UserInviteInput!) {
  userInvite(input: $input) { user { id email role status locale customer { code } } userErrors { code field message } }
}`;
const RESEND = `mutation ($input: UserInviteResendInput!) {
  userInviteResend(input: $input) { user { id status } userErrors { code field message } }
}`;
const ROLE = `mutation ($input: UserRoleChangeInput!) {
  userRoleChange(input: $input) { user { id role } userErrors { code field message } }
}`;
const DISABLE = `mutation ($input: UserDisableInput!) {
  userDisable(input: $input) { user { id status disabledAt } userErrors { code field message } }
}`;
const ENABLE = `mutation ($input: UserEnableInput!) {
  userEnable(input: $input) { user { id status } userErrors { code field message } }
}`;
const RESET = `mutation ($input: UserPasswordResetRequestInput!) {
  userPasswordResetRequest(input: $input) { userErrors { code field message } }
}`;
const SET = `mutation ($input: UserPasswordSetInput!) {
  userPasswordSet(input: $input) { email userErrors { code field message } }
}`;

/** The token in the newest one-time-link email to `to` (only its hash is in the database). */
async function linkTokenFor(to: string): Promise<string> {
  const message = await api.db.prisma.emailMessage.findFirstOrThrow({
    where: { to, sourceKey: { startsWith: 'one-time-link:' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const match = message.textBody.match(/\/password\/([a-z0-9]+)/);
  if (!match) throw new Error(`no link in ${message.textBody}`);
  return match[1]!;
}

async function invite(email: string, role = 'CUSTOMER_USER', code = 'HANOI-WATER') {
  const { data } = await api.gql(
    INVITE,
    { input: { email, name: 'Nguyễn Văn Mới', role, customerId: globalId('Customer', await customerId(api, code)) } },
    { token: admin },
  );
  expect(data.userInvite.userErrors).toEqual([]);
  return data.userInvite.user as { id: string; status: string };
}

describe('permissions', () => {
  it('userInvite: ADMIN and customer admins (for their own customer); nobody else', async () => {
    let n = 0;
    const allowed = await allowedAccounts(api, ALL_ACCOUNTS, INVITE, () => ({
      input: { email: `perm${n++}@invite.example`, name: 'Perm', role: 'CUSTOMER_USER' },
    }));
    // The admin's invitation without a customer is refused as input, not as a permission.
    expect(allowed).toEqual(['admin', 'hanoiAdmin', 'saigonAdmin']);
    const created = await api.db.prisma.user.findMany({
      where: { email: { endsWith: '@invite.example' } },
      select: { customer: { select: { code: true } } },
    });
    expect(created.map((u) => u.customer?.code).sort()).toEqual(['HANOI-WATER', 'SAIGON-GARMENT']);
  });

  it('a customer admin cannot invite into another customer, nor invite staff', async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const saigon = globalId('Customer', await customerId(api, 'SAIGON-GARMENT'));
    const other = await api.gql(
      INVITE,
      { input: { email: 'x1@cross.example', name: 'X', role: 'CUSTOMER_USER', customerId: saigon } },
      { token },
    );
    expect(other.data.userInvite).toMatchObject({ user: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const staff = await api.gql(
      INVITE,
      { input: { email: 'x2@cross.example', name: 'X', role: 'ENGINEER' } },
      { token },
    );
    expect(staff.data.userInvite).toMatchObject({
      user: null,
      userErrors: [{ code: 'FORBIDDEN', field: ['input', 'role'] }],
    });
    expect(await api.db.prisma.user.count({ where: { email: { endsWith: '@cross.example' } } })).toBe(0);
  });

  it('userRoleChange: ADMIN only', async () => {
    const target = globalId('User', await userId(api, ACCOUNTS.saigonUser));
    const others = ALL_ACCOUNTS.filter((a) => a !== 'admin');
    expect(
      await allowedAccounts(api, others, ROLE, () => ({ input: { userId: target, role: 'CUSTOMER_ADMIN' } })),
    ).toEqual([]);
    const row = await api.db.prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.saigonUser } });
    expect(row.role).toBe('CUSTOMER_USER');
  });

  it("userDisable, userEnable, userInviteResend: ADMIN and customer admins; another customer's user is not found", async () => {
    const invited = await invite('perm-target@hanoi-water.example');
    const target = invited.id;
    for (const mutation of [DISABLE, ENABLE, RESEND]) {
      const allowed = await allowedAccounts(
        api,
        ALL_ACCOUNTS.filter((a) => a !== 'admin' && a !== 'hanoiAdmin'),
        mutation,
        () => ({ input: { userId: target } }),
      );
      // saigonAdmin passes the role check but gets NOT_FOUND for a Hanoi user.
      expect(allowed).toEqual(['saigonAdmin']);
      const answer = await api.gql(
        mutation,
        { input: { userId: target } },
        { token: await api.login(ACCOUNTS.saigonAdmin) },
      );
      expect(Object.values(answer.data!)[0]).toMatchObject({ user: null, userErrors: [{ code: 'NOT_FOUND' }] });
    }
    const row = await api.db.prisma.user.findFirstOrThrow({ where: { email: 'perm-target@hanoi-water.example' } });
    expect(row.disabledAt).toBeNull();

    const hanoiAdmin = await api.login(ACCOUNTS.hanoiAdmin);
    const disabled = await api.gql(DISABLE, { input: { userId: target } }, { token: hanoiAdmin });
    expect(disabled.data.userDisable).toMatchObject({ user: { status: 'DISABLED' }, userErrors: [] });
    const enabled = await api.gql(ENABLE, { input: { userId: target } }, { token: hanoiAdmin });
    expect(enabled.data.userEnable).toMatchObject({ user: { status: 'INVITED' }, userErrors: [] });
  });

  it('a customer admin cannot disable vendor staff', async () => {
    const staff = globalId('User', await userId(api, ACCOUNTS.care));
    const { data } = await api.gql(
      DISABLE,
      { input: { userId: staff } },
      { token: await api.login(ACCOUNTS.hanoiAdmin) },
    );
    expect(data.userDisable.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});

describe('invitation by one-time link', () => {
  it('emails a link; a bad password keeps it; the right one sets the password, logs in, and the link is spent', async () => {
    const user = await invite('new.user@hanoi-water.example');
    expect(user.status).toBe('INVITED');
    expect((await tryLogin(api, 'new.user@hanoi-water.example', '')).token).toBeNull();
    const message = await api.db.prisma.emailMessage.findFirstOrThrow({
      where: { to: 'new.user@hanoi-water.example' },
    });
    expect(message.locale).toBe('VI');
    expect(message.subject).toMatch(/Lời mời/);
    const token = await linkTokenFor('new.user@hanoi-water.example');
    // Only the hash is stored.
    const stored = await api.db.prisma.oneTimeToken.findFirstOrThrow({
      where: { user: { email: 'new.user@hanoi-water.example' } },
    });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - NOW.getTime()).toBe(72 * 3_600_000);

    const short = await api.gql(SET, { input: { token, password: 'short' } });
    expect(short.data.userPasswordSet).toMatchObject({
      email: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'password'] }],
    });

    const set = await api.gql(SET, { input: { token, password: 'a long new password' } });
    expect(set.data.userPasswordSet).toEqual({ email: 'new.user@hanoi-water.example', userErrors: [] });
    expect((await tryLogin(api, 'new.user@hanoi-water.example', 'a long new password')).token).toBeTruthy();

    const reused = await api.gql(SET, { input: { token, password: 'another long password' } });
    expect(reused.data.userPasswordSet.userErrors).toMatchObject([{ code: 'LINK_USED', field: ['input', 'token'] }]);
    expect((await tryLogin(api, 'new.user@hanoi-water.example', 'another long password')).token).toBeNull();
    expect((await tryLogin(api, 'new.user@hanoi-water.example', 'a long new password')).token).toBeTruthy();

    const resend = await api.gql(RESEND, { input: { userId: user.id } }, { token: admin });
    expect(resend.data.userInviteResend.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('an expired link is refused and changes nothing; a resent link replaces the old one', async () => {
    const user = await invite('late.user@hanoi-water.example', 'CUSTOMER_ADMIN');
    const first = await linkTokenFor('late.user@hanoi-water.example');
    await api.db.prisma.oneTimeToken.updateMany({
      where: { user: { email: 'late.user@hanoi-water.example' } },
      data: { expiresAt: NOW },
    });
    const before = await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'late.user@hanoi-water.example' } });
    const expired = await api.gql(SET, { input: { token: first, password: 'a long new password' } });
    expect(expired.data.userPasswordSet.userErrors).toMatchObject([
      { code: 'LINK_EXPIRED', field: ['input', 'token'] },
    ]);
    expect(await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'late.user@hanoi-water.example' } })).toEqual(
      before,
    );

    const resent = await api.gql(RESEND, { input: { userId: user.id } }, { token: admin });
    expect(resent.data.userInviteResend).toMatchObject({ user: { status: 'INVITED' }, userErrors: [] });
    const second = await linkTokenFor('late.user@hanoi-water.example');
    expect(second).not.toBe(first);
    const ok = await api.gql(SET, { input: { token: second, password: 'a long new password' } });
    expect(ok.data.userPasswordSet.userErrors).toEqual([]);
  });

  it("a disabled user's invitation link is refused and stays unused", async () => {
    const user = await invite('gone.user@hanoi-water.example');
    const token = await linkTokenFor('gone.user@hanoi-water.example');
    await api.gql(DISABLE, { input: { userId: user.id } }, { token: admin });
    const { data } = await api.gql(SET, { input: { token, password: 'a long new password' } });
    expect(data.userPasswordSet.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'token'] }]);
    const link = await api.db.prisma.oneTimeToken.findFirstOrThrow({
      where: { user: { email: 'gone.user@hanoi-water.example' } },
    });
    expect(link.usedAt).toBeNull();
    const row = await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'gone.user@hanoi-water.example' } });
    expect(row.passwordHash).toBe('');
  });

  it('sets at most one password per request (aliases cannot multiply the hashing)', async () => {
    await invite('alias.user@hanoi-water.example');
    const token = await linkTokenFor('alias.user@hanoi-water.example');
    const { data } = await api.gql(
      `mutation ($a: UserPasswordSetInput!, $b: UserPasswordSetInput!) {
        a: userPasswordSet(input: $a) { email userErrors { code } }
        b: userPasswordSet(input: $b) { email userErrors { code } }
      }`,
      { a: { token, password: 'a long new password' }, b: { token, password: 'another long password' } },
    );
    expect(data.a).toEqual({ email: 'alias.user@hanoi-water.example', userErrors: [] });
    expect(data.b).toEqual({ email: null, userErrors: [{ code: 'RATE_LIMITED' }] });
  });

  it('an unknown token is refused', async () => {
    const { data } = await api.gql(SET, { input: { token: 'notarealtoken', password: 'a long new password' } });
    expect(data.userPasswordSet.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'token'] }]);
  });

  it('refuses bad invitations clearly: bad email, staff with a customer, customer user without one, an existing email', async () => {
    const hanoi = globalId('Customer', await customerId(api, 'HANOI-WATER'));
    const cases = [
      [
        { email: 'not-an-email', name: 'X', role: 'CUSTOMER_USER', customerId: hanoi },
        ['input', 'email'],
        'INVALID_INPUT',
      ],
      [
        { email: 'a@b.example', name: 'X', role: 'ENGINEER', customerId: hanoi },
        ['input', 'customerId'],
        'INVALID_INPUT',
      ],
      [{ email: 'a@b.example', name: 'X', role: 'CUSTOMER_USER' }, ['input', 'customerId'], 'INVALID_INPUT'],
      [
        { email: ACCOUNTS.hanoiUser, name: 'X', role: 'CUSTOMER_USER', customerId: hanoi },
        ['input', 'email'],
        'CONFLICT',
      ],
    ] as const;
    const before = await api.db.prisma.user.count();
    for (const [input, field, code] of cases) {
      const { data } = await api.gql(INVITE, { input }, { token: admin });
      expect(data.userInvite, JSON.stringify(input)).toMatchObject({ user: null, userErrors: [{ code, field }] });
    }
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it('invites vendor staff in their chosen language', async () => {
    const { data } = await api.gql(
      INVITE,
      { input: { email: 'new.engineer@vendor.example', name: 'New Engineer', role: 'ENGINEER', locale: 'EN' } },
      { token: admin },
    );
    expect(data.userInvite).toMatchObject({ user: { role: 'ENGINEER', locale: 'EN', customer: null }, userErrors: [] });
    const message = await api.db.prisma.emailMessage.findFirstOrThrow({ where: { to: 'new.engineer@vendor.example' } });
    expect(message.subject).toBe('Your invitation to Upgrade Desk');
  });
});

describe('userRoleChange', () => {
  it('moves a customer user between customer roles only', async () => {
    const id = globalId('User', await userId(api, ACCOUNTS.saigonUser));
    const staff = await api.gql(ROLE, { input: { userId: id, role: 'ENGINEER' } }, { token: admin });
    expect(staff.data.userRoleChange.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'role'] }]);
    const up = await api.gql(ROLE, { input: { userId: id, role: 'CUSTOMER_ADMIN' } }, { token: admin });
    expect(up.data.userRoleChange).toMatchObject({ user: { role: 'CUSTOMER_ADMIN' }, userErrors: [] });
    const down = await api.gql(ROLE, { input: { userId: id, role: 'CUSTOMER_USER' } }, { token: admin });
    expect(down.data.userRoleChange).toMatchObject({ user: { role: 'CUSTOMER_USER' }, userErrors: [] });
    const self = await api.gql(
      ROLE,
      { input: { userId: globalId('User', await userId(api, ACCOUNTS.admin)), role: 'ENGINEER' } },
      { token: admin },
    );
    expect(self.data.userRoleChange.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
  });
});

describe('userDisable', () => {
  it('ends the sessions and API tokens at once; the user cannot log in until enabled', async () => {
    const session = (await tryLogin(api, ACCOUNTS.saigonAdmin, DEMO_PASSWORD)).token!;
    const created = await api.gql(
      `mutation { apiTokenCreate(input: { name: "erp", scopes: [READ, WRITE] }) { token } }`,
      {},
      { token: session },
    );
    const apiToken = created.data.apiTokenCreate.token as string;
    for (const token of [session, apiToken]) {
      expect((await api.gql('{ viewer { id } }', {}, { token })).data?.viewer).not.toBeNull();
    }
    const id = globalId('User', await userId(api, ACCOUNTS.saigonAdmin));
    const { data } = await api.gql(DISABLE, { input: { userId: id } }, { token: admin });
    expect(data.userDisable).toMatchObject({ user: { status: 'DISABLED' }, userErrors: [] });
    const owner = await userId(api, ACCOUNTS.saigonAdmin);
    expect(await api.db.prisma.session.count({ where: { userId: owner } })).toBe(0);
    expect(await api.db.prisma.apiToken.count({ where: { userId: owner, revokedAt: null } })).toBe(0);
    for (const token of [session, apiToken]) {
      expect((await api.gql('{ viewer { id } }', {}, { token })).data?.viewer ?? null).toBeNull();
    }
    expect(await tryLogin(api, ACCOUNTS.saigonAdmin, DEMO_PASSWORD)).toEqual({
      token: null,
      codes: ['INVALID_CREDENTIALS'],
    });
    // No password reset for a disabled account either.
    await api.gql(RESET, { input: { email: ACCOUNTS.saigonAdmin } });
    expect(await api.db.prisma.oneTimeToken.count({ where: { userId: owner } })).toBe(0);

    const self = await api.gql(
      DISABLE,
      { input: { userId: globalId('User', await userId(api, ACCOUNTS.admin)) } },
      { token: admin },
    );
    expect(self.data.userDisable.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);

    const enabled = await api.gql(ENABLE, { input: { userId: id } }, { token: admin });
    expect(enabled.data.userEnable).toMatchObject({ user: { status: 'ACTIVE' }, userErrors: [] });
    expect((await tryLogin(api, ACCOUNTS.saigonAdmin, DEMO_PASSWORD)).token).toBeTruthy();
  });
});

describe('password reset', () => {
  it('answers the same for an unknown email and sends nothing', async () => {
    const before = await api.db.prisma.emailMessage.count();
    const unknown = await api.gql(RESET, { input: { email: 'nobody@nowhere.example' } });
    const known = await api.gql(RESET, { input: { email: ACCOUNTS.engineer } });
    expect(unknown).toEqual(known);
    expect(unknown).toEqual({ data: { userPasswordResetRequest: { userErrors: [] } } });
    expect(await api.db.prisma.emailMessage.count()).toBe(before + 1);
  });

  it('sets a new password by the emailed link and ends the old sessions', async () => {
    const oldSession = (await tryLogin(api, ACCOUNTS.care, DEMO_PASSWORD)).token!;
    await api.gql(RESET, { input: { email: ' Care@Vendor.example ' } });
    const token = await linkTokenFor(ACCOUNTS.care);
    const { data } = await api.gql(SET, { input: { token, password: 'care has a new password' } });
    expect(data.userPasswordSet).toEqual({ email: ACCOUNTS.care, userErrors: [] });
    expect((await api.gql('{ viewer { id } }', {}, { token: oldSession })).data?.viewer ?? null).toBeNull();
    expect((await tryLogin(api, ACCOUNTS.care, DEMO_PASSWORD)).token).toBeNull();
    expect((await tryLogin(api, ACCOUNTS.care, 'care has a new password')).token).toBeTruthy();
    const again = await api.gql(SET, { input: { token, password: 'yet another password' } });
    expect(again.data.userPasswordSet.userErrors).toMatchObject([{ code: 'LINK_USED' }]);
  });

  it('sends at most three reset emails an hour per account, answering alike', async () => {
    const email = ACCOUNTS.impl;
    for (let i = 0; i < 5; i++) {
      const answer = await api.gql(RESET, { input: { email } });
      expect(answer.data?.userPasswordResetRequest.userErrors).toEqual([]);
    }
    expect(
      await api.db.prisma.emailMessage.count({ where: { to: email, sourceKey: { startsWith: 'one-time-link:' } } }),
    ).toBe(3);
  });
});
