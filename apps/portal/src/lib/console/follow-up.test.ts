import { describe, expect, it } from 'vitest';
import { followUpCustomers, mayRecordCall } from './follow-up';

const team = (...ids: string[]) => ids.map((id) => ({ user: { id } }));
const proposal = (id: string, state: string) => ({ id, state });
const customers = [
  { id: 'a', name: 'An Phú', accountTeam: team('care', 'impl'), windowProposals: [] },
  { id: 'b', name: 'Bình Minh', accountTeam: team('care'), windowProposals: [] },
  { id: 'c', name: 'Cửu Long', accountTeam: team('care'), windowProposals: [] },
  { id: 'd', name: 'Đông Á', accountTeam: team('other'), windowProposals: [] },
];
const notice = (customerId: string, acknowledgeBy: string) => ({ customer: { id: customerId }, acknowledgeBy });

describe('the follow-up list', () => {
  it("keeps the viewer's customers, overdue first by oldest deadline, then by name", () => {
    const overdue = [
      notice('c', '2026-01-01T00:00:00Z'),
      notice('b', '2026-01-02T00:00:00Z'),
      notice('c', '2026-01-03T00:00:00Z'),
      notice('d', '2025-12-01T00:00:00Z'),
    ];
    const result = followUpCustomers(customers, overdue, 'care');
    expect(result.lookedAfter).toBe(true);
    expect(result.customers.map((entry) => [entry.customer.id, entry.overdue.length])).toEqual([
      ['c', 2],
      ['b', 1],
      ['a', 0],
    ]);
  });

  it('shows every customer with something overdue to a staff member who looks after nobody', () => {
    const result = followUpCustomers(customers, [notice('d', '2026-01-01T00:00:00Z')], 'admin');
    expect(result.lookedAfter).toBe(false);
    expect(result.customers.map((entry) => entry.customer.id)).toEqual(['d']);
  });

  it('is empty for nobody to look after and nothing overdue', () => {
    expect(followUpCustomers(customers, [], 'admin').customers).toEqual([]);
  });

  it('puts customers with a proposal waiting right after those with something overdue', () => {
    const waiting = customers.map((customer) =>
      customer.id === 'a'
        ? { ...customer, windowProposals: [proposal('p1', 'OPEN'), proposal('p0', 'SUPERSEDED')] }
        : customer.id === 'b'
          ? { ...customer, windowProposals: [proposal('p2', 'ACCEPTED')] }
          : customer,
    );
    const result = followUpCustomers(waiting, [notice('c', '2026-01-01T00:00:00Z')], 'care');
    expect(result.customers.map((entry) => [entry.customer.id, entry.proposals.map((p) => p.id)])).toEqual([
      ['c', []],
      ['a', ['p1']],
      ['b', ['p2']],
    ]);
  });

  it('shows a staff member who looks after nobody the customers with a proposal waiting or given, not those with stale ones', () => {
    const proposals: Record<string, { id: string; state: string }[]> = {
      a: [proposal('p1', 'SUPERSEDED'), proposal('p2', 'CLOSED')],
      b: [proposal('p3', 'ACCEPTED')],
      d: [proposal('p4', 'OPEN')],
    };
    const waiting = customers.map((customer) => ({ ...customer, windowProposals: proposals[customer.id] ?? [] }));
    expect(followUpCustomers(waiting, [], 'engineer').customers.map((entry) => entry.customer.id)).toEqual(['d', 'b']);
  });
});

describe('who may record a call', () => {
  const customer = { accountTeam: team('care', 'impl') };
  it.each([
    [{ id: 'care', role: 'CUSTOMER_CARE' as const }, true],
    [{ id: 'impl', role: 'IMPLEMENTATION' as const }, true],
    [{ id: 'other-care', role: 'CUSTOMER_CARE' as const }, false],
    [{ id: 'admin', role: 'ADMIN' as const }, true],
    [{ id: 'care', role: 'ENGINEER' as const }, false],
    [{ id: 'care', role: 'CUSTOMER_ADMIN' as const }, false],
  ])('%o: %s', (viewer, expected) => {
    expect(mayRecordCall(viewer, customer)).toBe(expected);
  });
});
