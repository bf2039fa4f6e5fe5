// Page loads and form actions call the API through these: a failed call becomes a redirect to
// /login, an error page in words, or a form message, never a stack trace.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AnyVariables, CombinedError, TypedDocumentNode } from '@urql/core';
import type { MessageKey } from '../i18n/messages';
import { classifyApiError, failureMessage, failureStatus } from './api-errors';
import { graphqlClient } from './graphql';
import { loginUrl } from './redirect-target';

export type ApiEvent = Pick<RequestEvent, 'fetch' | 'cookies' | 'getClientAddress' | 'url' | 'locals'>;

function logFailure(event: ApiEvent, operation: string, failure: string, cause: CombinedError): void {
  console.warn(`portal: ${operation} on ${event.url.pathname} failed (${failure}): ${cause.message}`);
}

/** Runs a query for a page's load; anything but data ends the load (redirect or error page). */
export async function loadQuery<Data, Variables extends AnyVariables>(
  event: ApiEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await graphqlClient(event).query(document, variables).toPromise();
  if (result.error) {
    const failure = classifyApiError(result.error);
    if (failure === 'unauthenticated') redirect(303, loginUrl(event.url));
    logFailure(event, 'query', failure, result.error);
    error(failureStatus(failure), failure);
  }
  if (!result.data) error(503, 'unavailable');
  return result.data;
}

export type MutationOutcome<Data> = { ok: true; data: Data } | { ok: false; message: MessageKey };

/** Runs a query or mutation for a form action: a failure is the sentence the form shows, not an error page. */
function actionRunner(operation: 'query' | 'mutation') {
  return async <Data, Variables extends AnyVariables>(
    event: ApiEvent,
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<MutationOutcome<Data>> => {
    const client = graphqlClient(event);
    const source = operation === 'query' ? client.query(document, variables) : client.mutation(document, variables);
    return actionOutcome(event, operation, await source.toPromise());
  };
}

/** Runs a mutation for a form action; a failure comes back as the sentence the form shows. */
export const runMutation = actionRunner('mutation');

/** Runs a query for a form action (e.g. a preview): a failure is a form message, not an error page. */
export const runActionQuery = actionRunner('query');

function actionOutcome<Data>(
  event: ApiEvent,
  operation: 'query' | 'mutation',
  result: { data?: Data; error?: CombinedError },
): MutationOutcome<Data> {
  if (result.error) {
    const failure = classifyApiError(result.error);
    if (failure === 'unauthenticated') redirect(303, loginUrl(event.url));
    logFailure(event, operation, failure, result.error);
    return { ok: false, message: failureMessage(failure) };
  }
  if (!result.data) return { ok: false, message: 'form.error.unavailable' };
  return { ok: true, data: result.data };
}
