// The GraphQL over HTTP spec's conformance audits (graphql-http's serverAudits) against the API
// served over real HTTP: every audit passes, MUST and SHOULD as the spec asks, and the MAY ones too.
// The audits are sent as vendor staff: one of them (28B9) queries `__type`, and introspection is
// kept to staff by design (yoga.ts); everything else is the same for every caller.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../apps/api/src/yoga.ts';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi({ listen: true });
  staffToken = await api.login(ACCOUNTS.engineer);
});
afterAll(() => api.close());

/** The audits' requests, with the CSRF prevention's header (GETs need it) and a staff credential. */
const fetchWithCsrfHeader: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set(CSRF_HEADER, '1');
  headers.set('authorization', `Bearer ${staffToken}`);
  return fetch(input, { ...init, headers });
};

const audits = serverAudits({ url: () => `${api.origin}/graphql`, fetchFn: fetchWithCsrfHeader });

describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('has the MUST and SHOULD audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST ')).length).toBeGreaterThanOrEqual(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD ')).length).toBeGreaterThanOrEqual(20);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const reason = result.status === 'ok' ? '' : `${result.reason} (HTTP ${result.response.status})`;
      expect({ status: result.status, reason }).toEqual({ status: 'ok', reason: '' });
    });
  }
});
