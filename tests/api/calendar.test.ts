// The per-customer ICS feed at a secret URL: what it lists, how it stays stable for calendar apps,
// and who can read or revoke its URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface IcsComponent {
  props: Map<string, string>;
}

/** Just enough of RFC 5545 for the tests: unfolds lines, unescapes text, splits VEVENTs. */
function parseIcs(text: string): { calendar: Map<string, string>; events: IcsComponent[] } {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const calendar = new Map<string, string>();
  const events: IcsComponent[] = [];
  let current: IcsComponent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = { props: new Map() };
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      const value = line
        .slice(colon + 1)
        .replace(/\\n/gi, '\n')
        .replace(/\\([,;\\])/g, '$1');
      (current ? current.props : calendar).set(name, value);
    }
  }
  return { calendar, events };
}

/** The feed's path (the URL carries the configured public origin, not the in-process test origin). */
const pathOf = (url: string) => new URL(url).pathname;

async function fetchFeed(url: string) {
  const response = await api.fetch(pathOf(url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await response.text();
  return { text, ...parseIcs(text) };
}

const uidOf = (globalId: string) => {
  const [typename, id] = Buffer.from(globalId, 'base64').toString('utf8').split(':');
  expect(typename).toBe('Upgrade');
  return `upgrade-${id}@upgrade-desk`;
};

async function calendarUrlOf(email: string): Promise<string> {
  const { data, errors } = await api.gql(
    '{ viewer { customer { calendarUrl } } }',
    {},
    { token: await api.login(email) },
  );
  expect(errors).toBeUndefined();
  return data.viewer.customer.calendarUrl;
}

async function customerId(code: string): Promise<string> {
  const { data } = await api.gql(
    'query ($s: String) { customers(first: 1, search: $s) { edges { node { id code } } } }',
    { s: code },
    { token: await api.login(ACCOUNTS.admin) },
  );
  expect(data.customers.edges[0].node.code).toBe(code);
  return data.customers.edges[0].node.id;
}

/** UIDs of the upgrades a customer's user sees through the API. */
async function upgradesSeenBy(email: string): Promise<Set<string>> {
  const { data } = await api.gql(
    '{ upgrades(first: 100) { totalCount edges { node { id } } } }',
    {},
    { token: await api.login(email) },
  );
  expect(data.upgrades.totalCount).toBeLessThanOrEqual(100);
  return new Set(data.upgrades.edges.map((e: { node: { id: string } }) => uidOf(e.node.id)));
}

const ROTATE = `mutation ($input: CustomerCalendarRotateInput) {
  customerCalendarRotate(input: $input) { calendarUrl customer { code calendarUrl } userErrors { code field } }
}`;

describe('Customer.calendarUrl', () => {
  it('is created on first read, absolute, secret-looking, and then stays the same', async () => {
    const url = await calendarUrlOf(ACCOUNTS.hanoiUser);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/calendar\/[a-z2-7]{52}\.ics$/);
    expect(await calendarUrlOf(ACCOUNTS.hanoiAdmin)).toBe(url);
    const stored = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    expect(url).toContain(stored.calendarToken!);
  });

  it('is shown to vendor staff, and never to another customer', async () => {
    const hanoi = await customerId('HANOI-WATER');
    const query = 'query ($id: ID!) { node(id: $id) { ... on Customer { code calendarUrl } } }';
    const staff = await api.gql(query, { id: hanoi }, { token: await api.login(ACCOUNTS.care) });
    expect(staff.data.node.calendarUrl).toBe(await calendarUrlOf(ACCOUNTS.hanoiUser));

    const other = await api.gql(query, { id: hanoi }, { token: await api.login(ACCOUNTS.saigonAdmin) });
    expect(other.errors).toBeUndefined();
    expect(other.data.node).toBeNull();
    const anonymous = await api.gql(query, { id: hanoi });
    expect(anonymous.data?.node ?? null).toBeNull();
  });
});

describe('the ICS feed', () => {
  it("lists exactly the upgrades the customer's users see, with stable UIDs and the customer's time zone", async () => {
    const url = await calendarUrlOf(ACCOUNTS.hanoiUser);
    const first = await fetchFeed(url);
    const uids = first.events.map((e) => e.props.get('UID')!);
    expect(new Set(uids)).toEqual(await upgradesSeenBy(ACCOUNTS.hanoiUser));
    expect(uids.length).toBeGreaterThan(3);
    expect(first.calendar.get('X-WR-TIMEZONE')).toBe('Asia/Ho_Chi_Minh');
    expect(first.calendar.get('X-WR-CALNAME')).toBe('Lịch nâng cấp và bảo trì – Công ty Nước sạch Hà Nội');
    expect(first.calendar.get('METHOD')).toBe('PUBLISH');

    // Nothing of another customer's, no drafts, nothing not yet announced to HANOI.
    const saigonOnly = [...(await upgradesSeenBy(ACCOUNTS.saigonUser))].filter((uid) => !uids.includes(uid));
    expect(saigonOnly.length).toBeGreaterThan(0);
    const hanoiTargets = await api.db.prisma.upgrade.findMany({
      where: { targets: { some: { customer: { code: 'HANOI-WATER' } } } },
      select: { id: true, status: true },
    });
    const hidden = hanoiTargets.filter((u) => !uids.includes(`upgrade-${u.id}@upgrade-desk`));
    expect(hidden.some((u) => u.status === 'DRAFT')).toBe(true);

    // A second poll returns the same document, so calendar apps see no spurious change.
    expect((await fetchFeed(url)).text).toBe(first.text);
  });

  it('writes the window in UTC, the title as SUMMARY, and a description in the customer’s language', async () => {
    const { events } = await fetchFeed(await calendarUrlOf(ACCOUNTS.hanoiUser));
    const event = events[0]!;
    const id = event.props.get('UID')!.replace(/^upgrade-|@upgrade-desk$/g, '');
    const upgrade = await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id } });
    const utc = (d: Date) => d.toISOString().replace(/[-:]|\.\d{3}/g, '');
    expect(event.props.get('DTSTART')).toBe(utc(upgrade.windowStart));
    expect(event.props.get('DTEND')).toBe(utc(upgrade.windowEnd));
    expect(event.props.get('SUMMARY')).toBe(upgrade.title);
    const description = event.props.get('DESCRIPTION')!;
    expect(description).toContain(upgrade.summary);
    expect(description).toContain('Thời gian dự kiến gián đoạn');
    expect(description).toContain('GMT+7');
    expect(description).toMatch(/đăng nhập lại/);
  });

  it('shows a customer the window staff moved for it alone, and the upgrade’s again once cleared', async () => {
    const url = await calendarUrlOf(ACCOUNTS.hanoiUser);
    const event = (await fetchFeed(url)).events.find((e) => e.props.get('STATUS') === 'CONFIRMED')!;
    const uid = event.props.get('UID')!;
    const upgradeId = uid.replace(/^upgrade-|@upgrade-desk$/g, '');
    const hanoi = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
    const own = { windowStart: new Date('2027-01-09T14:00:00Z'), windowEnd: new Date('2027-01-09T16:30:00Z') };
    await api.db.prisma.upgradeTarget.update({
      where: { upgradeId_customerId: { upgradeId, customerId: hanoi.id } },
      data: { ...own, overrideReason: 'Khách hàng chốt sổ cuối tháng' },
    });
    try {
      const moved = (await fetchFeed(url)).events.find((e) => e.props.get('UID') === uid)!;
      const utc = (d: Date) => d.toISOString().replace(/[-:]|\.\d{3}/g, '');
      expect(moved.props.get('DTSTART')).toBe(utc(own.windowStart));
      expect(moved.props.get('DTEND')).toBe(utc(own.windowEnd));
      // The description's local window says the same.
      expect(moved.props.get('DESCRIPTION')).toContain('21:00');
    } finally {
      await api.db.prisma.upgradeTarget.update({
        where: { upgradeId_customerId: { upgradeId, customerId: hanoi.id } },
        data: { windowStart: null, windowEnd: null, overrideReason: null },
      });
    }
    const back = (await fetchFeed(url)).events.find((e) => e.props.get('UID') === uid)!;
    expect(back.props.get('DTSTART')).toBe(event.props.get('DTSTART'));
  });

  it('speaks English in the zone of an English-speaking customer abroad', async () => {
    const kessler = await customerId('KESSLER-VIETNAM');
    const { data } = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Customer { calendarUrl } } }',
      { id: kessler },
      { token: await api.login(ACCOUNTS.admin) },
    );
    const { calendar, events } = await fetchFeed(data.node.calendarUrl);
    expect(calendar.get('X-WR-TIMEZONE')).toBe('Europe/Berlin');
    expect(calendar.get('X-WR-CALNAME')).toMatch(/^Upgrades and maintenance – Kessler/);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.props.get('DESCRIPTION')).toMatch(/Expected downtime/);
  });

  it('bumps SEQUENCE and moves the event when the upgrade is rescheduled; marks cancelled ones', async () => {
    const url = await calendarUrlOf(ACCOUNTS.hanoiUser);
    const before = await fetchFeed(url);
    const event = before.events.find((e) => e.props.get('STATUS') === 'CONFIRMED')!;
    const uid = event.props.get('UID')!;
    const id = uid.replace(/^upgrade-|@upgrade-desk$/g, '');
    const sequence = Number(event.props.get('SEQUENCE'));
    const upgrade = await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id } });
    expect(sequence).toBe(upgrade.sequence);

    const hour = 3600_000;
    await api.db.prisma.upgrade.update({
      where: { id },
      data: {
        sequence: { increment: 1 },
        windowStart: new Date(upgrade.windowStart.getTime() + 24 * hour),
        windowEnd: new Date(upgrade.windowEnd.getTime() + 24 * hour),
      },
    });
    let moved = (await fetchFeed(url)).events.find((e) => e.props.get('UID') === uid)!;
    expect(Number(moved.props.get('SEQUENCE'))).toBe(sequence + 1);
    expect(moved.props.get('DTSTART')).not.toBe(event.props.get('DTSTART'));

    await api.db.prisma.upgrade.update({ where: { id }, data: { status: 'CANCELLED', sequence: { increment: 1 } } });
    moved = (await fetchFeed(url)).events.find((e) => e.props.get('UID') === uid)!;
    expect(moved.props.get('STATUS')).toBe('CANCELLED');
    expect(Number(moved.props.get('SEQUENCE'))).toBe(sequence + 2);
    expect(moved.props.get('DESCRIPTION')).toMatch(/^ĐÃ HỦY/);
  });

  it('answers an unknown or malformed token with a bare 404', async () => {
    for (const path of [
      `/calendar/${'a'.repeat(52)}.ics`,
      '/calendar/abc.ics',
      '/calendar/',
      `/calendar/${'a'.repeat(52)}.ics/x`,
      `/calendar/${'A'.repeat(52)}.ics`,
    ]) {
      const response = await api.fetch(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('Not found\n');
    }
    const url = await calendarUrlOf(ACCOUNTS.hanoiUser);
    expect((await api.fetch(pathOf(url), { method: 'POST' })).status).toBe(405);
  });
});

