// Every page in Vietnamese and English, on a desktop and a 375 px phone: axe-core finds no serious
// or critical violation, nothing overflows sideways, and a screenshot of each is saved under
// tests/e2e/screenshots/. Also: the language switch, and the dashboard's JavaScript weight.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  liveStreamOpened,
  logIn,
  logOut,
  PHONE,
  seriousAxeViolations,
  startupScripts,
  type AxeViolation,
  type Browser,
  setPortalLocale,
} from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

describe('language', () => {
  it('is Vietnamese by default, switches to English with the visible switch, and keeps it', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiUser);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toMatch(/^Xin chào, /);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Hello, /);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).textContent()).toContain('Maintenance');

    // Other pages, and a fresh load, stay in English; times stay in the customer's zone.
    await page.goto(`${stack.portal}/maintenance`);
    expect(await page.locator('h1').textContent()).toBe('Maintenance');
    expect(await page.locator('main').textContent()).toContain('(UTC+07:00)');
    // Remembered for the account, not only this browser: the API now answers in English for this user.
    const viewer = await stack.gql<{ viewer: { locale: string } }>(ACCOUNTS.hanoiUser, '{ viewer { locale } }');
    expect(viewer.viewer.locale).toBe('EN');

    // The settings page switches back.
    await page.goto(`${stack.portal}/settings`);
    await page.getByLabel('Tiếng Việt').check();
    await page.getByRole('button', { name: 'Save the language' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cài đặt');
    await logOut(page);
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
  });
});

describe('every page', () => {
  it('has no serious accessibility violations, fits a phone, and is photographed', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiAdmin);

    const ids = await stack.gql<{
      upcomingMaintenance: { edges: { node: { id: string } }[] };
      moduleRequests: { edges: { node: { id: string; stage: string } }[] };
      modules: { edges: { node: { id: string; key: string } }[] };
    }>(
      ACCOUNTS.hanoiAdmin,
      '{ upcomingMaintenance(first: 1) { edges { node { id } } } moduleRequests(first: 20) { edges { node { id stage } } } modules(first: 100) { edges { node { id key } } } }',
    );
    const upgradeId = ids.upcomingMaintenance.edges[0]!.node.id;
    const requestId = ids.moduleRequests.edges.find((e) => e.node.stage !== 'SUBMITTED')!.node.id;
    const moduleId = ids.modules.edges.find((e) => e.node.key === 'production')!.node.id;

    const pages: [name: string, path: string][] = [
      ['dashboard', '/'],
      ['maintenance', '/maintenance'],
      ['maintenance-calendar', '/maintenance?view=calendar'],
      ['maintenance-detail', `/maintenance/${encodeURIComponent(upgradeId)}`],
      ['notices', '/notices'],
      ['modules', '/modules'],
      ['request-new', `/requests/new?module=${encodeURIComponent(moduleId)}`],
      ['requests', '/requests'],
      ['request-detail', `/requests/${encodeURIComponent(requestId)}`],
      ['settings', '/settings'],
      ['not-found', '/no-such-page'],
    ];
    const problems: { page: string; violations: AxeViolation[] }[] = [];
    const overflowing: string[] = [];

    /** Runs `look` in each language on each device, named like `vi-phone`. */
    const inEveryView = async (look: (view: string) => Promise<void>) => {
      for (const locale of ['VI', 'EN'] as const) {
        await setPortalLocale(browser, stack.portal, locale);
        for (const [device, viewport] of [
          ['desktop', DESKTOP],
          ['phone', PHONE],
        ] as const) {
          await page.setViewportSize(viewport);
          await look(`${locale.toLowerCase()}-${device}`);
        }
      }
    };
    /** Opens the page, saves its screenshot as `label`, and keeps what axe finds serious. */
    const audit = async (label: string, pagePath: string) => {
      await page.goto(`${stack.portal}${pagePath}`, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${label}.png`), fullPage: true });
      const violations = await seriousAxeViolations(page);
      if (violations.length > 0) problems.push({ page: label, violations });
    };

    await inEveryView(async (view) => {
      for (const [name, pagePath] of pages) {
        const label = `${name}-${view}`;
        await audit(label, pagePath);
        const tooWide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (tooWide) overflowing.push(label);
      }
    });

    // The login page, logged out.
    await logOut(page);
    await inEveryView((view) => audit(`login-${view}`, '/login'));
    await page.setViewportSize(DESKTOP);
    await setPortalLocale(browser, stack.portal, 'VI');

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    expect(overflowing).toEqual([]);
  });
});

describe('the dashboard', () => {
  it('loads a small amount of JavaScript (gzipped), reported in screenshots/js-size.json', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiUser);
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const bytes = response.body().then(
        (body) => gzipSync(body, { level: 9 }).length,
        () => 0,
      );
      scripts.set(new URL(response.url()).pathname, bytes);
    });
    const streaming = liveStreamOpened(page);
    const response = await page.goto(`${stack.portal}/`, { waitUntil: 'load' });
    const initialFiles = await startupScripts(response, stack.portal);
    // The live-notice client is imported after the page is interactive, then opens its stream.
    await streaming;
    const sizes = await Promise.all([...scripts].map(async ([file, bytes]) => ({ file, bytes: await bytes })));

    const sum = (list: typeof sizes) => list.reduce((total, entry) => total + entry.bytes, 0);
    const report = {
      page: '/',
      files: Object.fromEntries(sizes.map((entry) => [entry.file, entry.bytes])),
      initialFiles: [...initialFiles].sort(),
      gzippedBytesAtStart: sum(sizes.filter((entry) => initialFiles.has(entry.file))),
      gzippedBytesWithLiveClient: sum(sizes),
    };
    writeFileSync(path.join(SCREENSHOT_DIR, 'js-size.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `dashboard JavaScript, gzipped: ${(report.gzippedBytesAtStart / 1024).toFixed(1)} kB to start, ` +
        `${(report.gzippedBytesWithLiveClient / 1024).toFixed(1)} kB with the live-notice client (${sizes.length} files)`,
    );
    expect(initialFiles.size).toBeGreaterThan(3);
    expect(report.gzippedBytesAtStart).toBeGreaterThan(10 * 1024);
    expect(report.gzippedBytesWithLiveClient).toBeLessThan(150 * 1024);
    await logOut(page);
  });
});
