// Runs the API in-process (yoga.fetch, no port) over a fresh, seeded test database per test file.
import { createApi, loadConfig } from '../../apps/api/src/index.ts';
import type { Database } from '../../packages/db/src/index.ts';
import { createTestDatabase } from '../../packages/db/src/testing.ts';
import { seedDemo } from '../../prisma/seed/index.ts';

export const DEMO_PASSWORD = 'demo-password-2026';
/** Every test runs at this instant, so the seeded "upcoming" and "past" stay put. */
export const NOW = new Date('2026-12-01T03:00:00Z');

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestApi {
  db: Database;
  gql<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(options: { seed?: boolean } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  if (options.seed !== false) await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  const config = loadConfig({ NODE_ENV: 'test' });
  const yoga = createApi({ prisma: db.prisma, config, now: () => new Date(NOW) });

  const fetchApi = (path: string, init?: RequestInit) => Promise.resolve(yoga.fetch(`http://api.test${path}`, init));

  const gql: TestApi['gql'] = async (query, variables, { token, headers } = {}) => {
    const response = await fetchApi('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };

  const tokens = new Map<string, string>();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const cached = tokens.get(email);
    if (cached && password === DEMO_PASSWORD) return cached;
    const result = await gql<{ sessionCreate: { token: string | null; userErrors: { code: string }[] } }>(
      'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code message } } }',
      { input: { email, password } },
      // Each login comes from its own address, so the suite's many logins do not trip the per-IP throttle.
      { headers: { 'x-forwarded-for': `10.0.${tokens.size}.1` } },
    );
    const token = result.data?.sessionCreate.token;
    if (!token) throw new Error(`login ${email} failed: ${JSON.stringify(result)}`);
    tokens.set(email, token);
    return token;
  };

  return { db, gql, fetch: fetchApi, login, close: () => db.close() };
}

export const ACCOUNTS = {
  admin: 'admin@vendor.example',
  engineer: 'engineer@vendor.example',
  care: 'care@vendor.example',
  impl: 'impl@vendor.example',
  hanoiAdmin: 'admin@hanoi-water.example',
  hanoiUser: 'user@hanoi-water.example',
  saigonAdmin: 'admin@saigon-garment.example',
  saigonUser: 'user@saigon-garment.example',
} as const;
