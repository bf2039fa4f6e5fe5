// The staff console's module-request queue and notice policies in a real browser (the follow-up has
// its own file, console-follow-up.e2e.test.ts): implementation staff take a request from SUBMITTED to
// CLOSED (sending it back to development once, which the engineer rebuilds) and the customer then
// sees the module installed with its warranty; an admin previews a policy change and saves it;
// customers get a 403 page; axe finds nothing serious in Vietnamese or English; and each
// screen's JavaScript is weighed (gzipped), reported in screenshots/console-js-size.json.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  logIn,
  logOut,
  openBrowser,
  PHONE,
  seriousAxeViolations,
  type AxeViolation,
  type Browser,
  setPortalLocale,
  logInAfresh,
} from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const IMPLEMENTATION = 'impl@vendor.example';
const TITLE = 'Phân hệ mua hàng cho nhà máy nước Hà Nội';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));
let requestId = '';
/** The module the walked request delivered: its warranty end, and its customer's zone. */
let delivered: { warrantyEndsAt: string; timeZone: string } | null = null;

beforeAll(async () => {
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

const requestPath = () => `/console/requests/${encodeURIComponent(requestId)}`;

const setLocale = (locale: 'VI' | 'EN') => setPortalLocale(browser, stack.portal, locale);
const logInAs = (email: string, path: string) => logInAfresh(browser, stack.portal, email, path);

/** Presses the request page's forward button `steps` times, waiting for each step to show. */
async function advance(steps: number): Promise<void> {
  const { page } = browser;
  for (let step = 0; step < steps; step += 1) {
    const before = await page.getByTestId('request-stage').textContent();
    await page.getByTestId('advance').click();
    // The machine running the browser may be busy: wait for the step as long as it takes.
    await expect.poll(() => page.getByTestId('request-stage').textContent(), { timeout: 20_000 }).not.toBe(before);
  }
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

  it('lets implementation staff assign, comment and send the request back to development, the engineer rebuild it, and implementation close it', async () => {
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

    // SUBMITTED to SANDBOX_TESTING: five steps, one button each time.
    await advance(5);
    expect(await page.getByTestId('request-stage').textContent()).toContain('Kiểm thử trên sandbox');
    // The sandbox test failed: back to development, only with a reason the customer reads.
    expect(await page.locator('#send-back-note').getAttribute('required')).not.toBeNull();
    await page.fill('#send-back-note', 'Phiếu nhập kho chưa tính thuế nhập khẩu.');
    await page.getByTestId('send-back').click();
    await expect
      .poll(() => page.getByTestId('request-stage').textContent(), { timeout: 20_000 })
      .toContain('Xây dựng phần mềm');
    expect(await page.getByTestId('request-activity').textContent()).toContain(
      'Phiếu nhập kho chưa tính thuế nhập khẩu.',
    );
    // Implementation staff do not set warranties, and see no policy editor.
    expect(await page.getByRole('link', { name: 'Chính sách thông báo' }).count()).toBe(0);

    // The engineer rebuilds it and takes it through the sandbox to verification, where their part ends.
    await logInAs(ACCOUNTS.engineer, requestPath());
    expect(await page.getByTestId('reject').count()).toBe(0);
    expect(await page.getByTestId('assign').count()).toBe(0);
    await advance(2);
    expect(await page.getByTestId('request-stage').textContent()).toContain('Kiểm tra tính đúng đắn');
    expect(await page.getByTestId('stage-actions').count()).toBe(0);

    // Implementation staff install, train, and hand over under warranty: the date shows at that step.
    await logInAs(IMPLEMENTATION, requestPath());
    expect(await page.getByTestId('send-back').count()).toBe(1);
    await advance(3);
    expect(await page.getByTestId('request-stage').textContent()).toContain('Hỗ trợ và bảo hành');
    expect(await page.getByTestId('request-warranty').textContent()).toMatch(/đến \d{2}\/\d{2}\/\d{4}/);
    expect(await page.getByTestId('set-warranty').count()).toBe(0);
    expect(await page.getByTestId('advance').textContent()).toContain('Đóng yêu cầu');
    await page.getByTestId('advance').click();
    await expect.poll(() => page.getByTestId('request-stage').textContent(), { timeout: 20_000 }).toContain('Hoàn tất');
    // Nothing left to do on a closed request: no stage buttons, no assignment, no comment form.
    expect(await page.getByTestId('stage-actions').count()).toBe(0);
    expect(await page.getByTestId('assign').count()).toBe(0);
    expect(await page.getByTestId('post-comment').count()).toBe(0);
    expect(await page.getByTestId('request-warranty').textContent()).toMatch(/đến \d{2}\/\d{2}\/\d{4}/);

    // The API agrees, and recorded every step: received, twelve moves (one of them back).
    const { node } = await stack.gql<{
      node: {
        stage: string;
        timeline: { kind: string }[];
        installedModule: { warrantyEndsAt: string | null } | null;
        customer: { timeZone: string };
      };
    }>(
      IMPLEMENTATION,
      'query ($id: ID!) { node(id: $id) { ... on ModuleRequest { stage timeline { kind } installedModule { warrantyEndsAt } customer { timeZone } } } }',
      {
        id: requestId,
      },
    );
    expect(node.stage).toBe('CLOSED');
    expect(node.timeline.filter((event) => event.kind === 'STAGE')).toHaveLength(13);
    expect(node.installedModule?.warrantyEndsAt).toBeTruthy();
    delivered = { warrantyEndsAt: node.installedModule!.warrantyEndsAt!, timeZone: node.customer.timeZone };
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
    await expect
      .poll(() => page.getByTestId('request-stage').textContent(), { timeout: 20_000 })
      .toContain('Bị từ chối');
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
      await setPortalLocale(plain, stack.portal, 'VI');
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

  it("shows the customer the module installed, with its warranty end in the customer's zone", async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.hanoiAdmin, '/modules');
    const purchasing = page.locator('[data-module-key="purchasing"]');
    expect(await purchasing.textContent()).toContain('Đã cài đặt');
    // The warranty ends when a day starts in the customer's zone: another zone would show the day before.
    const day = new Intl.DateTimeFormat('vi-VN', {
      timeZone: delivered!.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(delivered!.warrantyEndsAt));
    expect(await purchasing.textContent()).toContain(`Bảo hành đến ${day}`);
    await page.goto(`${stack.portal}/requests/${encodeURIComponent(requestId)}`);
    expect(await page.getByTestId('request-final').textContent()).toContain('Yêu cầu đã hoàn tất.');
  });

  it('refuses customers every console URL with a 403 page', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.hanoiUser, '/');
    for (const url of [
      '/console/requests',
      '/console/requests?view=list',
      requestPath(),
      '/console/follow-up',
      '/console/policies',
    ]) {
      const response = await page.goto(`${stack.portal}${url}`);
      expect(response?.status(), url).toBe(403);
      expect(await page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này.');
    }
    await logOut(page);
  });
});

describe('the notice policies', () => {
  const ADMIN = 'admin@vendor.example';
  const PREVIEW = `query ($input: NoticePolicyUpdateInput!) {
    noticePolicyPreview(input: $input) { preview { standingUpgrades affectedUpgrades upgrades { shifts { stage } } } }
  }`;

  it('an admin previews a change without JavaScript, sees the notices it moves, then saves it', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await setPortalLocale(plain, stack.portal, 'VI');
      await logIn(plain.page, stack.portal, ADMIN, '/console/policies?kind=FEATURE');
      const { page } = plain;
      expect(await page.locator('h1').textContent()).toBe('Chính sách thông báo');
      expect(await page.getByRole('link', { name: 'Chính sách thông báo' }).count()).toBe(1);
      expect(await page.inputValue('#policy-reminderLeadHours')).toBe('48');

      await page.fill('#policy-reminderLeadHours', '72');
      await Promise.all([page.waitForLoadState('load'), page.getByTestId('policy-preview').click()]);
      await expect.poll(() => page.getByTestId('policy-effect').count(), { timeout: 20_000 }).toBe(1);
      // What the page shows is what the API previews for the same change; nothing is saved yet.
      const { noticePolicyPreview } = await stack.gql<{
        noticePolicyPreview: {
          preview: { standingUpgrades: number; affectedUpgrades: number; upgrades: { shifts: { stage: string }[] }[] };
        };
      }>(ADMIN, PREVIEW, { input: { kind: 'FEATURE', reminderLeadHours: 72 } });
      const { preview } = noticePolicyPreview;
      expect(preview.affectedUpgrades).toBeGreaterThan(0);
      const summary = await page.getByTestId('policy-effect-summary').textContent();
      expect(summary).toContain(`${preview.affectedUpgrades} trong số ${preview.standingUpgrades}`);
      const shifts = preview.upgrades.flatMap((u) => u.shifts);
      expect(await page.getByTestId('policy-shift').count()).toBe(shifts.length);
      expect(shifts.some((shift) => shift.stage === 'REMINDER')).toBe(true);
      expect(await page.inputValue('#policy-reminderLeadHours')).toBe('72');

      await Promise.all([page.waitForLoadState('load'), page.getByTestId('policy-save').click()]);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 20_000 }).toContain('Đã lưu chính sách');
      const { noticePolicies } = await stack.gql<{
        noticePolicies: { kind: string; reminderLeadHours: number | null }[];
      }>(ADMIN, '{ noticePolicies { kind reminderLeadHours } }');
      expect(noticePolicies).toContainEqual({ kind: 'FEATURE', reminderLeadHours: 72 });
    } finally {
      await plain.close();
    }
  });

  it('is for admins only', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.engineer, '/console/requests');
    expect(await page.getByRole('link', { name: 'Chính sách thông báo' }).count()).toBe(0);
    const response = await page.goto(`${stack.portal}/console/policies`);
    expect(response?.status()).toBe(403);
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
