// The module catalog and module requests: a customer admin requests a module from the catalog and
// follows it in /requests (comment, withdraw); a customer user reads but cannot request.
import { describe, expect, it } from 'vitest';
import { logIn, logOut, type Browser } from './browser.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

describe('module requests', () => {
  const title = 'Quản lý mua vật tư đồng hồ nước';
  let requestPath = '';

  it('shows the catalog by category with the installed modules marked', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiAdmin, '/modules');
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Tài chính – Kế toán', 'Chuỗi cung ứng', 'Giải pháp chuyên ngành']),
    );
    const accounting = page.locator('[data-module-key="accounting"]');
    expect(await accounting.textContent()).toContain('Đã cài đặt');
    expect(await accounting.textContent()).toMatch(/Phiên bản đang dùng: \d+\.\d+/);
    expect(await accounting.textContent()).toMatch(/(Bảo hành đến|Hết bảo hành từ) \d{2}\/\d{2}\/\d{4}/);
    expect(await page.locator('[data-module-key="purchasing"]').textContent()).not.toContain('Đã cài đặt');
  });

  it('lets a customer admin request a module from the catalog, showing its prerequisites', async () => {
    const { page } = browser;
    const purchasing = page.locator('[data-module-key="purchasing"]');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/requests/new'),
      purchasing.getByTestId('request-module').click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Đăng ký bổ sung phân hệ');
    const prerequisites = await page.getByTestId('prerequisites').textContent();
    expect(prerequisites).toContain('Kế toán tổng hợp');
    expect(prerequisites).toContain('Quản lý kho');

    // A missing title is pointed out next to the field.
    await page.fill('#description', 'Theo dõi đề nghị mua và nhập kho vật tư đồng hồ nước.');
    await page.getByTestId('submit-request').click();
    await expect.poll(() => page.locator('#title-error').textContent()).toContain('Vui lòng nhập tiêu đề');
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBe('true');

    await page.fill('#title', title);
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/requests/') && url.pathname !== '/requests/new'),
      page.getByTestId('submit-request').click(),
    ]);
    requestPath = decodeURIComponent(new URL(page.url()).pathname);
    expect(await page.getByRole('status').first().textContent()).toContain('Đã gửi yêu cầu');
    expect(await page.locator('h1').textContent()).toBe(title);
    const current = page.locator('[data-testid="request-steps"] [aria-current="step"]');
    expect(await current.textContent()).toContain('Đã tiếp nhận yêu cầu');
    expect(await page.locator('[data-testid="request-steps"] li').count()).toBe(10);

    const data = await stack.gql<{
      moduleRequests: { edges: { node: { title: string; stage: string; kind: string } }[] };
    }>(ACCOUNTS.hanoiAdmin, '{ moduleRequests(first: 100) { edges { node { title stage kind } } } }');
    expect(data.moduleRequests.edges.map((e) => e.node)).toContainEqual({
      title,
      stage: 'SUBMITTED',
      kind: 'NEW_MODULE',
    });
  });

  it('follows the request in /requests, with comments, and withdraws it', async () => {
    const { page } = browser;
    await page.goto(`${stack.portal}/requests`);
    const row = page.getByTestId('request').filter({ hasText: title });
    // Step 0 ("received") shows as the stage's name, not as a number.
    expect(await row.textContent()).toContain('Đã tiếp nhận yêu cầu');
    expect(await row.textContent()).not.toContain('Bước');
    await Promise.all([
      page.waitForURL((url) => decodeURIComponent(url.pathname) === requestPath),
      row.getByRole('link').click(),
    ]);

    await page.fill('#comment-body', 'Xin lịch tư vấn vào tuần sau.');
    await page.getByTestId('post-comment').click();
    await expect
      .poll(() => page.getByTestId('request-activity').textContent())
      .toContain('Xin lịch tư vấn vào tuần sau.');

    await page.fill('#withdraw-note', 'Đã có giải pháp khác.');
    await page.getByTestId('withdraw').click();
    await expect
      .poll(() => page.getByTestId('request-final').textContent())
      .toContain('Công ty đã rút lại yêu cầu này.');
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    expect(await page.locator('#comment-body').count()).toBe(0);
    await logOut(page);
  });

  it('lets a customer user read the catalog and the requests, but not request or withdraw', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiUser, '/modules');
    expect(await page.getByTestId('module').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('request-module').count()).toBe(0);

    const moduleId = await stack
      .gql<{ modules: { edges: { node: { id: string; key: string } }[] } }>(
        ACCOUNTS.hanoiUser,
        '{ modules(first: 100) { edges { node { id key } } } }',
      )
      .then((d) => d.modules.edges.find((e) => e.node.key === 'production')!.node.id);
    const response = await page.goto(`${stack.portal}/requests/new?module=${encodeURIComponent(moduleId)}`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này.');

    await page.goto(`${stack.portal}/requests`);
    const open = page.getByTestId('request').first();
    await Promise.all([
      page.waitForURL((url) => /^\/requests\/[^/]+$/.test(url.pathname)),
      open.getByRole('link').click(),
    ]);
    expect(await page.getByTestId('request-steps').count()).toBe(1);
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    await logOut(page);
  });
});
