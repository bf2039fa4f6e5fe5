// The account team's inbox and FIX advisories in a real browser: implementation staff edit a held
// advisory and release it, and the customer then reads the edited text in the portal; a customer's
// comment reaches the care staff's open inbox live, without a reload, and they mark alerts read,
// one and then all; a role that does not release advisories is neither offered nor shown them.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  isHydrated,
  liveStreamOpened,
  logIn,
  logOut,
  openBrowser,
  type Browser,
  setPortalLocale,
  logInAfresh,
} from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const IMPLEMENTATION = 'impl@vendor.example';
const CUSTOMER_CARE = 'care@vendor.example';
/** The demo's held advisory is VINHLONG-WATER's, whose team includes the implementation account. */
const VINHLONG_ADMIN = 'admin@vinhlong-water.example';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

const logInAs = (email: string, at: string) => logInAfresh(browser, stack.portal, email, at);

async function click(page: Page, selector: string): Promise<void> {
  await expect.poll(() => isHydrated(page)).toBe(true);
  await page.click(selector);
}

interface HeldAdvisory {
  id: string;
  title: string;
  customer: { code: string };
}

async function heldAdvisories(email: string): Promise<HeldAdvisory[]> {
  const data = await stack.gql<{ advisoriesAwaitingRelease: { edges: { node: HeldAdvisory }[] } }>(
    email,
    '{ advisoriesAwaitingRelease(first: 100) { edges { node { id title customer { code } } } } }',
  );
  return data.advisoriesAwaitingRelease.edges.map((edge) => edge.node);
}

