import { describe, expect, it } from 'vitest';
import type { Viewer } from '../api-types';
import { classifyViewerResult } from './viewer';

const viewer: Viewer = {
  id: 'VXNlcjox',
  name: 'Nguyễn Văn An',
  email: 'user@hanoi-water.example',
  role: 'CUSTOMER_USER',
  locale: 'VI',
  unreadStaffAlertCount: null,
  customer: {
    id: 'Q3VzdG9tZXI6MQ==',
    code: 'HANOI-WATER',
    name: 'Nước sạch Hà Nội',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'VI',
    unacknowledgedNoticeCount: 2,
  },
};

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
