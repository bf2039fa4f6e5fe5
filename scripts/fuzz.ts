// `pnpm fuzz`: FUZZ_REQUESTS (default 10,000) malformed or hostile requests (scripts/lib/hostile-requests.ts,
// drawn by fast-check from FUZZ_SEED) against the API: FUZZ_URL (e.g. http://127.0.0.1:4000, whose demo accounts it
// logs in to and whose data the hostile mutations change), or by default an API started here over a
// fresh test database with the demo seed (NODE_ENV=production, rate limiter off: this tests parsing
// and validation, not the limiter). Prints answers per status and per category; exits 1 on any 5xx,
// masked internal error, timeout, or a server that stopped answering `{ __typename }`, after
// printing the first failing request shrunk by fast-check to a small one that still fails.
// With FUZZ_PORTAL_URL (e.g. http://localhost:3000, a portal talking to FUZZ_URL's API) the same
// requests go through the portal's /api/graphql proxy instead, with sessions in cookies.
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { loadConfig, startApiServer } from '../apps/api/src/index.ts';
import { createTestDatabase } from '@upgrade-desk/db/testing';
import { seedDemo } from '../prisma/seed/index.ts';
import {
  CATEGORIES,
  describeRequest,
  hostileRequests,
  loadFuzzContext,
  replayHostile,
  runHostileRequests,
  throughPortal,
} from './lib/hostile-requests.ts';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
const PASSWORD = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD;
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error('FUZZ_REQUESTS must be a positive whole number.');
if (!Number.isInteger(SEED)) throw new Error('FUZZ_SEED must be a whole number.');

async function startLocalApi(): Promise<{ origin: string; close: () => Promise<void> }> {
  const db = await createTestDatabase();
  await seedDemo(db.prisma, { password: PASSWORD, now: new Date() });
  const config = loadConfig({
    NODE_ENV: 'production',
    NOTICE_WORKER: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DEMO_PASSWORD: PASSWORD,
  });
  const api = await startApiServer({ prisma: db.prisma, config }, 0, '127.0.0.1');
  return {
    origin: new URL(api.url).origin,
    close: async () => {
      await api.close();
      await db.close();
    },
  };
}

async function main(): Promise<number> {
  const portal = process.env.FUZZ_PORTAL_URL;
  if (portal && !process.env.FUZZ_URL) throw new Error('FUZZ_PORTAL_URL needs FUZZ_URL: the API that portal talks to.');
  const local = process.env.FUZZ_URL ? undefined : await startLocalApi();
  const api = local?.origin ?? new URL(process.env.FUZZ_URL!).origin;
  try {
    const apiContext = await loadFuzzContext(api, PASSWORD);
    const loggedIn = Object.values(apiContext.tokens).filter(Boolean).length;
    const proxy = portal ? throughPortal(apiContext) : undefined;
    const context = proxy?.context ?? apiContext;
    const origin = portal ? new URL(portal).origin : api;
    console.log(
      `Fuzzing ${portal ? `the portal's proxy at ${origin}/api/graphql` : origin}: ${COUNT} requests, seed ${SEED}, ` +
        `${CONCURRENCY} at a time, ${loggedIn} demo logins`,
    );
    const started = performance.now();
    const report = await runHostileRequests(origin, hostileRequests(COUNT, SEED, context), {
      route: proxy?.route,
      livenessToken: proxy?.livenessToken,
      concurrency: CONCURRENCY,
      onSend: (req) => {
        if (VERBOSE) console.log(`→ ${describeRequest(req, 120)}`);
      },
      onAnswer: (req, outcome, ms) => {
        if (VERBOSE || ms > 5000)
          console.log(`  ${outcome.status} in ${ms.toFixed(0)} ms: ${describeRequest(req, 120)}`);
      },
      onProgress: (sent) =>
        console.log(`  ${sent} sent, still answering (${((performance.now() - started) / 1000).toFixed(0)} s)`),
    });
    const seconds = (performance.now() - started) / 1000;

    const statuses = Object.keys(report.byStatus).sort();
    console.log(`\n${report.sent} requests in ${seconds.toFixed(1)} s`);
    console.log(
      `per status: ${statuses.map((s) => `${s === '0' ? 'no answer' : s} ${report.byStatus[s]}`).join(', ')}`,
    );
    console.log('per category:');
    for (const category of CATEGORIES) {
      const counts = report.byCategory[category] ?? {};
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const detail = Object.keys(counts)
        .sort()
        .map((s) => `${s === '0' ? 'no answer' : s}×${counts[s]}`)
        .join(' ');
      console.log(`  ${category.padEnd(22)} ${String(total).padStart(5)}  ${detail}`);
    }
    if (report.failures.length === 0) {
      console.log('\nNo 5xx, no internal errors, no timeouts; the server answered { __typename } throughout.');
      return 0;
    }
    console.log(`\n${report.failures.length} failure(s); the first ones:`);
    for (const failure of report.failures.slice(0, 10)) {
      console.log(`- ${failure.reason}\n  request: ${failure.request}\n  answer: ${failure.answer}`);
    }
    // fast-check replays the first failing request from its seed and shrinks it to a small one.
    const first = report.failures.find((f) => f.index !== undefined && f.category !== undefined);
    if (first?.index !== undefined && first.category) {
      const shrunk = await replayHostile(
        origin,
        { index: first.index, category: first.category },
        SEED,
        context,
        proxy?.route,
      );
      console.log(
        shrunk
          ? `\nThe first failure (request ${first.index}), shrunk: ${shrunk.reason}\n  request: ${describeRequest(shrunk.request)}`
          : `\nThe first failure (request ${first.index}) did not fail again when replayed.`,
      );
    }
    return 1;
  } finally {
    await local?.close();
  }
}

process.exitCode = await main();
