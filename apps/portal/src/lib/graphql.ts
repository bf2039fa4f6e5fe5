// GraphQL documents typed from the API's committed schema (apps/api/schema.graphql): gql.tada
// infers each document's result and variables in the type system, so a schema change that breaks
// a query fails `pnpm typecheck`. The introspection types are generated into graphql-env.d.ts by
// the typecheck script (`gql-tada generate output`); at run time `graphql()` only parses the text.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Both travel as ISO 8601 strings.
  scalars: { DateTime: string; Date: string };
  // Fragments are shared field lists here, not component data boundaries: spread them plainly.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
