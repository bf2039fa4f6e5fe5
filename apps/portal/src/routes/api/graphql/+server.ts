import { config } from '$lib/server/config';
import {
  checkProxyRequest,
  downstreamHeaders,
  PROXY_MAX_BODY_BYTES,
  proxyErrorResponse,
  upstreamHeaders,
} from '$lib/server/graphql-proxy';
import { getSessionToken } from '$lib/server/session';
import type { RequestHandler } from './$types';

// Browser-side GraphQL, including the noticePublished event stream, relayed to the API with the
// session's bearer token (see graphql-proxy.ts). The answer is streamed through as it comes.
export const POST: RequestHandler = async (event) => {
  const refusal = checkProxyRequest(event.request, event.url.origin);
  if (refusal) return proxyErrorResponse(refusal.status, refusal.message);

  const token = getSessionToken(event);
  if (!token) return proxyErrorResponse(401, 'Not logged in');

  const body = await event.request.text();
  if (new TextEncoder().encode(body).byteLength > PROXY_MAX_BODY_BYTES) {
    return proxyErrorResponse(413, 'Request too large');
  }

  let upstream: Response;
  try {
    upstream = await fetch(config.apiUrl, {
      method: 'POST',
      headers: upstreamHeaders(event.request, token, event.getClientAddress(), event.locals.requestId),
      body,
      // The browser leaving (closing the stream) ends the request to the API too.
      signal: event.request.signal,
    });
  } catch (cause) {
    console.warn(`portal: /api/graphql could not reach the API: ${String(cause)}`);
    return proxyErrorResponse(502, 'The service cannot be reached');
  }
  return new Response(upstream.body, { status: upstream.status, headers: downstreamHeaders(upstream) });
};
