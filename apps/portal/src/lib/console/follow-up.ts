// The account team's follow-up list: the customers a staff member looks after, those with overdue
// acknowledgements first (the oldest missed deadline first), then those whose window proposals
// wait for an answer, then the others by name. Each entry carries its overdue notices and its
// window proposals (open ones, and those just given, so the answer shows).
import type { Role } from '../api-types';
import { consoleCapabilities } from './capabilities';

export interface FollowUpCustomerFields {
  id: string;
  name: string;
  accountTeam: readonly { user: { id: string } | null }[];
  windowProposals: readonly { state: string }[];
}

export interface OverdueNoticeFields {
  acknowledgeBy: string | null;
  customer: { id: string };
}

export interface FollowUpCustomer<C extends FollowUpCustomerFields, N> {
  customer: C;
  overdue: N[];
  proposals: C['windowProposals'][number][];
}

/** The proposals worth showing: those waiting for an answer, and those answered by moving the window. */
const SHOWN_PROPOSALS: ReadonlySet<string> = new Set(['OPEN', 'ACCEPTED']);

/**
 * `customers` narrowed to those whose account team includes `viewerId`, each with its `overdue`
 * notices (given oldest deadline first, as the API sends them) and its proposals. A staff member
 * who looks after nobody (an administrator, an engineer) gets every customer with something
 * overdue or a proposal to show (waiting, or just given, so the one who gave it sees the answer).
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
  const entries = (lookedAfter ? mine : customers)
    .map((customer) => ({
      customer,
      overdue: overdueByCustomer.get(customer.id) ?? [],
      proposals: customer.windowProposals.filter((proposal) => SHOWN_PROPOSALS.has(proposal.state)),
    }))
    .filter((entry) => lookedAfter || entry.overdue.length > 0 || entry.proposals.length > 0);
  entries.sort(byUrgency);
  return { lookedAfter, customers: entries };
}

const isOpen = (proposal: { state: string }) => proposal.state === 'OPEN';

/**
 * Whether the viewer may record a call to this customer: the API lets its account team (the
 * implementation and customer-care staff assigned to it) and administrators.
 */
export function mayRecordCall(
  viewer: { id: string; role: Role },
  customer: Pick<FollowUpCustomerFields, 'accountTeam'>,
): boolean {
  if (!consoleCapabilities(viewer.role).recordCalls) return false;
  if (viewer.role === 'ADMIN') return true;
  return customer.accountTeam.some((member) => member.user?.id === viewer.id);
}

function oldestDeadline(entry: { overdue: readonly OverdueNoticeFields[] }): string | null {
  let oldest: string | null = null;
  for (const notice of entry.overdue) {
    if (notice.acknowledgeBy && (oldest === null || notice.acknowledgeBy < oldest)) oldest = notice.acknowledgeBy;
  }
  return oldest;
}

interface Urgency<C> {
  customer: C;
  overdue: readonly OverdueNoticeFields[];
  proposals: readonly { state: string }[];
}

function byUrgency<C extends { name: string }>(a: Urgency<C>, b: Urgency<C>): number {
  const aLate = a.overdue.length > 0;
  const bLate = b.overdue.length > 0;
  if (aLate !== bLate) return aLate ? -1 : 1;
  if (aLate) {
    const byDeadline = (oldestDeadline(a) ?? '').localeCompare(oldestDeadline(b) ?? '');
    if (byDeadline !== 0) return byDeadline;
  }
  const aWaiting = a.proposals.some(isOpen);
  const bWaiting = b.proposals.some(isOpen);
  if (aWaiting !== bWaiting) return aWaiting ? -1 : 1;
  return a.customer.name.localeCompare(b.customer.name, 'vi');
}
