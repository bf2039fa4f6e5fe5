// Connection totals that join the request's batch of counts (customer-counts.ts): a resolver
// starts its total as soon as it knows the query selects one, so totals of sibling connections
// (the dashboard's maintenance windows and notices) are read in one statement.
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';

/** Whether the connection field's own selection names totalCount (fragments are not looked into). */
export function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'totalCount'),
  );
}

/**
 * For a customer viewer (whose totals are batched and cached per request), starts the total now
 * when it is selected; its totalCount resolver then gets the same promise. Others count lazily.
 */
export function prefetchTotalCount(ctx: Context, info: GraphQLResolveInfo, total: () => Promise<number>): void {
  if (ctx.viewer?.customerId && selectsTotalCount(info)) {
    // Awaited by the totalCount resolver; here only started (its failure is reported there).
    total().catch(() => {});
  }
}
