// The staff console's module-request queue in a real browser (the follow-up has its own file,
// console-follow-up.e2e.test.ts): implementation staff take a request from SUBMITTED to CLOSED and
// the customer then sees the module installed with its warranty; customers get a 403 page; axe
// finds nothing serious in Vietnamese or English on these screens and the follow-up; and each
// screen's JavaScript is weighed (gzipped), reported in screenshots/console-js-size.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  logIn,
  logOut,
  openBrowser,
  PHONE,
  seriousAxeViolations,
  type AxeViolation,
  type Browser,
} from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, startStack, type Stack } from './stack.ts';

const IMPLEMENTATION = 'impl@vendor.example';
const TITLE = 'Phân hệ mua hàng cho nhà máy nước Hà Nội';

let stack: Stack;
let browser: Browser;
let requestId = '';

beforeAll(async () => {
  stack = await startStack();
  browser = await openBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The customer's request, as it arrives from the portal's customer side.
  const { modules } = await stack.gql<{ modules: { edges: { node: { id: string; key: string } }[] } }>(
    ACCOUNTS.hanoiAdmin,
    '{ modules(first: 100) { edges { node { id key } } } }',
  );
  const purchasing = modules.edges.find((edge) => edge.node.key === 'purchasing')!.node.id;
  const created = await stack.gql<{ moduleRequestCreate: { moduleRequest: { id: string } | null } }>(
    ACCOUNTS.hanoiAdmin,
    'mutation ($input: ModuleRequestCreateInput!) { moduleRequestCreate(input: $input) { moduleRequest { id } } }',
    {
      input: { kind: 'NEW_MODULE', moduleId: purchasing, title: TITLE, description: 'Đề nghị mua và nhập kho vật tư.' },
    },
  );
  requestId = created.moduleRequestCreate.moduleRequest!.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const requestPath = () => `/console/requests/${encodeURIComponent(requestId)}`;

async function setLocale(locale: 'VI' | 'EN'): Promise<void> {
  await browser.context.addCookies([{ name: 'ud_locale', value: locale, url: stack.portal }]);
}

/** Logs in as `email` in Vietnamese, whoever was logged in before (a failed test may have left a session). */
async function logInAs(email: string, path: string): Promise<void> {
  await browser.context.clearCookies();
  await setLocale('VI');
  await logIn(browser.page, stack.portal, email, path);
}

describe('the request queue', () => {
  it('shows the new request on the board and in the filtered list', async () => {
    const { page } = browser;
    await logInAs(IMPLEMENTATION, '/console/requests');
    expect(await page.locator('h1').textContent()).toBe('Yêu cầu phân hệ');
    const submitted = page.locator('section', { has: page.locator('#column-SUBMITTED') });
    expect(await submitted.getByTestId('queue-card').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(TITLE)]),
    );
    // Ten columns, one per open stage.
    expect(await page.locator('.board__column').count()).toBe(10);

    // The filters work without JavaScript: a plain GET form.
    await page.selectOption('#filter-customer', { label: 'Công ty Nước sạch Hà Nội' });
    await page.selectOption('#filter-stage', 'SUBMITTED');
    await Promise.all([page.waitForURL(/stage=SUBMITTED/), page.click('[data-testid="queue-filter"] button')]);
    await page.getByRole('link', { name: 'Danh sách' }).click();
    await page.waitForURL(/view=list/);
    const rows = page.getByTestId('queue-row');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('Công ty Nước sạch Hà Nội');
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(TITLE)]));
  });

  it('lets implementation staff assign, comment, move the request through every stage and close it', async () => {
    const { page } = browser;
    await logInAs(IMPLEMENTATION, requestPath());
    expect(await page.locator('h1').textContent()).toBe(TITLE);

    await page.selectOption('#assignee', { label: 'Phạm Văn Long' });
    await page.getByTestId('assign').click();
    await expect.poll(() => page.getByTestId('request-assignee').textContent()).toBe('Phạm Văn Long');

    await page.fill('#comment-body', 'Đã hẹn khảo sát tại nhà máy thứ Hai.');
    await page.getByTestId('post-comment').click();
    await expect
      .poll(() => page.getByTestId('request-activity').textContent())
      .toContain('Đã hẹn khảo sát tại nhà máy thứ Hai.');

    // SUBMITTED to WARRANTY: nine steps, one button each time, then closing.
    for (let step = 0; step < 9; step += 1) {
      const before = await page.getByTestId('request-stage').textContent();
      await page.getByTestId('advance').click();
      await expect.poll(() => page.getByTestId('request-stage').textContent()).not.toBe(before);
    }
    expect(await page.getByTestId('advance').textContent()).toContain('Đóng yêu cầu');
    await page.getByTestId('advance').click();
    await expect.poll(() => page.getByTestId('request-stage').textContent()).toContain('Hoàn tất');
    // Nothing left to do on a closed request: no stage buttons, no assignment, no comment form.
    expect(await page.getByTestId('stage-actions').count()).toBe(0);
    expect(await page.getByTestId('assign').count()).toBe(0);
    expect(await page.getByTestId('post-comment').count()).toBe(0);
    expect(await page.getByTestId('request-warranty').textContent()).toMatch(/đến \d{2}\/\d{2}\/\d{4}/);

    // The API agrees, and recorded every step.
    const { node } = await stack.gql<{
      node: { stage: string; timeline: { kind: string }[]; installedModule: { warrantyEndsAt: string | null } | null };
    }>(
      IMPLEMENTATION,
      'query ($id: ID!) { node(id: $id) { ... on ModuleRequest { stage timeline { kind } installedModule { warrantyEndsAt } } } }',
      {
        id: requestId,
      },
    );
    expect(node.stage).toBe('CLOSED');
    expect(node.timeline.filter((event) => event.kind === 'STAGE')).toHaveLength(11);
    expect(node.installedModule?.warrantyEndsAt).toBeTruthy();
    await logOut(page);
  });

  it('rejects a request only with a reason, which the timeline keeps', async () => {
    const { page } = browser;
    const { openModuleRequests } = await stack.gql<{ openModuleRequests: { edges: { node: { id: string } }[] } }>(
      IMPLEMENTATION,
      '{ openModuleRequests(stage: SUBMITTED, first: 10) { edges { node { id } } } }',
    );
    const other = openModuleRequests.edges.find((edge) => edge.node.id !== requestId)!.node.id;
    await logInAs(IMPLEMENTATION, `/console/requests/${encodeURIComponent(other)}`);
    // The reason is required before the form is even sent.
    expect(await page.locator('#reject-note').getAttribute('required')).not.toBeNull();
    await page.fill('#reject-note', 'Nhu cầu đã được đáp ứng bởi phân hệ Bán hàng hiện có.');
    await page.getByTestId('reject').click();
    await expect.poll(() => page.getByTestId('request-stage').textContent()).toContain('Bị từ chối');
    expect(await page.getByTestId('request-activity').textContent()).toContain(
      'Nhu cầu đã được đáp ứng bởi phân hệ Bán hàng hiện có.',
    );
    expect(await page.getByTestId('stage-actions').count()).toBe(0);
  });

  it('shows a role that may not move requests no stage button and no assignment', async () => {
    const { page } = browser;
    const { openModuleRequests } = await stack.gql<{ openModuleRequests: { edges: { node: { id: string } }[] } }>(
      ACCOUNTS.engineer,
      '{ openModuleRequests(first: 1) { edges { node { id } } } }',
    );
    await logInAs(ACCOUNTS.engineer, `/console/requests/${encodeURIComponent(openModuleRequests.edges[0]!.node.id)}`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByTestId('request-stage').count()).toBe(1);
    expect(await page.getByTestId('stage-actions').count()).toBe(0);
    expect(await page.getByTestId('assign').count()).toBe(0);
  });

  it('moves a request, and filters the queue, without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const { openModuleRequests } = await stack.gql<{
        openModuleRequests: { edges: { node: { id: string; stage: string } }[] };
      }>(IMPLEMENTATION, '{ openModuleRequests(stage: CONSULTATION, first: 1) { edges { node { id stage } } } }');
      const id = openModuleRequests.edges[0]!.node.id;
      await plain.context.addCookies([{ name: 'ud_locale', value: 'VI', url: stack.portal }]);
      await logIn(plain.page, stack.portal, IMPLEMENTATION, `/console/requests/${encodeURIComponent(id)}`);
      await plain.page.fill('#advance-note', 'Đã thống nhất phạm vi với khách hàng.');
      await Promise.all([plain.page.waitForLoadState('load'), plain.page.getByTestId('advance').click()]);
      await expect.poll(() => plain.page.getByTestId('request-stage').textContent()).toContain('Phân tích');
      expect(await plain.page.getByTestId('request-activity').textContent()).toContain(
        'Đã thống nhất phạm vi với khách hàng.',
      );

      await plain.page.goto(`${stack.portal}/console/requests?view=list`);
      await plain.page.selectOption('#filter-stage', 'ANALYSIS');
      await Promise.all([
        plain.page.waitForURL(/stage=ANALYSIS/),
        plain.page.click('[data-testid="queue-filter"] button'),
      ]);
      const stages = await plain.page.getByTestId('queue-row').locator('.badge').allTextContents();
      expect(stages.length).toBeGreaterThan(0);
      expect(new Set(stages.map((stage) => stage.trim()))).toEqual(new Set(['Phân tích và thiết kế']));
    } finally {
      await plain.close();
    }
  });

  it('shows the customer the module installed, with its warranty', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.hanoiAdmin, '/modules');
    const purchasing = page.locator('[data-module-key="purchasing"]');
    expect(await purchasing.textContent()).toContain('Đã cài đặt');
    expect(await purchasing.textContent()).toMatch(/Bảo hành đến \d{2}\/\d{2}\/\d{4}/);
    await page.goto(`${stack.portal}/requests/${encodeURIComponent(requestId)}`);
    expect(await page.getByTestId('request-final').textContent()).toContain('Yêu cầu đã hoàn tất.');
  });

  it('refuses customers every console URL with a 403 page', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.hanoiUser, '/');
    for (const url of ['/console/requests', '/console/requests?view=list', requestPath(), '/console/follow-up']) {
      const response = await page.goto(`${stack.portal}${url}`);
      expect(response?.status(), url).toBe(403);
      expect(await page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này.');
    }
    await logOut(page);
  });
});

