// PostgreSQL restarted under the running API (`scripts/start.ts`, PORTAL=off, notice worker inline):
// while it is down, requests fail cleanly (HTTP 503, a GraphQL error coded SERVICE_UNAVAILABLE, no
// stack trace or driver detail) and /readyz answers 503; the process survives, and once the server
// is back requests succeed and the notice worker publishes again, with no manual step. A private
// PostgreSQL instance is stopped and started: the machine's shared one is never touched.
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { expect, it, onTestFinished } from 'vitest';
import {
  executeOn,
  freePort,
  publishedInLog,
  login,
  postGraphQL,
  spawnScript,
  startPrivatePostgres,
  temporaryDirectory,
  waitFor,
} from './support.ts';

const VIEWER = '{ viewer { email } }';

it('PostgreSQL restarted under the running API: 503 SERVICE_UNAVAILABLE while down, working again after', async () => {
  const postgres = await startPrivatePostgres();
  onTestFinished(() => postgres.destroy());
  const outbox = temporaryDirectory('ud-fault-outbox');
  onTestFinished(() => outbox.remove());
  const url = postgres.url('upgrade_desk');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const api = spawnScript('scripts/start.ts', {
    DATABASE_URL: url,
    API_PORT: String(port),
    PORTAL: 'off',
    DISPATCH_INTERVAL_MS: '200',
    OUTBOX_DIR: outbox.dir,
    LOG_LEVEL: 'info',
    // Every request must reach the database here: a verified session kept in memory would answer
    // `viewer` without it.
    AUTH_CACHE_TTL_MS: '0',
  });
  onTestFinished(() => api.stop());
  await api.waitForOutput(/Upgrade Desk is running/, 120_000);

  const token = await login(origin, 'admin@hanoi-water.example');
  const before = await postGraphQL(origin, VIEWER, {}, token);
  expect(before.body).toEqual({ data: { viewer: { email: 'admin@hanoi-water.example' } } });
  expect((await fetch(`${origin}/readyz`)).status).toBe(200);

  // A restart: every connection in the pool is cut, and new ones are refused until it is back.
  postgres.stop('fast');
  const down = [
    await postGraphQL(origin, VIEWER, {}, token),
    await postGraphQL(origin, VIEWER, {}, token),
    await postGraphQL(origin, 'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token } }', {
      input: { email: 'user@hanoi-water.example', password: DEMO_PASSWORD },
    }),
  ];
  const readyWhileDown = await fetch(`${origin}/readyz`);
  // Worker rounds fail meanwhile (and must not take the process down).
  await api.waitForOutput(/round failed/, 10_000);
  console.log(`while down: ${down.map((r) => `${r.status} ${r.text}`).join(' | ')}; /readyz ${readyWhileDown.status}`);
  for (const response of down) {
    expect(response.status).toBe(503);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    // Nothing of the driver, the query or the stack reaches the client.
    expect(response.text).not.toMatch(/prisma|ECONNREFUSED|postgres|127\.0\.0\.1|\bat \w|stack/i);
  }
  expect(readyWhileDown.status).toBe(503);
  expect(api.alive()).toBe(true);

  postgres.start();
  const startedAt = Date.now();
  let attempts = 0;
  const after = await waitFor(
    'a request to succeed after the restart',
    async () => {
      attempts++;
      const response = await postGraphQL(origin, VIEWER, {}, token);
      return response.status === 200 && !response.body.errors ? response : undefined;
    },
    { timeoutMs: 30_000, everyMs: 200 },
  );
  const recoveredMs = Date.now() - startedAt;
  expect(after.body).toEqual({ data: { viewer: { email: 'admin@hanoi-water.example' } } });
  expect((await fetch(`${origin}/readyz`)).status).toBe(200);
  expect(await login(origin, 'user@hanoi-water.example')).toMatch(/\S{20,}/);

  // The notice worker survived the outage: a notice falling due now is published.
  const publishedBefore = publishedInLog(api);
  const due = new Date(Date.now() - 60_000).toISOString();
  await executeOn(
    url,
    `UPDATE "Notice" SET "scheduledFor" = '${due}'::timestamp(3)
     WHERE id = (SELECT n.id FROM "Notice" n JOIN "Upgrade" u ON u.id = n."upgradeId"
                 WHERE n."publishedAt" IS NULL AND n."supersededAt" IS NULL AND u."windowStart" > now() + interval '2 days'
                 ORDER BY n.id LIMIT 1)`,
  );
  await waitFor('the worker to publish the notice made due', () =>
    publishedInLog(api) === publishedBefore + 1 ? true : undefined,
  );
  expect(api.alive()).toBe(true);
  console.log(`after the restart: first success after ${attempts} attempt(s), ${recoveredMs} ms`);
  await api.stop();
  expect(await api.exited).toEqual({ code: 0, signal: null });
}, 240_000);
