import { describe, expect, it } from 'vitest';
import { CUSTOMER_USER as viewer } from '../../../tests/fake-event';
import { classifyViewerResult } from './viewer';

describe('classifyViewerResult', () => {
  it('signs in when the API returns a viewer', () => {
    expect(classifyViewerResult({ data: { viewer } })).toEqual({ kind: 'signed-in', viewer });
  });

  it('rejects the session when the API answers viewer: null', () => {
    expect(classifyViewerResult({ data: { viewer: null } })).toEqual({ kind: 'rejected' });
  });

  it('rejects the session on HTTP 401 or an UNAUTHENTICATED error', () => {
    expect(classifyViewerResult({ error: { graphQLErrors: [], response: { status: 401 } } }).kind).toBe('rejected');
    expect(
      classifyViewerResult({
        error: { graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }], response: { status: 200 } },
      }).kind,
    ).toBe('rejected');
  });

  it('keeps the session when the API is down or fails', () => {
    expect(classifyViewerResult({ error: { graphQLErrors: [], response: null } }).kind).toBe('unavailable');
    expect(classifyViewerResult({ error: { graphQLErrors: [], response: { status: 502 } } }).kind).toBe('unavailable');
    expect(
      classifyViewerResult({ error: { graphQLErrors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } }).kind,
    ).toBe('unavailable');
  });
});
