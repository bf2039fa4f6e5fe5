// The account team's follow-up list: the customers a staff member looks after, those with overdue
// acknowledgements first (the oldest missed deadline first), then the others by name. Each entry
// carries its overdue notices; another kind of thing to follow up (a customer's counter-proposal
// for a window, say) becomes one more list on FollowUpCustomer, filled here and sorted with it.

export interface FollowUpCustomerFields {
  id: string;
  name: string;
  accountTeam: readonly { user: { id: string } | null }[];
}

export interface OverdueNoticeFields {
  acknowledgeBy: string | null;
  customer: { id: string };
}

export interface FollowUpCustomer<C, N> {
  customer: C;
  overdue: N[];
}

/**
 * `customers` narrowed to those whose account team includes `viewerId`, each with its `overdue`
 * notices (given oldest deadline first, as the API sends them). A staff member who looks after
 * nobody (an administrator, an engineer) gets every customer with something overdue.
 */
export function followUpCustomers<C extends FollowUpCustomerFields, N extends OverdueNoticeFields>(
  customers: readonly C[],
  overdue: readonly N[],
  viewerId: string,
): { lookedAfter: boolean; customers: FollowUpCustomer<C, N>[] } {
  const overdueByCustomer = new Map<string, N[]>();
  for (const notice of overdue) {
    const list = overdueByCustomer.get(notice.customer.id) ?? [];
    list.push(notice);
    overdueByCustomer.set(notice.customer.id, list);
  }
  const mine = customers.filter((customer) => customer.accountTeam.some((member) => member.user?.id === viewerId));
  const lookedAfter = mine.length > 0;
  const chosen = lookedAfter ? mine : customers.filter((customer) => overdueByCustomer.has(customer.id));
  const entries = chosen.map((customer) => ({ customer, overdue: overdueByCustomer.get(customer.id) ?? [] }));
  entries.sort(byUrgency);
  return { lookedAfter, customers: entries };
}

function oldestDeadline(entry: { overdue: readonly OverdueNoticeFields[] }): string | null {
  let oldest: string | null = null;
  for (const notice of entry.overdue) {
    if (notice.acknowledgeBy && (oldest === null || notice.acknowledgeBy < oldest)) oldest = notice.acknowledgeBy;
  }
  return oldest;
}

function byUrgency<C extends { name: string }>(
  a: { customer: C; overdue: readonly OverdueNoticeFields[] },
  b: { customer: C; overdue: readonly OverdueNoticeFields[] },
): number {
  const aLate = a.overdue.length > 0;
  const bLate = b.overdue.length > 0;
  if (aLate !== bLate) return aLate ? -1 : 1;
  if (aLate) {
    const byDeadline = (oldestDeadline(a) ?? '').localeCompare(oldestDeadline(b) ?? '');
    if (byDeadline !== 0) return byDeadline;
  }
  return a.customer.name.localeCompare(b.customer.name, 'vi');
}
