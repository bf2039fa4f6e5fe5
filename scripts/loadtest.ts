// `pnpm loadtest`: the API under 50 concurrent clients on PostgreSQL with the large data set. Prints
// figures (req/s, latency per operation and overall, errors) and exits 1 on any error: a non-2xx
// answer, an answer with `errors`, a timeout or a connection error.
// - LOADTEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/upgrade_desk_large): created,
//   migrated and seeded with seedLarge (1,000 customers, 100,000 notices) unless it already holds it;
// - LOADTEST_SECONDS (default 60): how long to drive the load.
// Other settings pass through to the API, e.g. RESPONSE_CACHE_TTL_MS=0 to measure without the cache.
// The API runs as a child process (scripts/lib/serve-api.ts, NODE_ENV=production, NOTICE_WORKER=off,
// RATE_LIMIT_PER_MINUTE=0) so that it and autocannon each have a core. Half the connections run the
// customer DASHBOARD, each with its own user's session; half list notices the way a partner tool
// does (PARTNER_NOTICES, first 50), each with an API token minted by its own customer admin.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { CSRF_HEADER } from '../apps/api/src/index.ts';
import { createDatabase, migrateDeploy, redactDatabaseUrl, type PrismaClient } from '@upgrade-desk/db';
import { isDatabaseEmpty, resetDatabase } from '../prisma/seed/index.ts';
import { seedLarge } from '../prisma/seed/seed-large.ts';
import { DASHBOARD, DASHBOARD_VARIABLES, PARTNER_NOTICES } from './lib/operations.ts';

const DATABASE_URL = process.env.LOADTEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/upgrade_desk_large';
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60);
const PASSWORD = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD;
const CUSTOMERS = 1000;
const NOTICES = 100_000;
/** Connections per operation: 25 dashboards + 25 partner listings = 50. */
const PER_OPERATION = 25;
if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error('LOADTEST_SECONDS must be a positive number.');

/** Whether the database already holds the large data set (the last large user is the seed's last write but one). */
async function holdsLargeSeed(prisma: PrismaClient): Promise<boolean> {
  const [customers, notices, lastUser] = await Promise.all([
    prisma.customer.count(),
    prisma.notice.count(),
    prisma.user.findUnique({ where: { email: `admin${PER_OPERATION * 2}@kh-${PER_OPERATION * 2}.example` } }),
  ]);
  return customers >= CUSTOMERS && notices >= NOTICES && lastUser !== null;
}

async function prepareDatabase(): Promise<void> {
  console.log(`Database: ${redactDatabaseUrl(DATABASE_URL)}`);
  await migrateDeploy(DATABASE_URL);
  const db = await createDatabase(DATABASE_URL);
  try {
    if (await holdsLargeSeed(db.prisma)) return;
    console.log(`Seeding the large data set (${CUSTOMERS} customers, ${NOTICES} notices)…`);
    const started = performance.now();
    if (!(await isDatabaseEmpty(db.prisma))) await resetDatabase(db.prisma);
    await seedLarge(db.prisma, {
      password: PASSWORD,
      now: new Date(),
      customers: CUSTOMERS,
      notices: NOTICES,
      log: (m) => console.log(`  ${m}`),
    });
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

/** Starts scripts/lib/serve-api.ts and resolves with its GraphQL URL once it listens. */
function startApiProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./lib/serve-api.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL,
        NODE_ENV: 'production',
        NOTICE_WORKER: 'off',
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ url: line.slice('READY '.length), child });
      else console.log(`[api] ${line}`);
    });
    child.once('exit', (code) => reject(new Error(`The API process exited (code ${code}) before it was ready.`)));
  });
}

const HEADERS = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body.data;
}

async function login(url: string, email: string): Promise<string> {
  const data = await gql<{ sessionCreate: { token: string | null; userErrors: unknown[] } }>(
    url,
    'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code message } } }',
    { input: { email, password: PASSWORD } },
  );
  if (!data.sessionCreate.token) throw new Error(`login ${email}: ${JSON.stringify(data.sessionCreate.userErrors)}`);
  return data.sessionCreate.token;
}

async function mintApiToken(url: string, session: string): Promise<string> {
  const data = await gql<{ apiTokenCreate: { token: string | null; userErrors: unknown[] } }>(
    url,
    'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { code message } } }',
    { input: { name: `loadtest ${new Date().toISOString()}`, scopes: ['READ'] } },
    session,
  );
  if (!data.apiTokenCreate.token) throw new Error(`apiTokenCreate: ${JSON.stringify(data.apiTokenCreate.userErrors)}`);
  return data.apiTokenCreate.token;
}

/** A GraphQL answer counts as good only when it has data and no `errors`. */
function isGoodBody(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data != null;
  } catch {
    return false;
  }
}

