// Runs the API in-process (yoga.fetch, no port) over a fresh, seeded test database per test file;
// or, with `listen`, on an ephemeral port over real HTTP (for server-sent events).
import { createApi, loadConfig, startApiServer } from '../../apps/api/src/index.ts';
import { createNoticeEvents, type NoticeEvents } from '../../apps/api/src/notices/events.ts';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import type { Database } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedDemo } from '../../prisma/seed/index.ts';

export { DEMO_PASSWORD };
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
  /** The live notice events the API's subscriptions listen to. */
  events: NoticeEvents;
  /** With `listen`: the server's origin, e.g. http://127.0.0.1:41234. */
  origin?: string;
  close(): Promise<void>;
}

export interface TestApiOptions {
  seed?: boolean;
  /** Serve over HTTP on an ephemeral port (startApiServer) instead of in-process yoga.fetch. */
  listen?: boolean;
  /** Share a database with another TestApi (it is not closed by this one); default: a fresh one. */
  db?: Database;
  /** Default: the API's own (in-process) events. */
  events?: NoticeEvents;
  /** Configuration on top of NODE_ENV=test, e.g. { RATE_LIMIT_PER_MINUTE: '5' }. */
  env?: Record<string, string>;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const ownsDb = !options.db;
  const db = options.db ?? (await createTestDatabase());
  if (ownsDb && options.seed !== false) await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const events = options.events ?? createNoticeEvents(config);
  const deps = { prisma: db.prisma, config, now: () => new Date(NOW), events };

  let fetchApi: (path: string, init?: RequestInit) => Promise<Response>;
  let origin: string | undefined;
  let stop: () => Promise<void>;
  if (options.listen) {
    const running = await startApiServer(deps, 0, '127.0.0.1');
    origin = new URL(running.url).origin;
    fetchApi = (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init);
    stop = running.close;
  } else {
    const yoga = createApi(deps);
    fetchApi = (path: string, init?: RequestInit) => Promise.resolve(yoga.fetch(`http://api.test${path}`, init ?? {}));
    stop = async () => {
      await yoga.dispose();
    };
  }

  const gql: TestApi['gql'] = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    { token, headers }: { token?: string | null; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetchApi('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };

  let closing: Promise<void> | undefined;
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

  return {
    db,
    gql,
    fetch: fetchApi,
    login,
    events,
    origin,
    close: () =>
      (closing ??= (async () => {
        await stop();
        if (!options.events) await events.close();
        if (ownsDb) await db.close();
      })()),
  };
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
