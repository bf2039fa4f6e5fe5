import { describe, expect, it } from 'vitest';
import { followUpCustomers } from './follow-up';

const team = (...ids: string[]) => ids.map((id) => ({ user: { id } }));
const customers = [
  { id: 'a', name: 'An Phú', accountTeam: team('care', 'impl') },
  { id: 'b', name: 'Bình Minh', accountTeam: team('care') },
  { id: 'c', name: 'Cửu Long', accountTeam: team('care') },
  { id: 'd', name: 'Đông Á', accountTeam: team('other') },
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
});