async function scriptBytes(page: Page, url: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() !== 'script') return;
    sizes.push(
      response.body().then(
        (body) => gzipSync(body, { level: 9 }).length,
        () => 0,
      ),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  return (await Promise.all(sizes)).reduce((total, bytes) => total + bytes, 0);
}

describe('every console screen', () => {
  it('has no serious accessibility violation in Vietnamese and English, fits a phone, and loads little JavaScript', async () => {
    const { page, context } = browser;
    await logInAs(IMPLEMENTATION, '/console/requests');
    const { openModuleRequests } = await stack.gql<{ openModuleRequests: { edges: { node: { id: string } }[] } }>(
      IMPLEMENTATION,
      '{ openModuleRequests(first: 1) { edges { node { id } } } }',
    );
    const openId = openModuleRequests.edges[0]!.node.id;
    const screens: [name: string, path: string][] = [
      ['queue-board', '/console/requests'],
      ['queue-list', '/console/requests?view=list'],
      ['request-open', `/console/requests/${encodeURIComponent(openId)}`],
      ['request-closed', requestPath()],
      ['follow-up', '/console/follow-up'],
    ];
    // No cache: every screen is weighed as a first visit.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const problems: { page: string; violations: AxeViolation[] }[] = [];
    const javaScript: Record<string, number> = {};
    for (const locale of ['VI', 'EN'] as const) {
      await setLocale(locale);
      for (const [name, screenPath] of screens) {
        const bytes = await scriptBytes(page, `${stack.portal}${screenPath}`);
        if (locale === 'VI') javaScript[name] = bytes;
        const label = `console-${name}-${locale.toLowerCase()}`;
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${label}.png`), fullPage: true });
        const violations = await seriousAxeViolations(page);
        if (violations.length > 0) problems.push({ page: label, violations });
      }
    }
    // A 375 px phone: wide boards and tables scroll inside themselves, the page does not.
    await page.setViewportSize(PHONE);
    const overflowing: string[] = [];
    for (const [name, screenPath] of screens) {
      await page.goto(`${stack.portal}${screenPath}`, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `console-${name}-en-phone.png`), fullPage: true });
      if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) overflowing.push(name);
    }
    await page.setViewportSize(DESKTOP);
    expect(overflowing).toEqual([]);
    writeFileSync(path.join(SCREENSHOT_DIR, 'console-js-size.json'), `${JSON.stringify(javaScript, null, 2)}\n`);
    console.log(`console JavaScript, gzipped bytes per screen: ${JSON.stringify(javaScript)}`);
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    for (const [name, bytes] of Object.entries(javaScript)) {
      expect(bytes, name).toBeGreaterThan(5 * 1024);
      expect(bytes, name).toBeLessThan(100 * 1024);
    }
  });
});
