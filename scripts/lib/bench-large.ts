// `pnpm bench`, large data (issue 6, section 5): on PostgreSQL, the large seed at 1x (1,000
// customers, 100,000 notices) and 10x (10,000 / 1,000,000), each in a database of its own that is
// seeded once and reused. Prints, each with its target and PASS/MISS: (a) dashboard vs
// `{ __typename }` throughput, (b) SQL statements per operation at page sizes 10 and 100, (c) p50
// latency at 1x and 10x, (d) the portal dashboard's JavaScript, gzipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { createApi, loadConfig, startApiServer } from '../../apps/api/src/index.ts';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { createDatabase, migrateDeploy, withPostgresDatabase, type Database } from '@upgrade-desk/db';
import { isDatabaseEmpty, resetDatabase } from '../../prisma/seed/reset-database.ts';
import { seedDemo } from '../../prisma/seed/seed-demo.ts';
import { seedLarge } from '../../prisma/seed/seed-large.ts';
import { stableId } from '../../prisma/seed/stable-id.ts';
import { startFloorServer } from './bench-floor.ts';
import {
  CUSTOMERS_WITH_MODULES,
  DASHBOARD,
  DASHBOARD_VARIABLES,
  NOTICES_INBOX,
  TYPENAME,
  UPGRADE_DETAIL,
} from './operations.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The seed and the servers share this clock, so "upcoming" means the same on every run. */
const NOW = new Date('2026-12-01T03:00:00Z');
const CUSTOMER_USER = 'user@hanoi-water.example';
const STAFF = 'admin@vendor.example';

const TARGETS = {
  throughputRatio: 0.5,
  statements: 5,
  latencyRatio: 1.3,
  dashboardKb: 80,
  /** (e): an authenticated `{ __typename }`, and the dashboard without the response cache, against an anonymous one. */
  credentialRatio: 0.8,
  uncachedDashboardRatio: 0.2,
};
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

interface Operation {
  name: string;
  query: string;
  variables: (pageSize: number, upgradeId: string) => Record<string, unknown>;
  /** Whose token runs it. */
  as: 'customer' | 'staff';
  /** The page size of the latency figure. */
  latencyPage: number;
}

const OPERATIONS: Operation[] = [
  {
    name: 'dashboard',
    query: DASHBOARD,
    variables: (n) => (n === 0 ? DASHBOARD_VARIABLES : { upgrades: n, notices: n }),
    as: 'customer',
    latencyPage: 0,
  },
  { name: 'notices inbox', query: NOTICES_INBOX, variables: (n) => ({ first: n }), as: 'customer', latencyPage: 20 },
  {
    name: 'upgrade detail',
    query: UPGRADE_DETAIL,
    variables: (n, id) => ({ id, first: n }),
    as: 'staff',
    latencyPage: 100,
  },
  {
    name: 'customers+modules',
    query: CUSTOMERS_WITH_MODULES,
    variables: (n) => ({ first: n }),
    as: 'staff',
    latencyPage: 100,
  },
];

// ---------------------------------------------------------------------------------------------
// The databases

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = await createDatabase(adminUrl);
  try {
    const found = await admin.prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    // The name is one of this file's constants.
    if (found.length === 0) await admin.prisma.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
  const url = withPostgresDatabase(adminUrl, name);
  await migrateDeploy(url);
  return url;
}