describe('customerCalendarRotate', () => {
  it("lets the customer's admin replace the URL: the old one stops working", async () => {
    const old = await calendarUrlOf(ACCOUNTS.hanoiUser);
    const { data } = await api.gql(ROTATE, {}, { token: await api.login(ACCOUNTS.hanoiAdmin) });
    const payload = data.customerCalendarRotate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.calendarUrl).toMatch(/\/calendar\/[a-z2-7]{52}\.ics$/);
    expect(payload.calendarUrl).not.toBe(old);
    expect(payload.customer).toEqual({ code: 'HANOI-WATER', calendarUrl: payload.calendarUrl });
    expect(await calendarUrlOf(ACCOUNTS.hanoiUser)).toBe(payload.calendarUrl);

    expect((await api.fetch(pathOf(old))).status).toBe(404);
    await fetchFeed(payload.calendarUrl);
    const audit = await api.db.prisma.auditLog.findFirst({ where: { action: 'customer.calendarRotate' } });
    expect(audit?.entityType).toBe('Customer');
  });

  it("refuses customer users, and another customer's admin learns nothing", async () => {
    const hanoi = await customerId('HANOI-WATER');
    const before = await calendarUrlOf(ACCOUNTS.hanoiUser);

    const user = await api.gql(ROTATE, {}, { token: await api.login(ACCOUNTS.hanoiUser) });
    expect(user.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const other = await api.gql(
      ROTATE,
      { input: { customerId: hanoi } },
      { token: await api.login(ACCOUNTS.saigonAdmin) },
    );
    expect(other.data.customerCalendarRotate).toEqual({
      calendarUrl: null,
      customer: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'customerId'] }],
    });
    expect(await calendarUrlOf(ACCOUNTS.hanoiUser)).toBe(before);
  });

  it('lets vendor staff rotate a named customer', async () => {
    const token = await api.login(ACCOUNTS.care);
    const missing = await api.gql(ROTATE, {}, { token });
    expect(missing.data.customerCalendarRotate.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'customerId'] },
    ]);

    const before = await calendarUrlOf(ACCOUNTS.saigonUser);
    const { data } = await api.gql(ROTATE, { input: { customerId: await customerId('SAIGON-GARMENT') } }, { token });
    expect(data.customerCalendarRotate.customer.code).toBe('SAIGON-GARMENT');
    expect(data.customerCalendarRotate.calendarUrl).not.toBe(before);
    expect((await api.fetch(pathOf(before))).status).toBe(404);
  });
});