interface OperationRun {
  name: string;
  result: autocannon.Result;
  /** Every response time, in ms (2xx or not). */
  latencies: number[];
  /** 2xx answers whose body failed isGoodBody. */
  badBodies: number;
  firstProblem?: string;
}

/** Drives one operation over PER_OPERATION connections, connection i carrying credentials[i]. */
function drive(url: string, name: string, body: string, credentials: readonly string[]): Promise<OperationRun> {
  const run: Omit<OperationRun, 'result'> = { name, latencies: [], badBodies: 0 };
  let nextClient = 0;
  // autocannon emits 'response' and then, synchronously, calls verifyBody for the same answer.
  let lastStatus = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: credentials.length,
        duration: SECONDS,
        timeout: 10,
        headers: HEADERS,
        body,
        setupClient: (client) => {
          const token = credentials[nextClient++ % credentials.length]!;
          client.setHeaders({ ...HEADERS, authorization: `Bearer ${token}` });
        },
        verifyBody: (responseBody) => {
          const good = isGoodBody(String(responseBody));
          // A non-2xx answer is counted as such already.
          if (!good && lastStatus >= 200 && lastStatus <= 299) {
            run.badBodies++;
            run.firstProblem ??= `bad answer: ${String(responseBody).slice(0, 300)}`;
          }
          return good;
        },
      },
      (error, result) => (error ? reject(error) : resolve({ ...run, result })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      run.latencies.push(responseTime);
      lastStatus = statusCode;
      if (statusCode < 200 || statusCode > 299) run.firstProblem ??= `HTTP ${statusCode}`;
    });
    instance.on('reqError', (error: unknown) => {
      run.firstProblem ??= `request error: ${String(error)}`;
    });
  });
}

/** The p-th percentile (nearest rank) of values sorted ascending. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function errorCount(run: Pick<OperationRun, 'result' | 'badBodies'>): number {
  // Each failed request once: non-2xx, connection errors (timeouts included), 2xx answers with a bad body.
  return run.result.non2xx + run.result.errors + run.badBodies;
}

function report(label: string, latencies: number[], requests: number, seconds: number, errors: number): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(sorted, p).toFixed(0)} ms`.padStart(7);
  return `${label.padEnd(16)} ${String(requests).padStart(7)} req  ${(requests / seconds).toFixed(1).padStart(7)} req/s  p50 ${ms(50)}  p90 ${ms(90)}  p99 ${ms(99)}  errors ${errors}`;
}

async function main(): Promise<number> {
  await prepareDatabase();
  const { url, child } = await startApiProcess();
  try {
    console.log(`API: ${url} (child process ${child.pid})`);
    // 25 customer users for the dashboard, 25 other customers' admins for partner tokens: 50 users.
    const dashboardUsers = Array.from({ length: PER_OPERATION }, (_, i) => `user${i + 1}@kh-${i + 1}.example`);
    const partnerAdmins = Array.from(
      { length: PER_OPERATION },
      (_, i) => `admin${PER_OPERATION + i + 1}@kh-${PER_OPERATION + i + 1}.example`,
    );
    const sessions = await Promise.all(dashboardUsers.map((email) => login(url, email)));
    const apiTokens = await Promise.all(partnerAdmins.map(async (email) => mintApiToken(url, await login(url, email))));
    const cache = process.env.RESPONSE_CACHE_TTL_MS ?? 'default';
    console.log(
      `Logged in ${sessions.length + apiTokens.length} users; driving 50 connections for ${SECONDS} s (RESPONSE_CACHE_TTL_MS=${cache})…`,
    );

    const runs = await Promise.all([
      drive(url, 'DASHBOARD', JSON.stringify({ query: DASHBOARD, variables: DASHBOARD_VARIABLES }), sessions),
      drive(url, 'PARTNER_NOTICES', JSON.stringify({ query: PARTNER_NOTICES, variables: { first: 50 } }), apiTokens),
    ]);

    const seconds = Math.max(...runs.map((r) => r.result.duration));
    console.log('');
    let totalErrors = 0;
    for (const run of runs) {
      const errors = errorCount(run);
      totalErrors += errors;
      console.log(report(run.name, run.latencies, run.latencies.length, run.result.duration, errors));
      if (errors > 0) {
        console.log(
          `  non-2xx ${run.result.non2xx}, timeouts ${run.result.timeouts}, connection errors ${run.result.errors - run.result.timeouts}, answers with errors ${run.badBodies}; first: ${run.firstProblem}`,
        );
      }
    }
    const all = runs.flatMap((r) => r.latencies);
    console.log(report('overall', all, all.length, seconds, totalErrors));
    return totalErrors === 0 ? 0 : 1;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

process.exitCode = await main();
