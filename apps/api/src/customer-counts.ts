// Per-request batching of counts over one customer's rows (the dashboard's totals): counts asked
// for in the same tick are read in one SQL statement, through the customer's relation `_count`s.
// Issue 6 counts SQL statements per operation; without this, each connection's totalCount is one.
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import DataLoader from 'dataloader';

/** A count of a customer's related rows: the relation of Customer and a filter on its rows. */
export type CustomerCount =
  | { relation: 'notices'; where: Prisma.NoticeWhereInput }
  | { relation: 'upgradeTargets'; where: Prisma.UpgradeTargetWhereInput };

export interface CountRequest {
  customerId: string;
  count: CustomerCount;
}

/** One statement: a customer and at most one count per relation (Prisma's `_count` has one slot each). */
export interface CountStatement {
  customerId: string;
  counts: CustomerCount[];
}

/**
 * Groups requests into as few statements as `_count` allows: one per customer, plus one more for
 * each further request of a relation already taken in that customer's earlier statements.
 */
export function planCountStatements(requests: readonly CountRequest[]): { statements: CountStatement[]; at: number[] } {
  const statements: CountStatement[] = [];
  const at = requests.map(({ customerId, count }) => {
    let index = statements.findIndex(
      (s) => s.customerId === customerId && !s.counts.some((c) => c.relation === count.relation),
    );
    if (index < 0) index = statements.push({ customerId, counts: [] }) - 1;
    statements[index]!.counts.push(count);
    return index;
  });
  return { statements, at };
}

/** Reads the counts of one statement; a customer that does not exist has 0 of everything. */
async function runStatement(prisma: PrismaClient, statement: CountStatement): Promise<Record<string, number>> {
  const select: Prisma.CustomerCountOutputTypeSelect = {};
  for (const count of statement.counts) {
    if (count.relation === 'notices') select.notices = { where: count.where };
    else select.upgradeTargets = { where: count.where };
  }
  const row = await prisma.customer.findUnique({ where: { id: statement.customerId }, select: { _count: { select } } });
  return (row?._count ?? {}) as Record<string, number>;
}

export type CustomerCounter = (customerId: string, count: CustomerCount) => Promise<number>;

/**
 * A counter for one request (a DataLoader): equal requests share one promise; requests made before
 * the next macrotask are read together (a GraphQL query's root fields all start in the same tick).
 */
export function createCustomerCounter(prisma: PrismaClient): CustomerCounter {
  const loader = new DataLoader<CountRequest, number, string>(
    async (requests) => {
      const { statements, at } = planCountStatements(requests);
      const results = await Promise.all(statements.map((statement) => runStatement(prisma, statement)));
      return requests.map((request, i) => results[at[i]!]![request.count.relation] ?? 0);
    },
    { cacheKeyFn: (request) => JSON.stringify(request), batchScheduleFn: (run) => setImmediate(run) },
  );
  return (customerId, count) => loader.load({ customerId, count });
}
