// Graceful shutdown: SIGTERM to the product (`scripts/start.ts`, PORTAL=off) while requests are in
// flight. Every request already received is answered in full, the notice worker's round and the
// PGlite directory are closed properly (exit code 0), and the next start finds the writes.
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { freePort, login, postGraphQL, sleep, spawnScript, temporaryDirectory } from './support.ts';

const ACCOUNTS = [
  'admin@vendor.example',
  'engineer@vendor.example',
  'care@vendor.example',
  'impl@vendor.example',
  'admin@hanoi-water.example',
  'user@hanoi-water.example',
  'admin@saigon-garment.example',
  'user@saigon-garment.example',
];

it('SIGTERM during 24 logins: all 24 answered with a session, exit code 0, sessions kept', async () => {
  const temporary = temporaryDirectory('ud-fault-shutdown');
  onTestFinished(() => temporary.remove());
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: `pglite:${path.join(temporary.dir, 'db')}`,
    API_PORT: String(port),
    PORTAL: 'off',
    OUTBOX_DIR: path.join(temporary.dir, 'outbox'),
    LOG_LEVEL: 'info',
  };
  const product = spawnScript('scripts/start.ts', env);
  onTestFinished(() => product.stop());
  await product.waitForOutput(/Upgrade Desk is running/, 180_000);

  // Each login verifies an argon2id hash (tens of ms of CPU): 24 of them are still running when
  // the signal arrives.
  const logins = Array.from({ length: 24 }, (_, i) => login(origin, ACCOUNTS[i % ACCOUNTS.length]!));
  await sleep(30);
  product.kill('SIGTERM');
  const tokens = await Promise.all(logins);
  expect(tokens.filter((token) => /^[a-z0-9]{20,}$/.test(token))).toHaveLength(24);
  expect(await product.exited).toEqual({ code: 0, signal: null });
  expect(product.output()).toMatch(/SIGTERM: stopping/);

  // The sessions written while stopping were committed and the directory closed cleanly.
  const again = spawnScript('scripts/start.ts', env);
  onTestFinished(() => again.stop());
  await again.waitForOutput(/Upgrade Desk is running/, 180_000);
  const viewers = await Promise.all(
    tokens.map(async (token) => (await postGraphQL(origin, '{ viewer { email } }', {}, token)).body.data?.viewer),
  );
  expect(viewers.map((viewer) => (viewer as { email: string } | null)?.email)).toEqual(
    tokens.map((_, i) => ACCOUNTS[i % ACCOUNTS.length]),
  );
  await again.stop();
  expect(await again.exited).toEqual({ code: 0, signal: null });
}, 300_000);
