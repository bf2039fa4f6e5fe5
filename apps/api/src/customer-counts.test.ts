import { describe, expect, it } from 'vitest';
import { planCountStatements, type CountRequest } from './customer-counts.ts';

const notices = (title: string): CountRequest['count'] => ({ relation: 'notices', where: { title } });
const targets: CountRequest['count'] = { relation: 'upgradeTargets', where: {} };

describe('planCountStatements', () => {
  it("reads different relations of one customer in one statement, each customer's in its own", () => {
    const plan = planCountStatements([
      { customerId: 'a', count: notices('x') },
      { customerId: 'a', count: targets },
      { customerId: 'b', count: notices('x') },
    ]);
    expect(plan.statements).toEqual([
      { customerId: 'a', counts: [notices('x'), targets] },
      { customerId: 'b', counts: [notices('x')] },
    ]);
    expect(plan.at).toEqual([0, 0, 1]);
  });

  it('gives a relation asked for twice with different filters a further statement', () => {
    const plan = planCountStatements([
      { customerId: 'a', count: notices('x') },
      { customerId: 'a', count: notices('y') },
      { customerId: 'a', count: targets },
      { customerId: 'a', count: notices('z') },
    ]);
    expect(plan.statements).toEqual([
      { customerId: 'a', counts: [notices('x'), targets] },
      { customerId: 'a', counts: [notices('y')] },
      { customerId: 'a', counts: [notices('z')] },
    ]);
    expect(plan.at).toEqual([0, 1, 0, 2]);
  });
});
