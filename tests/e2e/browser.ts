// Debian's chromium driven by playwright-core (STACK.md item 9): a fresh profile per context.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { CHROMIUM_PATH } from './paths.ts';
import { DEMO_PASSWORD } from './stack.ts';

const require = createRequire(import.meta.url);

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'ud-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'vi-VN',
    // Same clock zone as the customer would not prove anything: the portal must convert itself.
    timezoneId: 'America/New_York',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the form; ends on the page the portal redirects to. */
export async function logIn(page: Page, portal: string, email: string, path = '/'): Promise<void> {
  await page.goto(`${portal}${path}`);
  if (new URL(page.url()).pathname !== '/login') throw new Error(`expected the login page, got ${page.url()}`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.click('main form button[type="submit"]'),
  ]).catch(async (error: unknown) => {
    const alert = await page
      .getByRole('alert')
      .textContent()
      .catch(() => null);
    throw new Error(`login as ${email} did not leave ${page.url()} (alert: ${alert})`, { cause: error });
  });
}

/** Sets the portal's language cookie: pages then render in `locale`, whatever the browser asks for. */
export async function setPortalLocale(browser: Browser, portal: string, locale: 'VI' | 'EN'): Promise<void> {
  await browser.context.addCookies([{ name: 'ud_locale', value: locale, url: portal }]);
}

/** Logs in as `email` in Vietnamese, whoever was logged in before (a failed test may have left a session). */
export async function logInAfresh(browser: Browser, portal: string, email: string, path: string): Promise<void> {
  await browser.context.clearCookies();
  await setPortalLocale(browser, portal, 'VI');
  await logIn(browser.page, portal, email, path);
}

/**
 * Holds the portal's scripts back, so the page stays server-rendered and not yet interactive,
 * until the returned function lets them through and waits for hydration.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const pattern = '**/_app/immutable/**/*.js'; // scripts only: held stylesheets would hold the page too
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return async () => {
    open();
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await page.unroute(pattern);
  };
}

export async function isHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => 'hydrated' in document.documentElement.dataset);
}

/**
 * Resolves once the page has opened its live-notice stream (the root layout does so after the page
 * is interactive). Call it before the navigation. The API registers the subscription as it starts
 * the stream, so the moment after the response starts is left to it.
 */
export async function liveStreamOpened(page: Page): Promise<void> {
  await page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/graphql' &&
      (response.headers()['content-type'] ?? '').startsWith('text/event-stream'),
    { timeout: 20_000 },
  );
  await page.waitForTimeout(300);
}

export async function logOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.click('form[action="/logout"] button')]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the current page. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const violations = await page.evaluate(async () => {
    // axe is a global once its script is on the page.
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * What a page needs to start: the entry points its HTML imports and the chunks the server tells the
 * browser to preload (SvelteKit lists them in the Link header), as paths on the portal.
 */
export async function startupScripts(response: Response | null, portal: string): Promise<Set<string>> {
  const preloads = [...((await response?.allHeaders())?.link ?? '').matchAll(/<([^>]+\.js)>; rel="modulepreload"/g)];
  const imports = [...((await response?.text()) ?? '').matchAll(/import\("([^"]+\.js)"\)/g)];
  return new Set([...preloads, ...imports].map((match) => new URL(match[1]!, `${portal}/`).pathname));
}

/**
 * The gzipped size of a file the portal serves. A kept-alive connection the server closes as the
 * request goes out is reset; like a browser, the request is then sent once more on a new one.
 */
export async function gzippedBytes(page: Page, url: string, attempts = 3): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await page.request.get(url, { headers: { connection: 'close' } });
      if (!response.ok()) throw new Error(`${url} answered ${response.status()}`);
      return gzipSync(await response.body(), { level: 9 }).length;
    } catch (error) {
      if (attempt >= attempts || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}