/** Seeds the database unless it already holds exactly this size of the large data set. */
async function ensureSeeded(url: string, size: { customers: number; notices: number }, label: string): Promise<void> {
  const db = await createDatabase(url);
  try {
    const [customers, notices] = [await db.prisma.customer.count(), await db.prisma.notice.count()];
    if (customers === size.customers && notices === size.notices) {
      console.log(`large     ${label}: reusing ${customers} customers, ${notices} notices`);
      return;
    }
    const started = performance.now();
    await resetDatabase(db.prisma);
    await seedLarge(db.prisma, { password: DEMO_PASSWORD, now: NOW, ...size });
    console.log(
      `large     ${label}: seeded ${size.customers} customers, ${size.notices} notices in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * As deployed, but for the rate limiter (it would answer most of a load test with 429). The
 * response cache is on only where a figure says so: latency and statement counts measure the
 * database work, which a cache hit would skip.
 */
function benchConfig(url: string, cache: 'cache on' | 'cache off' = 'cache off') {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    NOTICE_WORKER: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    ...(cache === 'cache off' ? { RESPONSE_CACHE_TTL_MS: '0' } : {}),
  });
}

type Fetch = (body: string, token: string | null) => Promise<Response>;

async function gql(send: Fetch, query: string, variables: Record<string, unknown>, token: string | null) {
  const response = await send(JSON.stringify({ query, variables }), token);
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (result.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function login(send: Fetch, email: string): Promise<string> {
  const data = (await gql(
    send,
    'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code } } }',
    { input: { email, password: DEMO_PASSWORD } },
    null,
  )) as { sessionCreate: { token: string | null } };
  if (!data.sessionCreate.token) throw new Error(`login ${email} failed`);
  return data.sessionCreate.token;
}

/**
 * "The upgrade detail with 100 targets": the large seed's upgrades target every customer, so the
 * bench adds (once) an upgrade with exactly 100, the same operation at 1x and 10x. Its global id.
 */
async function upgradeWith100Targets(db: Database): Promise<string> {
  const id = stableId('bench-upgrade:100-targets');
  if (!(await db.prisma.upgrade.findUnique({ where: { id }, select: { id: true } }))) {
    const customers = await db.prisma.customer.findMany({ select: { id: true }, orderBy: { code: 'asc' }, take: 100 });
    await db.prisma.upgrade.create({
      data: {
        id,
        kind: 'FIX',
        status: 'SCHEDULED',
        title: 'Bench: a fix for 100 customers',
        summary: 'Benchmark fixture',
        windowStart: new Date(NOW.getTime() + 3 * 86_400_000),
        windowEnd: new Date(NOW.getTime() + 3 * 86_400_000 + 3_600_000),
        expectedDowntimeMinutes: 10,
        targets: { createMany: { data: customers.map((c) => ({ customerId: c.id })) } },
      },
    });
  }
  return Buffer.from(`Upgrade:${id}`).toString('base64');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// ---------------------------------------------------------------------------------------------
// (b) SQL statements, in-process over a client that reports its queries

async function statementCounts(url: string): Promise<void> {
  const db = await createDatabase(url, { log: [{ emit: 'event', level: 'query' }] });
  let statements = 0;
  let counting = false;
  db.prisma.$on('query', () => {
    if (counting) statements += 1;
  });
  const yoga = createApi({ prisma: db.prisma, config: benchConfig(url), now: () => new Date(NOW) });
  const send: Fetch = async (body, token) =>
    yoga.fetch('http://bench.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  try {
    const tokens = { customer: await login(send, CUSTOMER_USER), staff: await login(send, STAFF) };
    const upgradeId = await upgradeWith100Targets(db);
    for (const operation of OPERATIONS) {
      const counts: number[] = [];
      for (const pageSize of [10, 100]) {
        statements = 0;
        counting = true;
        await gql(send, operation.query, operation.variables(pageSize, upgradeId), tokens[operation.as]);
        counting = false;
        counts.push(statements);
      }
      const pass = counts.every((n) => n <= TARGETS.statements) && counts[0] === counts[1];
      console.log(
        `large     (b) SQL statements ${operation.name.padEnd(17)}: page 10: ${counts[0]}, page 100: ${counts[1]} (target <= ${TARGETS.statements}, the same at both) ${verdict(pass)}`,
      );
    }
  } finally {
    await yoga.dispose();
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (a) throughput and (c) latency, over HTTP

interface Served {
  url: string;
  send: Fetch;
  tokens: { customer: string; staff: string };
  upgradeId: string;
  close(): Promise<void>;
}

async function serve(dbUrl: string, cache: 'cache on' | 'cache off' = 'cache off'): Promise<Served> {
  const db = await createDatabase(dbUrl);
  const running = await startApiServer(
    { prisma: db.prisma, config: benchConfig(dbUrl, cache), now: () => new Date(NOW) },
    0,
    '127.0.0.1',
  );
  const send: Fetch = (body, token) =>
    fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  return {
    url: running.url,
    send,
    tokens: { customer: await login(send, CUSTOMER_USER), staff: await login(send, STAFF) },
    upgradeId: await upgradeWith100Targets(db),
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}

/** p50 of sequential requests, in ms, after a warm-up. */
async function p50(served: Served, operation: Operation, rounds: number): Promise<number> {
  const body = JSON.stringify({
    query: operation.query,
    variables: operation.variables(operation.latencyPage, served.upgradeId),
  });
  const token = served.tokens[operation.as];
  const times: number[] = [];
  for (let i = 0; i < rounds + 10; i++) {
    const started = performance.now();
    const response = await served.send(body, token);
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`${operation.name}: ${text.slice(0, 300)}`);
    if (i >= 10) times.push(performance.now() - started);
  }
  return median(times);
}

/** Requests per second over 10 connections; as the customer user unless another bearer (or null: anonymous) is given. */
async function throughput(
  served: Pick<Served, 'url'> & Partial<Pick<Served, 'tokens'>>,
  query: string,
  variables: object,
  seconds: number,
  bearer: string | null = served.tokens?.customer ?? null,
): Promise<number> {
  const result = await autocannon({
    url: served.url,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`autocannon: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

// ---------------------------------------------------------------------------------------------
// (d) the portal dashboard's JavaScript

/** The client files the dashboard (`/`) loads to start: the entry points and the root layout's and page's imports. */
function dashboardJsGzipped(): { bytes: number; files: number } {
  const portal = path.join(REPO_ROOT, 'apps/portal');
  const output = path.join(portal, '.svelte-kit/output');
  if (!existsSync(path.join(output, 'server/manifest.js'))) {
    console.log('large     (d) building the portal (pnpm --filter @upgrade-desk/portal build)…');
    execFileSync('pnpm', ['--filter', '@upgrade-desk/portal', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const listed = (source: string) =>
    [...(source.match(/imports:\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/"([^"]+\.js)"/g)].map((m) => m[1]!);
  const files = new Set(listed(readFileSync(path.join(output, 'server/manifest.js'), 'utf8')));
  for (const node of readdirSync(path.join(output, 'server/nodes'))) {
    const source = readFileSync(path.join(output, 'server/nodes', node), 'utf8');
    // The root layout and the root page.
    if (/entries\/pages\/_(layout|page)\.svelte\.js/.test(source)) {
      for (const file of [...(source.match(/export const imports = \[([^\]]*)\]/)?.[1] ?? '').matchAll(/"([^"]+)"/g)]) {
        files.add(file[1]!);
      }
    }
  }
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(path.join(output, 'client', file)), { level: 9 }).length;
  return { bytes, files: files.size };
}

// ---------------------------------------------------------------------------------------------

export async function benchLargeData(adminUrl: string): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
  const sizes = {
    '1x': { name: 'upgrade_desk_bench_1x', customers: 1_000, notices: 100_000 },
    '10x': { name: 'upgrade_desk_bench_10x', customers: 10_000, notices: 1_000_000 },
  };
  const urls: Record<string, string> = {};
  for (const [label, size] of Object.entries(sizes)) {
    urls[label] = await ensureDatabase(adminUrl, size.name);
    await ensureSeeded(urls[label], size, `${label.padEnd(3)} (${size.name})`);
  }

  // (a) on the same server, side by side: as deployed (response cache on, the default), then with
  // the cache off, so that the figure of the database work is printed too.
  for (const cache of ['cache on', 'cache off'] as const) {
    const served = await serve(urls['1x']!, cache);
    try {
      const dashboard = await throughput(served, DASHBOARD, DASHBOARD_VARIABLES, seconds);
      const typename = await throughput(served, TYPENAME, {}, seconds);
      const ratio = dashboard / typename;
      const label = cache === 'cache on' ? 'as deployed (response cache on)' : 'response cache off';
      console.log(
        `large     (a) throughput at 1x, ${label}, 10 connections, ${seconds} s each: dashboard ${dashboard.toFixed(0)} req/s, { __typename } ${typename.toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (target >= ${TARGETS.throughputRatio}) ${cache === 'cache on' ? verdict(ratio >= TARGETS.throughputRatio) : '(for reference)'}`,
      );
    } finally {
      await served.close();
    }
  }

  const one = await serve(urls['1x']!);
  const latency1x: number[] = [];
  try {
    for (const operation of OPERATIONS) latency1x.push(await p50(one, operation, rounds));
  } finally {
    await one.close();
  }

  await statementCounts(urls['1x']!);

  const ten = await serve(urls['10x']!);
  try {
    for (const [i, operation] of OPERATIONS.entries()) {
      const at10x = await p50(ten, operation, rounds);
      const ratio = at10x / latency1x[i]!;
      console.log(
        `large     (c) p50 latency ${operation.name.padEnd(17)}: 1x ${latency1x[i]!.toFixed(1)} ms, 10x ${at10x.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (target <= ${TARGETS.latencyRatio}) ${verdict(ratio <= TARGETS.latencyRatio)}`,
      );
    }
  } finally {
    await ten.close();
  }

  const js = dashboardJsGzipped();
  const kb = js.bytes / 1024;
  console.log(
    `large     (d) portal dashboard JavaScript, gzipped: ${kb.toFixed(1)} KB in ${js.files} files (target <= ${TARGETS.dashboardKb} KB) ${verdict(kb <= TARGETS.dashboardKb)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// (e) what a credential costs, and the uncached page: the demo data on PostgreSQL, response cache
// and rate limit off, each figure against the same server's anonymous `{ __typename }` in one run.

const DEMO_DATABASE = 'upgrade_desk_bench_demo';
const CUSTOMER_ADMIN = 'admin@hanoi-water.example';

async function ensureDemoSeeded(url: string): Promise<void> {
  const db = await createDatabase(url);
  try {
    if (await isDatabaseEmpty(db.prisma)) await seedDemo(db.prisma, { password: DEMO_PASSWORD, now: NOW });
  } finally {
    await db.close();
  }
}

async function apiTokenOf(send: Fetch, session: string): Promise<{ token: string; revoke: () => Promise<unknown> }> {
  const data = (await gql(
    send,
    'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token apiToken { id } userErrors { code } } }',
    { input: { name: `bench ${Date.now()}`, scopes: ['READ'] } },
    session,
  )) as { apiTokenCreate: { token: string | null; apiToken: { id: string } | null } };
  const { token, apiToken } = data.apiTokenCreate;
  if (!token || !apiToken) throw new Error('apiTokenCreate failed');
  // Revoked after the run: the demo database is reused, and a user's live tokens are capped.
  const revoke = () =>
    gql(
      send,
      'mutation ($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) { userErrors { code } } }',
      {
        input: { id: apiToken.id },
      },
      session,
    );
  return { token, revoke };
}

export async function benchCredentialAndPage(adminUrl: string): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const url = await ensureDatabase(adminUrl, DEMO_DATABASE);
  await ensureDemoSeeded(url);
  const label = `(e) demo data on PostgreSQL, 10 connections, ${seconds} s each`;

  const uncached = await serve(url, 'cache off');
  try {
    const adminSession = await login(uncached.send, CUSTOMER_ADMIN);
    const { token: apiToken, revoke } = await apiTokenOf(uncached.send, adminSession);
    // Warm-up, so that the first figure does not pay for the JIT compiling the server's code paths.
    for (const bearer of [null, uncached.tokens.customer, apiToken])
      await throughput(uncached, TYPENAME, {}, 2, bearer);
    await throughput(uncached, DASHBOARD, DASHBOARD_VARIABLES, 2);
    // The anonymous figure before and after the others: their mean is the base, and a gap between
    // the two says the machine's load changed during the run (then run it again).
    const before = await throughput(uncached, TYPENAME, {}, seconds, null);
    const figures: [name: string, reqPerSecond: number, target: number][] = [
      ['session { __typename }', await throughput(uncached, TYPENAME, {}, seconds), TARGETS.credentialRatio],
      [
        'API token { __typename }',
        await throughput(uncached, TYPENAME, {}, seconds, apiToken),
        TARGETS.credentialRatio,
      ],
      [
        'dashboard, response cache off',
        await throughput(uncached, DASHBOARD, DASHBOARD_VARIABLES, seconds),
        TARGETS.uncachedDashboardRatio,
      ],
    ];
    const after = await throughput(uncached, TYPENAME, {}, seconds, null);
    const anonymous = (before + after) / 2;
    console.log(
      `large     ${label}: anonymous { __typename } ${anonymous.toFixed(0)} req/s (${before.toFixed(0)} before, ${after.toFixed(0)} after the others)`,
    );
    for (const [name, reqPerSecond, target] of figures) {
      const ratio = reqPerSecond / anonymous;
      console.log(
        `large     (e) ${name.padEnd(30)}: ${reqPerSecond.toFixed(0)} req/s, ${ratio.toFixed(2)}x anonymous (target >= ${target}x) ${verdict(ratio >= target)}`,
      );
    }
    await revoke();
  } finally {
    await uncached.close();
  }

  await benchFloor(url, seconds);

  const cached = await serve(url, 'cache on');
  try {
    const anonymous = await throughput(cached, TYPENAME, {}, seconds, null);
    const dashboard = await throughput(cached, DASHBOARD, DASHBOARD_VARIABLES, seconds);
    console.log(
      `large     (e) ${'dashboard, response cache on'.padEnd(30)}: ${dashboard.toFixed(0)} req/s, ${(dashboard / anonymous).toFixed(2)}x anonymous (${anonymous.toFixed(0)} req/s in that run; for reference)`,
    );
  } finally {
    await cached.close();
  }
}

/**
 * The uncached dashboard on a bare server of the same stack (lib/bench-floor.ts), against that
 * server's own anonymous `{ __typename }`: how far the product's ratio is from what the stack allows.
 */
async function benchFloor(url: string, seconds: number): Promise<void> {
  const db = await createDatabase(url);
  const floor = await startFloorServer(db.prisma, CUSTOMER_USER, NOW);
  try {
    const answer = await fetch(floor.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DASHBOARD, variables: DASHBOARD_VARIABLES }),
    });
    const text = await answer.text();
    if (!answer.ok || text.includes('"errors"')) throw new Error(`floor server: ${text.slice(0, 300)}`);
    await throughput(floor, TYPENAME, {}, 2);
    await throughput(floor, DASHBOARD, DASHBOARD_VARIABLES, 2);
    const before = await throughput(floor, TYPENAME, {}, seconds);
    const dashboard = await throughput(floor, DASHBOARD, DASHBOARD_VARIABLES, seconds);
    const after = await throughput(floor, TYPENAME, {}, seconds);
    const anonymous = (before + after) / 2;
    console.log(
      `large     (e) ${'floor: bare stack, dashboard'.padEnd(30)}: ${dashboard.toFixed(0)} req/s, ${(dashboard / anonymous).toFixed(2)}x its own { __typename } (${anonymous.toFixed(0)} req/s; yoga + Pothos + plugin-prisma + Prisma with nothing of the product's, for reference)`,
    );
  } finally {
    await floor.close();
    await db.close();
  }
}
