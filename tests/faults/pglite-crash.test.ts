// The PGlite data directory survives kill -9 of the whole product (`scripts/start.ts`, the process
// behind `pnpm start`, with PORTAL=off): started again on the same directory, it comes up, /readyz
// reports every migration applied, the writes made before the kill (a language change, the session
// created by logging in) are there, no demo data is seeded over them, and logging in works.
import { expect, it, onTestFinished } from 'vitest';
import { freePort, login, postGraphQL, productOnPGliteEnv, spawnScript, temporaryDirectory } from './support.ts';

const EMAIL = 'user@hanoi-water.example';
const VIEWER = '{ viewer { email locale emailNotifications } }';
const UPDATE = `mutation ($input: ViewerUpdateInput!) {
  viewerUpdate(input: $input) { user { locale emailNotifications } userErrors { code message } }
}`;

it('kill -9 of pnpm start on PGlite: the restart finds the directory intact, the writes kept', async () => {
  const temporary = temporaryDirectory('ud-fault-start');
  onTestFinished(() => temporary.remove());
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = productOnPGliteEnv(temporary.dir, port);

  const first = spawnScript('scripts/start.ts', env);
  onTestFinished(() => first.stop());
  await first.waitForOutput(/Upgrade Desk is running/, 180_000);
  expect(first.output()).toMatch(/Empty database: seeding/);
  const token = await login(origin, EMAIL);
  const before = await postGraphQL(origin, VIEWER, {}, token);
  const { locale, emailNotifications } = (before.body.data?.viewer ?? {}) as {
    locale: string;
    emailNotifications: boolean;
  };
  const changed = { locale: locale === 'EN' ? 'VI' : 'EN', emailNotifications: !emailNotifications };
  const update = await postGraphQL(origin, UPDATE, { input: changed }, token);
  expect(update.body).toEqual({ data: { viewerUpdate: { user: changed, userErrors: [] } } });

  // No warning, no shutdown hook: the process group dies where it stands.
  first.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');

  const second = spawnScript('scripts/start.ts', env);
  onTestFinished(() => second.stop());
  await second.waitForOutput(/Upgrade Desk is running/, 180_000);
  expect(second.output()).not.toMatch(/Empty database: seeding/);
  const ready = await fetch(`${origin}/readyz`);
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready' } });
  // The session created before the kill still works, and sees the change it made.
  const after = await postGraphQL(origin, VIEWER, {}, token);
  expect(after.body).toEqual({ data: { viewer: { email: EMAIL, ...changed } } });
  // Logging in works (a password check and a new session written).
  const fresh = await login(origin, 'admin@vendor.example');
  expect((await postGraphQL(origin, VIEWER, {}, fresh)).body.data?.viewer).toMatchObject({
    email: 'admin@vendor.example',
  });
  console.log(
    `PGlite after kill -9: restarted, /readyz ${ready.status}, locale ${locale} -> ${changed.locale} and emailNotifications ${emailNotifications} -> ${changed.emailNotifications} kept, old session valid, new login ok`,
  );
  await second.stop();
  expect(await second.exited).toEqual({ code: 0, signal: null });
}, 300_000);
