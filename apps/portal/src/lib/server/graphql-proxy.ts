// The same-origin GraphQL endpoint (/api/graphql) that browser code uses, for queries and for the
// noticePublished server-sent-event stream. The portal's server adds the bearer token from the
// HttpOnly session cookie, so the token never reaches page scripts. Pure: unit-tested from the
// root vitest config.

export const CSRF_HEADER = 'x-upgrade-desk-csrf';
export const PROXY_MAX_BODY_BYTES = 64 * 1024;

export interface ProxyRefusal {
  status: 401 | 403 | 413 | 415;
  message: string;
}

/**
 * Refuses what a cross-site page could send with the user's cookie. A form or a "simple" request
 * cannot carry the custom CSRF header or a JSON content type; a script on another origin that
 * adds them needs a CORS preflight, which this endpoint never grants. The Origin check is a
 * second line for browsers that send one.
 */
export function checkProxyRequest(request: Request, portalOrigin: string): ProxyRefusal | null {
  if (!request.headers.has(CSRF_HEADER)) return { status: 403, message: 'Missing CSRF header' };
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== portalOrigin) return { status: 403, message: 'Cross-origin request refused' };
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(type)) {
    return { status: 415, message: 'Send GraphQL requests as application/json' };
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > PROXY_MAX_BODY_BYTES) return { status: 413, message: 'Request too large' };
  return null;
}

/** Headers of the request to the API: only what GraphQL needs, plus who is asking and from where. */
export function upstreamHeaders(request: Request, token: string, clientAddress: string, requestId: string): Headers {
  const headers = new Headers({
    'content-type': 'application/json',
    accept: request.headers.get('accept') || 'application/graphql-response+json, application/json',
    authorization: `Bearer ${token}`,
    [CSRF_HEADER]: '1',
    // The API rate-limits and logs per client; it believes this header from the portal only.
    'x-forwarded-for': clientAddress,
    // One id for this request in the portal's and the API's logs.
    'x-request-id': requestId,
  });
  return headers;
}

/** Headers of the answer to the browser: the content type, never cached, not buffered by proxies. */
export function downstreamHeaders(upstream: Response): Headers {
  const headers = new Headers({ 'cache-control': 'no-store' });
  const type = upstream.headers.get('content-type');
  if (type) headers.set('content-type', type);
  if (type?.startsWith('text/event-stream')) headers.set('x-accel-buffering', 'no');
  return headers;
}

/** A GraphQL-shaped error answer, so urql in the browser reports it like any other. */
export function proxyErrorResponse(status: number, message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message }] }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
