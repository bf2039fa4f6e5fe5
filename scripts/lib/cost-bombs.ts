// Fuzzer categories for cost bombs: operations small on the wire whose answers would be huge, with
// the size hidden in variables (page sizes, defaults) or in `nodes(ids:)` (many IDs, many aliases).
// The API must refuse each before it runs (400: QUERY_TOO_COMPLEX, TOO_MANY_IDS, or a bad variable),
// never time out or fail. Kept apart from hostile-requests.ts, which spreads these into its own.
import { gql, someToken } from './hostile-builders.ts';
import type { FuzzContext, HostileRequest, Draw } from './hostile-requests.ts';

export const COST_BOMB_CATEGORIES = ['cost-bomb-variables', 'cost-bomb-nodes'] as const;
type CostBombCategory = (typeof COST_BOMB_CATEGORIES)[number];

/** `count` global IDs drawn from the context (customers, notices, upgrades), or forged ones without any. */
function someIds(r: Draw, ctx: FuzzContext, count: number): string[] {
  const real = [...ctx.ids.customers, ...ctx.ids.notices, ...ctx.ids.upgrades];
  return Array.from({ length: count }, (_, i) => {
    const index = r.int(1_000_000);
    return real.length > 0 ? real[index % real.length]! : Buffer.from(`Customer:${i}-${index}`).toString('base64');
  });
}

/** A page of notices, each with its upgrade's modules: about 100 fields a notice. */
const NOTICES_PAGE = (size: string) =>
  `notices(first: ${size}) { edges { node { id title stage upgrade { id modules { id name } } } } }`;

const aliases = (count: number, field: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

export const costBombGenerators: Record<CostBombCategory, (r: Draw, ctx: FuzzContext) => HostileRequest> = {
  'cost-bomb-variables': (r, ctx) => {
    const token = someToken(r, ctx);
    const size = r.pick([100, 100, 99, 64]);
    const choices: (() => HostileRequest)[] = [
      () =>
        gql(
          'cost-bomb-variables',
          'nested pages sized by variables',
          `query ($a: Int, $b: Int) { customers(first: $a) { edges { node { ${NOTICES_PAGE('$b')} } } } }`,
          { a: size, b: size },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-variables',
          'page sizes from default values, no variables sent',
          `query ($a: Int = 100, $b: Int = 100) { customers(first: $a) { edges { node { upgrades(last: $b) { edges { node { id title modules { id name } } } } } } } }`,
          undefined,
          { token },
        ),
      () =>
        gql(
          'cost-bomb-variables',
          '30 aliases of one page sized by a variable',
          `query ($n: Int) { customers(first: $n) { edges { node { ${aliases(30, () => NOTICES_PAGE('$n'))} } } } }`,
          { n: size },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-variables',
          'page size as a string, a float, or past 32 bits',
          `query ($n: Int) { customers(first: $n) { edges { node { ${NOTICES_PAGE('$n')} } } } }`,
          { n: r.pick(['100', 100.5, 2 ** 31, -1, 1e300]) },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-variables',
          'large page sizes in undeclared variables',
          `query ($n: Int) { customers(first: $n) { edges { node { ${NOTICES_PAGE('$n')} } } } }`,
          { n: size, ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`first${i}`, 100])) },
          { token },
        ),
    ];
    return r.pick(choices)();
  },
  'cost-bomb-nodes': (r, ctx) => {
    const token = someToken(r, ctx);
    const onCustomer = `... on Customer { ${NOTICES_PAGE('100')} }`;
    const choices: (() => HostileRequest)[] = [
      () =>
        gql(
          'cost-bomb-nodes',
          '30 aliases of nodes(100 IDs), each 100 notices',
          `query ($ids: [ID!]!) { ${aliases(30, () => `nodes(ids: $ids) { id ${onCustomer} }`)} }`,
          { ids: someIds(r, ctx, 100) },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-nodes',
          'nodes with more than 100 IDs in a variable',
          'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          { ids: someIds(r, ctx, r.pick([101, 500, 1_000])) },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-nodes',
          'nodes with more than 100 literal IDs',
          `{ nodes(ids: ${JSON.stringify(someIds(r, ctx, 101))}) { id } }`,
          undefined,
          { token },
        ),
      () =>
        gql(
          'cost-bomb-nodes',
          'nodes(100 IDs) through fragments spreading fragments',
          `query ($ids: [ID!]!) { ${aliases(10, () => 'nodes(ids: $ids) { ...A }')} }
           fragment A on Node { id ...B ...B2 }
           fragment B on Customer { ${NOTICES_PAGE('100')} }
           fragment B2 on Customer { upgrades(first: 100) { edges { node { id modules { id } } } } }`,
          { ids: someIds(r, ctx, 100) },
          { token },
        ),
      () =>
        gql(
          'cost-bomb-nodes',
          'the same ID 100 times, 30 aliases',
          `query ($ids: [ID!]!) { ${aliases(30, () => `nodes(ids: $ids) { id ${onCustomer} }`)} }`,
          { ids: Array(100).fill(someIds(r, ctx, 1)[0]) },
          { token },
        ),
    ];
    return r.pick(choices)();
  },
};
