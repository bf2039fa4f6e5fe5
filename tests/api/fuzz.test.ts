// 500 of `pnpm fuzz`'s malformed and hostile requests over real HTTP: none may get a 5xx, a masked
// internal error or no answer, and the server must still answer afterwards. Then one regression test
// for each 5xx (or internal error) the fuzzing found.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  hostileRequest,
  hostileRequests,
  loadFuzzContext,
  runHostileRequests,
  sendHostile,
  stillAnswers,
  type HostileRequest,
} from '../../scripts/lib/hostile-requests.ts';
import { startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
let origin: string;
beforeAll(async () => {
  // The per-token rate limiter is not what this tests (its 429s are fine, but would hide the rest).
  api = await startTestApi({ listen: true, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  origin = api.origin!;
});
afterAll(() => api.close());

const JSON_HEADERS = { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1' };
const raw = (text: string): HostileRequest => ({
  category: 'raw-http',
  variant: 'regression',
  method: 'RAW',
  path: '',
  headers: {},
  raw: Buffer.from(text, 'latin1'),
});
const post = (body: unknown): HostileRequest => ({
  category: 'hostile-mutations',
  variant: 'regression',
  method: 'POST',
  path: '/graphql',
  headers: JSON_HEADERS,
  body: JSON.stringify(body),
});

describe('fuzzing', () => {
  it('answers 500 hostile requests without a 5xx, an internal error or a hang, and keeps answering', async () => {
    const context = await loadFuzzContext(origin);
    expect(Object.values(context.tokens).every(Boolean)).toBe(true);
    const report = await runHostileRequests(origin, hostileRequests(500, 7, context), { checkEvery: 250 });
    expect(report.sent).toBe(500);
    expect(Object.keys(report.byCategory).sort()).toEqual([...CATEGORIES].sort());
    expect(report.failures).toEqual([]);
    expect(Object.keys(report.byStatus).every((status) => Number(status) >= 200 && Number(status) < 500)).toBe(true);
    expect(await stillAnswers(origin)).toBe(true);
  }, 180_000);

  it('generates the same requests from the same seed', () => {
    const describe = (seed: number) =>
      [...hostileRequests(40, seed)].map((r) => `${r.method} ${r.path} ${String(r.body ?? r.raw ?? '').slice(0, 200)}`);
    expect(describe(3)).toEqual(describe(3));
    expect(describe(3)).not.toEqual(describe(4));
  });

  it('shrinks a failing request to the smallest of its kind that still fails', () => {
    const tooLong = (req: HostileRequest) => String(req.body ?? '').length >= 50;
    const result = fc.check(
      fc.property(hostileRequest('truncated-json'), (req) => !tooLong(req)),
      { seed: 7 },
    );
    expect(result.failed).toBe(true);
    const [smallest] = result.counterexample!;
    expect(smallest.category).toBe('truncated-json');
    expect(String(smallest.body).length).toBe(50);
  });
});

describe('regressions found by fuzzing', () => {
  it('answers a request target no URL can be built from with 400, not 500', async () => {
    for (const text of [
      'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET http://elsewhere.example/graphql HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: a b\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: [::1\r\n\r\n',
    ]) {
      const outcome = await sendHostile(origin, raw(text));
      expect({ text, status: outcome.status }).toEqual({ text, status: 400 });
    }
    expect(await stillAnswers(origin)).toBe(true);
  });

  it('refuses NUL characters in text with BAD_USER_INPUT (PostgreSQL cannot store them)', async () => {
    const login = await api.gql(
      'mutation ($e: String!) { sessionCreate(input: { email: $e, password: "x" }) { token } }',
      { e: 'admin@vendor.example\u0000' },
    );
    expect(login.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const search = await api.gql(
      '{ customers(first: 1, search: "a\\u0000b") { totalCount } }',
      {},
      {
        token: await api.login('admin@vendor.example'),
      },
    );
    expect(search.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a document nested too deeply for the parser with a 400, not an internal error', async () => {
    const depth = 20_000;
    const outcome = await sendHostile(
      origin,
      post({ query: `{ nodes(ids: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }` }),
    );
    expect(outcome.internalError).toBe(false);
    expect(outcome.status).toBe(400);
    expect(JSON.parse(outcome.body).errors[0].extensions.code).toMatch(/^QUERY_TOO_(COMPLEX|LARGE)$/);
  });

  it('answers malformed JSON in GET parameters with a 400, not an internal error', async () => {
    for (const accept of ['application/json', 'text/event-stream']) {
      const outcome = await sendHostile(origin, {
        category: 'get-requests',
        variant: 'regression',
        method: 'GET',
        path: '/graphql?query=%7B__typename%7D&variables=%7Bbad',
        headers: { accept, 'x-upgrade-desk-csrf': '1' },
      });
      expect(outcome.internalError).toBe(false);
      expect(outcome.status).toBe(400);
      expect(outcome.body).toContain('BAD_REQUEST');
    }
  });
});
