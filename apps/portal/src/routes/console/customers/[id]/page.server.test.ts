import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_ADMIN,
  connection,
  fakeEvent,
  statusOf,
  VENDOR_ADMIN as ADMIN,
} from '../../../../../tests/fake-event';
import { actions, load } from './+page.server';
import { warrantyInstant } from '$lib/server/installed-modules';
import { parseInviteForm } from './people.server';

const customer = {
  __typename: 'Customer',
  id: 'Q3VzdG9tZXI6MQ==',
  code: 'HANOI-WATER',
  name: 'Nước sạch Hà Nội',
  industry: '',
  province: '',
  address: '',
  contactPhone: '',
  contactEmail: '',
  timeZone: 'Europe/Berlin',
  locale: 'VI',
  deactivatedAt: null,
  accountTeam: [],
  users: connection([]),
  installedModules: connection([
    {
      id: 'im1',
      version: '1.0',
      installedAt: '2026-01-01T00:00:00.000Z',
      warrantyEndsAt: null,
      module: { id: 'm1', name: 'Kế toán', latestVersion: '1.0', versions: [] },
    },
  ]),
  blackoutWindows: [],
  upgrades: connection([]),
  notices: connection([]),
  moduleRequests: connection([]),
};

describe('/console/customers/[id]', () => {
  it('is a 403 for a customer, its load and its actions, without asking the API', async () => {
    const { event, calls } = fakeEvent({
      url: '/console/customers/x',
      params: { id: 'x' },
      answers: {},
      viewer: CUSTOMER_ADMIN,
      form: { name: 'A', email: 'a@b.example', role: 'CUSTOMER_ADMIN' },
    });
    expect(await statusOf(() => load(event))).toBe(403);
    expect(await statusOf(() => actions.invite!(event))).toBe(403);
    expect(await statusOf(() => actions.uninstall!(event))).toBe(403);
    expect(calls).toEqual([]);
  });

  it('loads the customer and what the forms pick from in one operation; another node is a 404', async () => {
    const modules = connection([
      { id: 'm1', name: 'Kế toán', latestVersion: '1.0' },
      { id: 'm2', name: 'Nhân sự', latestVersion: '2.1' },
    ]);
    const answer = (node: unknown) => ({
      data: { node, implementation: connection([]), care: connection([]), modules },
    });
    const { event, calls } = fakeEvent({
      url: '/console/customers/c1',
      params: { id: 'c1' },
      answers: { ConsoleCustomer: answer(customer) },
      viewer: ADMIN,
    });
    const data = (await load(event)) as { installable: { id: string }[]; customer: { utcOffset: string } };
    expect(calls.map((call) => call.operationName)).toEqual(['ConsoleCustomer']);
    // Installed modules are not offered again.
    expect(data.installable.map((module) => module.id)).toEqual(['m2']);
    expect(data.customer.utcOffset).toMatch(/^UTC\+0[12]:00$/);

    const other = fakeEvent({
      url: '/console/customers/u1',
      params: { id: 'u1' },
      answers: { ConsoleCustomer: answer({}) },
      viewer: ADMIN,
    });
    expect(await statusOf(() => load(other.event))).toBe(404);
  });

  it('an invitation with a bad email is refused before the API', async () => {
    const { event, calls } = fakeEvent({
      url: '/console/customers/c1?/invite',
      params: { id: 'c1' },
      answers: {},
      viewer: ADMIN,
      form: { name: 'Hoa', email: 'not an email', role: 'ADMIN' },
    });
    const result = await actions.invite!(event);
    expect(isActionFailure(result)).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe('parseInviteForm', () => {
  it('keeps customer roles only and an optional language', () => {
    const form = new FormData();
    form.set('name', ' Hoa ');
    form.set('email', 'hoa@example.vn');
    form.set('role', 'ADMIN');
    form.set('locale', '');
    expect(parseInviteForm(form)).toEqual({
      values: { name: 'Hoa', email: 'hoa@example.vn', role: 'CUSTOMER_USER', locale: '' },
      errors: {},
    });
  });
});

describe('warrantyInstant', () => {
  it("is the start of the typed day in the customer's zone; empty is no warranty; junk is undefined", () => {
    expect(warrantyInstant('2027-12-31', 'Asia/Ho_Chi_Minh')).toBe('2027-12-30T17:00:00.000Z');
    expect(warrantyInstant('2027-07-01', 'Europe/Berlin')).toBe('2027-06-30T22:00:00.000Z');
    expect(warrantyInstant('', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(warrantyInstant('31/12/2027', 'Asia/Ho_Chi_Minh')).toBeUndefined();
    expect(warrantyInstant('2027-02-30', 'Asia/Ho_Chi_Minh')).toBeUndefined();
  });
});
