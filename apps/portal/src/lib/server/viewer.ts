// Who is signed in: the session hook asks the API on every request.
import type { Client } from '@urql/core';
import type { Viewer } from '../api-types';
import { ViewerFields } from '../fragments';
import { graphql } from '../graphql';

export const ViewerQuery = graphql(
  `
    query Viewer {
      viewer {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export type ViewerLookup =
  | { kind: 'signed-in'; viewer: Viewer }
  /** The API does not accept the token (unknown, expired or revoked): drop the cookie. */
  | { kind: 'rejected' }
  /** The API could not answer: keep the cookie, the session may still be good. */
  | { kind: 'unavailable' };

/** The parts of urql's OperationResult that decide the outcome. */
export interface ViewerResult {
  data?: { viewer: Viewer | null } | null;
  error?: {
    graphQLErrors: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
    response?: { status?: number } | null;
  };
}

const REJECTION_CODES = new Set(['UNAUTHENTICATED', 'INVALID_TOKEN', 'SESSION_EXPIRED']);

export function classifyViewerResult(result: ViewerResult): ViewerLookup {
  if (result.error) {
    const status = result.error.response?.status;
    const rejected =
      status === 401 || result.error.graphQLErrors.some((e) => REJECTION_CODES.has(String(e.extensions?.code)));
    return rejected ? { kind: 'rejected' } : { kind: 'unavailable' };
  }
  const viewer = result.data?.viewer;
  return viewer ? { kind: 'signed-in', viewer } : { kind: 'rejected' };
}

export async function lookUpViewer(client: Client): Promise<ViewerLookup> {
  const result = await client.query(ViewerQuery, {}).toPromise();
  return classifyViewerResult(result);
}
