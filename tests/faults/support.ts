// What the fault tests share: product processes run as children in their own process group (so
// SIGKILL takes the whole tree, as a crash or the OOM killer would), databases of their own outside
// the test-database pool, 10,000 due notices, a count of what the dispatcher did, a count of the
// live events it sent over Redis, and a private PostgreSQL server that a test may stop and start.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { createDatabase, migrateDeploy, type PrismaClient } from '@upgrade-desk/db';
import { repoRoot } from '@upgrade-desk/db/repo-paths';

/** The PostgreSQL server scratch databases go on: CI's TEST_DATABASE_URL, else the machine's. */
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DAY = 86_400_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a value other than undefined; throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 60_000, everyMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A TCP port nobody listens on right now (the product's API_PORT must be >= 1, so not 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A unique name fragment for databases, directories and Redis prefixes of one test run. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

// ---------------------------------------------------------------------------------------------
// Child processes

export interface Child {
  pid: number;
  /** Everything the process printed (stdout and stderr), as it arrived. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (waiting for it to appear). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Whether the process is still running. */
  alive(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the whole process group (the script and whatever it spawned). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` from the repo root with `env` over a clean environment (no
 * TEST_DATABASE_URL: the child uses exactly the DATABASE_URL it is given), in a process group of
 * its own.
 */
export function spawnScript(script: string, env: Record<string, string>): Child {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('VITEST') && key !== 'TEST_DATABASE_URL') childEnv[key] = value;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script)], {
    cwd: repoRoot,
    env: { ...childEnv, NODE_ENV: 'production', CHECKPOINT_DISABLE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      for (const listener of listeners) listener();
      resolve(exitInfo);
    });
  });
  const pid = child.pid!;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  return {
    pid,
    output: () => output,
    alive: () => exitInfo === undefined,
    exited,
    kill,
    waitForOutput: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) done(() => resolve(match));
          else if (exitInfo)
            done(() =>
              reject(
                new Error(`${script} exited (${JSON.stringify(exitInfo)}) before printing ${pattern}:\n${output}`),
              ),
            );
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${script} did not print ${pattern} within ${timeoutMs} ms:\n${output}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
    stop: async (graceMs = 15_000) => {
      if (exitInfo) return;
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Whatever the script spawned (the Prisma CLI, the portal) goes too.
      kill('SIGKILL');
    },
  };
}

/** Notices the worker reported publishing in its round log lines. */
export function publishedInLog(child: Child): number {
  let sum = 0;
  for (const line of child.output().split('\n')) {
    if (!line.includes('notice worker round') || line.includes('failed')) continue;
    const match = /"published":(\d+)/.exec(line);
    if (match) sum += Number(match[1]);
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Databases

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on `url` over a short-lived connection. */
export async function executeOn(url: string, sql: string): Promise<void> {
  const db = await createDatabase(url);
  try {
    await db.prisma.$executeRawUnsafe(sql);
  } finally {
    await db.close();
  }
}

/** A new PostgreSQL database on the server of `adminUrl`, migrated with `prisma migrate deploy`. */
export async function createPostgresDatabase(adminUrl = POSTGRES_ADMIN_URL): Promise<ScratchDatabase> {
  const name = uniqueName('ud_fault');
  await executeOn(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => executeOn(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await migrateDeploy(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}

/** `pnpm start` serving the API alone on `port`, over a PGlite directory and an outbox in `dir`. */
export function productOnPGliteEnv(dir: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: `pglite:${path.join(dir, 'db')}`,
    API_PORT: String(port),
    PORTAL: 'off',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    LOG_LEVEL: 'info',
  };
}

/** A temporary directory, removed by the returned function. */
export function temporaryDirectory(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Due notices and what became of them

export interface DueNoticesOptions {
  total: number;
  customers: number;
  /** Every customer's one webhook endpoint. */
  webhookUrl: string;
  scheduledFor: Date;
}

/**
 * `customers` customers, each with one user who wants email and one active webhook endpoint, and
 * `total` REMINDER notices spread over them, all scheduled for `scheduledFor`. Published, each
 * must get exactly one EMAIL and one WEBHOOK delivery.
 */
export async function insertDueNotices(prisma: PrismaClient, options: DueNoticesOptions): Promise<void> {
  const { total, customers, webhookUrl, scheduledFor } = options;
  const tag = randomBytes(3).toString('hex');
  await prisma.customer.createMany({
    data: Array.from({ length: customers }, (_, i) => ({ code: `FAULT-${tag}-${i}`, name: `Khách hàng ${i}` })),
  });
  const customerRows = await prisma.customer.findMany({
    where: { code: { startsWith: `FAULT-${tag}-` } },
    select: { id: true },
    orderBy: { code: 'asc' },
  });
  await prisma.user.createMany({
    data: customerRows.map((c, i) => ({
      email: `user${i}-${tag}@fault.example`,
      name: `User ${i}`,
      passwordHash: 'x',
      role: 'CUSTOMER_USER' as const,
      customerId: c.id,
    })),
  });
  await prisma.webhookEndpoint.createMany({
    data: customerRows.map((c) => ({ customerId: c.id, url: webhookUrl, secret: 'fault-test-secret' })),
  });
  // Relative to the real clock: the worker in the child process runs on it.
  const windowStart = new Date(Date.now() + 15 * DAY);
  const upgrade = await prisma.upgrade.create({
    data: {
      kind: 'FEATURE',
      status: 'SCHEDULED',
      title: 'Fault test',
      summary: '',
      windowStart,
      windowEnd: new Date(windowStart.getTime() + 3_600_000),
      expectedDowntimeMinutes: 10,
    },
  });
  for (let offset = 0; offset < total; offset += 2000) {
    await prisma.notice.createMany({
      data: Array.from({ length: Math.min(2000, total - offset) }, (_, j) => {
        const i = offset + j;
        return {
          upgradeId: upgrade.id,
          customerId: customerRows[i % customers]!.id,
          stage: 'REMINDER' as const,
          sequence: Math.floor(i / customers),
          channels: ['IN_APP' as const],
          scheduledFor,
          locale: 'VI' as const,
          title: `Nhắc lịch ${i}`,
          body: 'Nội dung',
        };
      }),
    });
  }
}

export interface DispatchOutcome {
  notices: number;
  published: number;
  /** Published notices whose `channels` are not exactly IN_APP, EMAIL, WEBHOOK. */
  wrongChannels: number;
  emailRows: number;
  webhookRows: number;
  /** Notices (published or not) that do not have exactly one EMAIL delivery row when published, zero otherwise. */
  wrongEmailRows: number;
  wrongWebhookRows: number;
}

/** The outcome when each of `total` notices was published exactly once, on every channel. */
export function publishedExactlyOnce(total: number): DispatchOutcome {
  return {
    notices: total,
    published: total,
    wrongChannels: 0,
    emailRows: total,
    webhookRows: total,
    wrongEmailRows: 0,
    wrongWebhookRows: 0,
  };
}

/** Counts, with SQL, what the dispatcher did to the notices. */
export async function dispatchOutcome(prisma: PrismaClient): Promise<DispatchOutcome> {
  const [row] = await prisma.$queryRaw<Record<keyof DispatchOutcome, number>[]>`
    WITH per_notice AS (
      SELECT n.id, n."publishedAt" IS NOT NULL AS published, n.channels::text[] AS channels,
             count(d.id) FILTER (WHERE d.channel = 'EMAIL') AS emails,
             count(d.id) FILTER (WHERE d.channel = 'WEBHOOK') AS webhooks
      FROM "Notice" n LEFT JOIN "Delivery" d ON d."noticeId" = n.id
      GROUP BY n.id
    )
    SELECT count(*)::int AS notices,
           count(*) FILTER (WHERE published)::int AS published,
           count(*) FILTER (WHERE published AND channels <> ARRAY['IN_APP', 'EMAIL', 'WEBHOOK'])::int AS "wrongChannels",
           coalesce(sum(emails), 0)::int AS "emailRows",
           coalesce(sum(webhooks), 0)::int AS "webhookRows",
           count(*) FILTER (WHERE emails <> CASE WHEN published THEN 1 ELSE 0 END)::int AS "wrongEmailRows",
           count(*) FILTER (WHERE webhooks <> CASE WHEN published THEN 1 ELSE 0 END)::int AS "wrongWebhookRows"
    FROM per_notice`;
  return row!;
}

// ---------------------------------------------------------------------------------------------
// Live events and webhooks, as a subscriber elsewhere sees them

export interface EventCounter {
  /** Live events received per notice id. */
  perNotice: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

/** Counts the `noticePublishedToAnyCustomer` events published on Redis under `prefix`. */
export async function countRedisEvents(prefix: string): Promise<EventCounter> {
  const redis = new Redis(REDIS_URL);
  const perNotice = new Map<string, number>();
  let total = 0;
  redis.on('message', (_channel: string, message: string) => {
    const { noticeId } = JSON.parse(message) as { noticeId: string };
    perNotice.set(noticeId, (perNotice.get(noticeId) ?? 0) + 1);
    total++;
  });
  await redis.subscribe(`${prefix}noticePublishedToAnyCustomer`);
  return {
    perNotice,
    total: () => total,
    close: async () => {
      await redis.quit();
    },
  };
}

export interface WebhookReceiver {
  url: string;
  /** Requests received per delivery id (the X-Upgrade-Desk-Delivery header). */
  perDelivery: Map<string, number>;
  close(): Promise<void>;
}

/** A webhook receiver that accepts everything and counts what it got. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const perDelivery = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const id = String(request.headers['x-upgrade-desk-delivery'] ?? '');
    perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    perDelivery,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// A private PostgreSQL server (never the machine's shared one, which other tests are using)

const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  port: number;
  /** URL of database `name` on this server. */
  url(name?: string): string;
  start(): void;
  /** `pg_ctl stop` in `mode` (fast: disconnects every client, as a restart does). */
  stop(mode?: 'fast' | 'immediate'): void;
  destroy(): void;
}

function runAsPostgres(args: string[]): string {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** initdb + pg_ctl start on a free port, data and socket under a temporary directory owned by postgres. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const { dir, remove } = temporaryDirectory('ud-fault-pg');
  chownSync(dir, ...postgresIds());
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  runAsPostgres([
    `${PG_BIN}/initdb`,
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '--no-instructions',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    void runAsPostgres([`${PG_BIN}/pg_ctl`, 'start', '-D', dataDir, '-w', '-l', path.join(dir, 'log'), '-o', options]);
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    void runAsPostgres([`${PG_BIN}/pg_ctl`, 'stop', '-D', dataDir, '-w', '-m', mode]);
  start();
  return {
    port,
    url: (name = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${name}`,
    start,
    stop,
    destroy: () => {
      spawnSync('runuser', [
        '-u',
        'postgres',
        '--',
        `${PG_BIN}/pg_ctl`,
        'stop',
        '-D',
        dataDir,
        '-w',
        '-m',
        'immediate',
      ]);
      remove();
    },
  };
}

function postgresIds(): [number, number] {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return [uid, gid];
}

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP against a child's API

export interface HttpGraphQL {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

/** POSTs a GraphQL operation to `origin`/graphql (with the CSRF header the API requires). */
export async function postGraphQL(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<HttpGraphQL> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-upgrade-desk-csrf': '1',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as HttpGraphQL['body'], text };
}

const LOGIN = `mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code message } } }`;

/** Logs in with a demo account; returns the bearer token or throws with the response. */
export async function login(origin: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await postGraphQL(origin, LOGIN, { input: { email, password } });
  const token = (result.body.data?.sessionCreate as { token: string | null } | undefined)?.token;
  if (!token) throw new Error(`login ${email} failed: ${result.status} ${result.text}`);
  return token;
}
