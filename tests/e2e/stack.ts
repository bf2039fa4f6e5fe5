// One test file's whole product: a fresh seeded database, the API over HTTP with the notice worker
// (publishing every half second), and the built portal (`node apps/portal/build`), on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, startApiServer } from '../../apps/api/src/index.ts';
import { startNoticeWorkerFromConfig, type NoticeWorker } from '../../apps/api/src/notices/worker.ts';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedDemo } from '../../prisma/seed/index.ts';
import { PORTAL_DIR } from './paths.ts';

export { DEMO_PASSWORD };

export const ACCOUNTS = {
  engineer: 'engineer@vendor.example',
  hanoiAdmin: 'admin@hanoi-water.example',
  hanoiUser: 'user@hanoi-water.example',
  saigonAdmin: 'admin@saigon-garment.example',
  saigonUser: 'user@saigon-garment.example',
} as const;

export interface Stack {
  /** The portal's origin, e.g. http://localhost:41234 (localhost: the session cookie is not Secure there). */
  portal: string;
  /** The API's GraphQL endpoint. */
  apiUrl: string;
  /** Where the API's emails land as .eml files. */
  outbox: string;
  /** A GraphQL call straight to the API, as `email` (for setting up and for checking what the portal did). */
  gql<T>(email: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startPortal(port: number, apiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(PORTAL_DIR, 'build/index.js')], {
    cwd: PORTAL_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: `http://localhost:${port}`,
      API_URL: apiUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Server-side problems show in the test output.
      process.stderr.write(`[portal] ${chunk.toString()}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the portal exited (${code}):\n${output}`));
    });
  });
}

/** `env`: API settings on top of the stack's own (e.g. RATE_LIMIT_PER_MINUTE). */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  const outbox = mkdtempSync(path.join(tmpdir(), 'ud-e2e-outbox-'));
  const db = await createTestDatabase();
  await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: new Date() });
  const config = loadConfig({
    NODE_ENV: 'test',
    DISPATCH_INTERVAL_MS: '500',
    OUTBOX_DIR: outbox,
    // As deployed: the browser tests see what the response cache serves.
    RESPONSE_CACHE_TTL_MS: '10000',
    ...options.env,
  });

  const workerRef: { current?: NoticeWorker } = {};
  const api = await startApiServer(
    { prisma: db.prisma, config, onNoticesChanged: () => workerRef.current?.wake() },
    0,
    '127.0.0.1',
  );
  const worker = startNoticeWorkerFromConfig(config, { prisma: db.prisma, events: api.events });
  workerRef.current = worker;
  const portalPort = await freePort();
  const portal = await startPortal(portalPort, api.url);

  const tokens = new Map<string, string>();
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-upgrade-desk-csrf': '1',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  };
  const login = async (email: string) => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const result = (await post({
      query: 'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token } }',
      variables: { input: { email, password: DEMO_PASSWORD } },
    })) as { data?: { sessionCreate: { token: string | null } } };
    const token = result.data?.sessionCreate.token;
    if (!token) throw new Error(`e2e: ${email} cannot log in to the API`);
    tokens.set(email, token);
    return token;
  };

  return {
    portal: `http://localhost:${portalPort}`,
    apiUrl: api.url,
    outbox,
    gql: async <T>(email: string, query: string, variables?: Record<string, unknown>) => {
      const result = await post({ query, variables }, await login(email));
      if (result.errors?.length || !result.data) throw new Error(`e2e: GraphQL failed: ${JSON.stringify(result)}`);
      return result.data as T;
    },
    close: async () => {
      const exited = new Promise((resolve) => portal.once('exit', resolve));
      portal.kill('SIGTERM');
      await exited;
      await worker.stop();
      await api.close();
      await db.close();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}
