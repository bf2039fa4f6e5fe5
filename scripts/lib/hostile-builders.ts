// The request builders the fuzzer's generators share (hostile-requests.ts and the categories kept
// in files of their own: cost-bombs.ts, ssrf-attacks.ts): a POST to /graphql with JSON, the CSRF
// header and, when given, a bearer token.
import { CSRF_HEADER } from '../../apps/api/src/index.ts';
import type { Category, Draw, FuzzContext, HostileRequest } from './hostile-requests.ts';

export const JSON_HEADERS = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };

export function withAuth(headers: Record<string, string>, token: string | undefined): Record<string, string> {
  return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
}

export function post(
  category: Category,
  variant: string,
  body: string | Uint8Array,
  options: { token?: string; headers?: Record<string, string> } = {},
): HostileRequest {
  return {
    category,
    variant,
    method: 'POST',
    path: '/graphql',
    headers: withAuth({ ...JSON_HEADERS, ...options.headers }, options.token),
    body,
  };
}

/** A GraphQL request; `variables` and `operationName` are left out of the body when undefined. */
export function gql(
  category: Category,
  variant: string,
  query: unknown,
  variables?: unknown,
  options: { token?: string; operationName?: unknown } = {},
): HostileRequest {
  const payload: Record<string, unknown> = { query };
  if (variables !== undefined) payload.variables = variables;
  if (options.operationName !== undefined) payload.operationName = options.operationName;
  return post(category, variant, JSON.stringify(payload), options);
}

/** Any of the context's tokens, or none. */
export function someToken(r: Draw, ctx: FuzzContext): string | undefined {
  return r.pick([ctx.tokens.staff, ctx.tokens.customerAdmin, ctx.tokens.customerUser, undefined]);
}
