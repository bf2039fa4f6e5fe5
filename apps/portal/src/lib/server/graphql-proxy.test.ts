import { describe, expect, it } from 'vitest';
import {
  checkProxyRequest,
  downstreamHeaders,
  PROXY_MAX_BODY_BYTES,
  proxyErrorResponse,
  upstreamHeaders,
} from './graphql-proxy';

const ORIGIN = 'https://portal.example';

function request(headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}/api/graphql`, { method: 'POST', headers, body: '{}' });
}

const good = { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1', origin: ORIGIN };

describe('checkProxyRequest', () => {
  it('accepts a same-origin JSON request with the CSRF header', () => {
    expect(checkProxyRequest(request(good), ORIGIN)).toBeNull();
    const { origin: _origin, ...withoutOrigin } = good;
    expect(checkProxyRequest(request(withoutOrigin), ORIGIN)).toBeNull();
  });

  it('refuses what a cross-site page can send', () => {
    const { 'x-upgrade-desk-csrf': _csrf, ...noHeader } = good;
    expect(checkProxyRequest(request(noHeader), ORIGIN)?.status).toBe(403);
    expect(checkProxyRequest(request({ ...good, origin: 'https://evil.example' }), ORIGIN)?.status).toBe(403);
    expect(checkProxyRequest(request({ ...good, 'content-type': 'text/plain' }), ORIGIN)?.status).toBe(415);
    expect(
      checkProxyRequest(request({ ...good, 'content-type': 'application/x-www-form-urlencoded' }), ORIGIN)?.status,
    ).toBe(415);
  });

  it('refuses bodies over the limit', () => {
    const big = request({ ...good, 'content-length': String(PROXY_MAX_BODY_BYTES + 1) });
    expect(checkProxyRequest(big, ORIGIN)?.status).toBe(413);
  });
});

describe('upstreamHeaders', () => {
  it('adds the bearer token, the CSRF header, the client address and the request id, and drops cookies', () => {
    const incoming = request({ ...good, cookie: 'ud_session=secret', accept: 'text/event-stream, multipart/mixed' });
    const headers = upstreamHeaders(incoming, 'tok', '203.0.113.9', 'req-0a1b2c3d');
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get('x-upgrade-desk-csrf')).toBe('1');
    expect(headers.get('x-forwarded-for')).toBe('203.0.113.9');
    expect(headers.get('x-request-id')).toBe('req-0a1b2c3d');
    expect(headers.get('accept')).toBe('text/event-stream, multipart/mixed');
    expect(headers.get('cookie')).toBeNull();
  });
});

describe('downstreamHeaders', () => {
  it('passes the content type only, never cached, and unbuffered for event streams', () => {
    const sse = downstreamHeaders(
      new Response('', { headers: { 'content-type': 'text/event-stream', 'set-cookie': 'x=1', server: 'yoga' } }),
    );
    expect(Object.fromEntries(sse)).toEqual({
      'cache-control': 'no-store',
      'content-type': 'text/event-stream',
      'x-accel-buffering': 'no',
    });
  });

  it('words errors as GraphQL errors', async () => {
    const response = proxyErrorResponse(401, 'Not logged in');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: 'Not logged in' }] });
  });
});