describe('FIX advisories awaiting release', () => {
  it('implementation edits a held advisory, releases it, and the customer reads the edited text', async () => {
    const { page } = browser;
    const [held] = await heldAdvisories(IMPLEMENTATION);
    expect(held?.customer.code).toBe('VINHLONG-WATER');
    await logInAs(IMPLEMENTATION, '/console/advisories');
    expect(await page.locator('h1').textContent()).toBe('Thông báo sửa lỗi chờ phát hành');
    expect(await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).textContent()).toContain(
      'Thông báo sửa lỗi',
    );
    const card = page.getByTestId('advisory').filter({ hasText: held!.title });
    expect(await card.textContent()).toContain('Công ty Cổ phần Cấp nước Vĩnh Long');
    // The window in the customer's zone; the wait in the staff member's own (the browser's, New York).
    expect(await card.getByTestId('advisory-window').textContent()).toMatch(/\(UTC\+07:00\)/);
    await expect.poll(() => card.getByTestId('advisory-waiting').textContent()).toMatch(/\(UTC-05:00\)/);

    const title = 'Sửa lỗi tính tiền nước bậc thang (đã rà soát)';
    const body = 'Kính gửi Quý khách hàng,\nBản sửa lỗi tính tiền nước bậc thang sẽ được cài đặt tối nay.';
    await card.locator('summary').click();
    await card.locator('input[name="title"]').fill(title);
    await card.locator('textarea[name="body"]').fill(body);
    await click(page, '[data-testid="advisory"] [data-testid="advisory-save"]');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu nội dung thông báo.' }).count()).toBe(1);
    const edited = page.getByTestId('advisory').filter({ hasText: title });
    expect(await edited.getByTestId('advisory-body').textContent()).toContain('sẽ được cài đặt tối nay');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-inbox-advisory.png'), fullPage: true });

    await click(page, '[data-testid="advisory"] [data-testid="advisory-release"]');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Đã phát hành “${title}”` })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('advisory').filter({ hasText: title }).count()).toBe(0);
    expect(await heldAdvisories(IMPLEMENTATION)).toEqual([]);
    await logOut(page);

    // The worker publishes it at once; the customer reads the text as the team left it.
    await logInAs(VINHLONG_ADMIN, '/notices');
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('notice').filter({ hasText: title }).count();
      })
      .toBe(1);
    expect(await page.getByTestId('notice').filter({ hasText: title }).textContent()).toContain(
      'sẽ được cài đặt tối nay',
    );
    await logOut(page);
  });

  it('is neither offered nor open to an engineer, whom the API refuses anyway', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.engineer, '/console/alerts');
    const nav = page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' });
    expect(await nav.textContent()).toContain('Cảnh báo');
    expect(await nav.textContent()).not.toContain('Thông báo sửa lỗi');
    const response = await page.goto(`${stack.portal}/console/advisories`);
    expect(response?.status()).toBe(403);
    const posted = await page.request.post(`${stack.portal}/console/advisories?/release`, {
      form: { noticeId: 'Tm90aWNlOjE=' },
      headers: { origin: stack.portal },
    });
    expect(posted.status()).toBe(403);
    await logOut(page);
  });
});

describe('the staff inbox', () => {
  it("shows a customer's comment live in care's open inbox, and marks alerts read, one then all", async () => {
    const { page } = browser;
    const { openModuleRequests } = await stack.gql<{
      openModuleRequests: { edges: { node: { id: string; title: string; customer: { code: string } } }[] };
    }>(CUSTOMER_CARE, '{ openModuleRequests(first: 50) { edges { node { id title customer { code } } } } }');
    const request = openModuleRequests.edges.map((edge) => edge.node).find((r) => r.customer.code === 'HANOI-WATER')!;

    // The seeded inbox: the demo's recent requests and comments, unread.
    const streamed = liveStreamOpened(page);
    await logInAs(CUSTOMER_CARE, '/console/alerts');
    await streamed;
    expect(await page.locator('h1').textContent()).toBe('Cảnh báo');
    const alerts = page.getByTestId('staff-alert');
    const seeded = await alerts.count();
    expect(seeded).toBeGreaterThan(0);
    const unreadBefore = await stack.gql<{ staffAlerts: { unreadCount: number } }>(
      CUSTOMER_CARE,
      '{ staffAlerts(first: 1) { unreadCount } }',
    );
    expect(await page.getByTestId('unread-alerts-badge').textContent()).toContain(
      String(unreadBefore.staffAlerts.unreadCount),
    );

    // The customer comments (as the portal would); the alert arrives without a reload.
    const comment = 'Chúng tôi cần thêm báo cáo theo từng chi nhánh, xin liên hệ lại.';
    await stack.gql(
      ACCOUNTS.hanoiAdmin,
      'mutation ($input: ModuleRequestCommentInput!) { moduleRequestComment(input: $input) { userErrors { code } } }',
      { input: { id: request.id, body: comment } },
    );
    await expect.poll(() => alerts.first().textContent(), { timeout: 15_000 }).toContain(comment);
    expect(await alerts.count()).toBe(seeded + 1);
    expect(await page.getByTestId('alerts-live').textContent()).toContain('Có 1 cảnh báo mới.');
    expect(await alerts.first().textContent()).toContain('Bình luận của khách hàng');
    // It leads to the request's console page.
    const href = await alerts.first().getByTestId('alert-link').getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toBe(`/console/requests/${request.id}`);
    const unread = unreadBefore.staffAlerts.unreadCount + 1;
    expect(await page.getByTestId('alerts-unread').textContent()).toBe(`${unread} cảnh báo chưa đọc`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-inbox-live.png'), fullPage: true });

    // Mark the new one read: the count drops, in the page and in the API.
    await click(page, '[data-testid="staff-alert"]:first-child [data-testid="alert-read"]');
    await expect.poll(() => page.getByTestId('alerts-unread').textContent()).toBe(`${unread - 1} cảnh báo chưa đọc`);
    expect(await alerts.first().getByTestId('alert-read').count()).toBe(0);
    expect(await alerts.first().textContent()).toContain(comment);
    const afterOne = await stack.gql<{ staffAlerts: { unreadCount: number } }>(
      CUSTOMER_CARE,
      '{ staffAlerts(first: 1) { unreadCount } }',
    );
    expect(afterOne.staffAlerts.unreadCount).toBe(unread - 1);

    // Then all of them; the navigation's count goes too.
    await click(page, '[data-testid="alerts-read-all"]');
    await expect.poll(() => page.getByTestId('alerts-unread').textContent()).toBe('0 cảnh báo chưa đọc');
    expect(await page.getByTestId('alert-read').count()).toBe(0);
    await expect.poll(() => page.getByTestId('unread-alerts-badge').count()).toBe(0);
    await page.goto(`${stack.portal}/console/alerts?show=unread`);
    expect(await page.getByTestId('staff-alert').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Bạn đã đọc hết cảnh báo.');
    await logOut(page);
  });

  it('marks an alert read without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await setPortalLocale(plain, stack.portal, 'VI');
      await logIn(plain.page, stack.portal, IMPLEMENTATION, '/console/alerts?show=unread');
      const before = await plain.page.getByTestId('staff-alert').count();
      expect(before).toBeGreaterThan(0);
      await Promise.all([
        plain.page.waitForLoadState('load'),
        plain.page.locator('[data-testid="alert-read"]').first().click(),
      ]);
      await expect.poll(() => plain.page.getByTestId('staff-alert').count()).toBe(before - 1);
      expect(new URL(plain.page.url()).search).toContain('show=unread');
    } finally {
      await plain.close();
    }
  });
});
