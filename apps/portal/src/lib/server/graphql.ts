// One urql client per request, talking to apps/api from the portal's server.
import type { RequestEvent } from '@sveltejs/kit';
import { Client, fetchExchange } from '@urql/core';
import { config } from './config';
import { getSessionToken } from './session';

type GraphqlEvent = Pick<RequestEvent, 'fetch' | 'cookies' | 'getClientAddress' | 'locals'>;

export function graphqlClient(event: GraphqlEvent): Client {
  return new Client({
    url: config.apiUrl,
    fetch: event.fetch,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    // POST with a JSON body: passes the API's CSRF prevention, and keeps tokens
    // and variables out of URLs and access logs.
    preferGetMethod: false,
    // A function, so a cookie cleared during this request stops being sent.
    fetchOptions: () => {
      const token = getSessionToken(event);
      const headers: Record<string, string> = {
        // The API's CSRF prevention accepts this header on any method (JSON POSTs pass anyway).
        'x-upgrade-desk-csrf': '1',
        // The API rate-limits logins per IP and believes this header only from its
        // TRUSTED_PROXIES; without it every user would share the portal's address.
        'x-forwarded-for': event.getClientAddress(),
        'x-request-id': event.locals.requestId,
      };
      if (token) headers.authorization = `Bearer ${token}`;
      // `omit`: SvelteKit's fetch would otherwise forward the browser's cookies
      // (ud_session included) to an API on the same host; the bearer token is the only credential.
      return { headers, credentials: 'omit' };
    },
  });
}
