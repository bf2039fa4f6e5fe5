// Graceful shutdown: SIGTERM to the product (`scripts/start.ts`, PORTAL=off) while requests are in
// flight. Every request already received is answered in full, the notice worker's round and the
// PGlite directory are closed properly (exit code 0), and the next start finds the writes.
import { request } from 'node:http';
import { expect, it, onTestFinished } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@upgrade-desk/accounts';
import {
  freePort,
  postGraphQL,
  sleep,
  productOnPGliteEnv,
  spawnScript,
  temporaryDirectory,
  waitFor,
} from './support.ts';

const LOGIN = 'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token } }';

/**
 * A login whose body is sent in two halves: after the first, the server holds a request it has
 * started on (headers read, body awaited) and cannot answer until `finish()` sends the rest.
 */
function loginInTwoHalves(port: number, email: string) {
  const body = JSON.stringify({ query: LOGIN, variables: { input: { email, password: DEMO_PASSWORD } } });
  const call = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-upgrade-desk-csrf': '1' },
  });
  const answer = new Promise<{ status: number | undefined; token: string | undefined }>((resolve, reject) => {
    call.on('error', reject);
    call.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const parsed = JSON.parse(text) as { data?: { sessionCreate?: { token?: string } } };
        resolve({ status: response.statusCode, token: parsed.data?.sessionCreate?.token });
      });
    });
  });
  const half = Math.floor(body.length / 2);
  call.write(body.slice(0, half));
  return { finish: () => call.end(body.slice(half)), answer };
}

const ACCOUNTS = DEMO_ACCOUNTS.map((account) => account.email);

it('SIGTERM with 24 logins half-sent: all 24 answered with a session, exit code 0, sessions kept', async () => {
  const temporary = temporaryDirectory('ud-fault-shutdown');
  onTestFinished(() => temporary.remove());
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = productOnPGliteEnv(temporary.dir, port);
  const product = spawnScript('scripts/start.ts', env);
  onTestFinished(() => product.stop());
  await product.waitForOutput(/Upgrade Desk is running/, 180_000);

  const logins = ACCOUNTS.flatMap((email) => [email, email, email]).map((email) => loginInTwoHalves(port, email));
  // Their headers are read and their bodies awaited when the signal arrives (ample time to connect).
  await sleep(1_000);
  product.kill('SIGTERM');
  // The server is closing: a new connection is refused. Only then do the 24 bodies complete.
  await waitFor('the API to refuse new connections', () =>
    fetch(`${origin}/healthz`).then(
      () => undefined,
      () => true,
    ),
  );
  for (const login of logins) login.finish();
  const answers = await Promise.all(logins.map((login) => login.answer));
  expect(answers.filter((a) => a.status === 200 && /^[a-z0-9]{20,}$/.test(a.token ?? ''))).toHaveLength(24);
  expect(await product.exited).toEqual({ code: 0, signal: null });
  expect(product.output()).toMatch(/SIGTERM: stopping/);

  // The sessions written while stopping were committed and the directory closed cleanly.
  const again = spawnScript('scripts/start.ts', env);
  onTestFinished(() => again.stop());
  await again.waitForOutput(/Upgrade Desk is running/, 180_000);
  const emails = await Promise.all(
    answers.map(async ({ token }) => {
      const viewer = (await postGraphQL(origin, '{ viewer { email } }', {}, token)).body.data?.viewer;
      return (viewer as { email: string } | null)?.email;
    }),
  );
  expect(emails).toEqual(ACCOUNTS.flatMap((email) => [email, email, email]));
  await again.stop();
  expect(await again.exited).toEqual({ code: 0, signal: null });
}, 300_000);
