// The staff console's first screens in a real browser: staff land in the console from the one login
// page, a customer gets a 403 page on every console URL (pages and form actions), an admin creates a
// customer with its account team, invites a user (and sends the invitation again) who then logs in
// from the emailed link, disables, enables and changes the role of a user, installs a
// module with a warranty date in the customer's zone, and creates a catalog module and publishes a
// version. Every console page passes axe in Vietnamese and English; its start-up JavaScript is
// measured (gzipped) and saved beside a screenshot of each page.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  gzippedBytes,
  isHydrated,
  logIn,
  logOut,
  seriousAxeViolations,
  startupScripts,
  type Browser,
} from './browser.ts';
import { passwordLinkFor } from './outbox.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const VENDOR_ADMIN = 'admin@vendor.example';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running), { signedOutBetweenTests: true });

async function customerId(code: string): Promise<string> {
  const data = await stack.gql<{ customers: { edges: { node: { id: string; code: string } }[] } }>(
    VENDOR_ADMIN,
    'query ($search: String) { customers(first: 10, search: $search) { edges { node { id code } } } }',
    { search: code },
  );
  return data.customers.edges.find((edge) => edge.node.code === code)!.node.id;
}

async function firstModuleId(): Promise<string> {
  const data = await stack.gql<{ modules: { edges: { node: { id: string } }[] } }>(
    VENDOR_ADMIN,
    '{ modules(first: 1) { edges { node { id } } } }',
  );
  return data.modules.edges[0]!.node.id;
}

/** A demo upgrade in `status` (the seed has one of every status). */
async function upgradeIdIn(status: string): Promise<string> {
  const data = await stack.gql<{ upgrades: { edges: { node: { id: string } }[] } }>(
    VENDOR_ADMIN,
    'query ($statuses: [UpgradeStatus!]) { upgrades(first: 1, filter: { statuses: $statuses }) { edges { node { id } } } }',
    { statuses: [status] },
  );
  return data.upgrades.edges[0]!.node.id;
}

/** Submits the form holding `button` and waits for the page to settle on its answer. */
async function submit(page: Page, selector: string): Promise<void> {
  await expect.poll(() => isHydrated(page)).toBe(true);
  await page.click(selector);
}

describe('who reaches the console', () => {
  it('staff land in the console after logging in; an engineer sees only the forms of the role', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.engineer);
    expect(new URL(page.url()).pathname).toBe('/console/upgrades');
    expect(await page.locator('h1').textContent()).toBe('Các đợt nâng cấp');
    expect(await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).textContent()).toContain(
      'Danh mục phân hệ',
    );
    // ENGINEER: no customer administration, but installed modules are theirs to manage.
    await page.goto(`${stack.portal}/console/customers`);
    expect(await page.getByRole('link', { name: 'Thêm khách hàng' }).count()).toBe(0);
    await page.goto(`${stack.portal}/console/customers/${encodeURIComponent(await customerId('HANOI-WATER'))}`);
    expect(await page.locator('[data-testid="invite-form"]').count()).toBe(0);
    expect(await page.locator('form[action="?/assignTeam"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Vô hiệu hóa/ }).count()).toBe(0);
    expect(await page.locator('[data-testid="install-form"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Sửa thông tin' }).count()).toBe(0);
    // And the admin-only pages answer 403 to an engineer.
    const response = await page.goto(`${stack.portal}/console/customers/new`);
    expect(response?.status()).toBe(403);
    await logOut(page);
  });

  it('a customer keeps the portal and gets a 403 page on every console URL, forms included', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiAdmin);
    expect(new URL(page.url()).pathname).toBe('/');
    const hanoi = encodeURIComponent(await customerId('HANOI-WATER'));
    const moduleId = encodeURIComponent(await firstModuleId());
    const upgrade = encodeURIComponent(await upgradeIdIn('SCHEDULED'));
    const urls = [
      '/console',
      '/console/upgrades',
      '/console/upgrades?view=calendar&span=month',
      '/console/customers',
      '/console/customers?q=HANOI',
      '/console/customers/new',
      `/console/customers/${hanoi}`,
      `/console/customers/${hanoi}/edit`,
      '/console/modules',
      '/console/modules/new',
      `/console/modules/${moduleId}`,
      '/console/upgrades/new',
      '/console/alerts',
      '/console/alerts?show=unread',
      '/console/advisories',
      `/console/upgrades/${upgrade}`,
      '/console/follow-up',
      '/console/policies',
    ];
    for (const url of urls) {
      const response = await page.goto(`${stack.portal}${url}`);
      expect(response?.status(), url).toBe(403);
      expect(await page.locator('main').textContent(), url).toContain('Bạn không có quyền xem trang này.');
    }
    // A form posted straight to a console action is refused before it reaches the API.
    const posted = await page.request.post(`${stack.portal}/console/customers/${hanoi}?/invite`, {
      form: { name: 'Kẻ lạ', email: 'stranger@hanoi-water.example', role: 'CUSTOMER_ADMIN' },
      headers: { origin: stack.portal },
    });
    expect(posted.status()).toBe(403);
    const users = await stack.gql<{ node: { users: { edges: { node: { email: string } }[] } } }>(
      VENDOR_ADMIN,
      'query ($id: ID!) { node(id: $id) { ... on Customer { users(first: 100) { edges { node { email } } } } } }',
      { id: decodeURIComponent(hanoi) },
    );
    expect(users.node.users.edges.map((edge) => edge.node.email)).not.toContain('stranger@hanoi-water.example');
    await logOut(page);
  });
});

describe('customer administration', () => {
  it('an admin creates a customer with its team, installs a module, invites a user who logs in from the email', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, VENDOR_ADMIN, '/console/customers');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/console/customers/new'),
      page.getByRole('link', { name: 'Thêm khách hàng' }).click(),
    ]);
    await page.fill('#customer-name', 'Phòng khám Đa khoa Hội An');
    await page.fill('#customer-code', 'HOIAN-CLINIC-E2E');
    await page.fill('#customer-industry', 'Y tế');
    await page.fill('#customer-province', 'Quảng Nam');
    await page.selectOption('#customer-zone', 'Asia/Bangkok');
    await page.selectOption('#customer-locale', 'EN');
    await Promise.all([
      page.waitForURL((url) => /^\/console\/customers\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
      submit(page, '[data-testid="customer-form"] button[type="submit"]'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Phòng khám Đa khoa Hội An');
    expect(await page.getByTestId('customer-zone').textContent()).toContain('Asia/Bangkok (UTC+07:00)');
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

    // The account team, picked from the vendor's staff.
    await page.selectOption('#team-implementationId', { index: 1 });
    await page.selectOption('#team-customerCareId', { index: 1 });
    await submit(page, 'form[action="?/assignTeam"] button[type="submit"]');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Đã phân công nhóm phụ trách.');
    expect(await page.getByTestId('account-team').locator('li').count()).toBe(2);

    // A module with a warranty ending on a day in the customer's zone (UTC+7).
    await page.selectOption('#install-module', { index: 1 });
    await page.fill('#install-warranty', '2027-12-31');
    await submit(page, '[data-testid="install-form"] button[type="submit"]');
    await expect.poll(() => page.getByTestId('installed-modules').locator('tbody tr').count()).toBe(1);

    // An invitation to the new customer's first admin.
    await page.fill('#invite-name', 'Lê Thị Hoa');
    await page.fill('#invite-email', 'hoa@hoian-clinic.example');
    await page.selectOption('#invite-role', 'CUSTOMER_ADMIN');
    await submit(page, '[data-testid="invite-form"] button[type="submit"]');
    await expect.poll(() => page.getByTestId('customer-users').textContent()).toContain('hoa@hoian-clinic.example');
    expect(await page.getByTestId('customer-users').textContent()).toContain('Đã mời, chưa đặt mật khẩu');

    const saved = await stack.gql<{
      node: {
        timeZone: string;
        locale: string;
        accountTeam: { role: string }[];
        installedModules: { edges: { node: { warrantyEndsAt: string } }[] };
        users: { edges: { node: { email: string; role: string; status: string; locale: string } }[] };
      };
    }>(
      VENDOR_ADMIN,
      `query ($id: ID!) { node(id: $id) { ... on Customer { timeZone locale accountTeam { role }
        installedModules(first: 10) { edges { node { warrantyEndsAt } } }
        users(first: 10) { edges { node { email role status locale } } } } } }`,
      { id },
    );
    expect(saved.node.timeZone).toBe('Asia/Bangkok');
    expect(saved.node.locale).toBe('EN');
    expect(saved.node.accountTeam.map((member) => member.role).sort()).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION']);
    expect(saved.node.installedModules.edges[0]!.node.warrantyEndsAt).toBe('2027-12-30T17:00:00.000Z');
    expect(saved.node.users.edges.map((edge) => edge.node)).toEqual([
      { email: 'hoa@hoian-clinic.example', role: 'CUSTOMER_ADMIN', status: 'INVITED', locale: 'EN' },
    ]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-customer-created.png'), fullPage: true });

    // The invitation is sent again: a new link, and the invitee uses that one.
    const firstLink = await passwordLinkFor(stack.outbox, 'hoa@hoian-clinic.example');
    await submit(page, '[data-testid="customer-users"] [data-testid="user-invite-resend"]');
    await expect.poll(() => page.locator('main').textContent()).toContain('Đã gửi lại lời mời');
    await expect.poll(() => passwordLinkFor(stack.outbox, 'hoa@hoian-clinic.example')).not.toBe(firstLink);
    await logOut(page);

    // The invitee opens the emailed link, sets a password and lands in the customer portal.
    const link = await passwordLinkFor(stack.outbox, 'hoa@hoian-clinic.example');
    await page.goto(`${stack.portal}${link}`);
    await page.fill('#password', 'một mật khẩu đủ dài');
    await page.fill('#confirm', 'một mật khẩu đủ dài');
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('main form button[type="submit"]')]);
    expect(await page.locator('main').textContent()).toContain('Phòng khám Đa khoa Hội An');
    await logOut(page);
  });

  it('an admin disables and enables a user, changes a role, and edits a customer', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, VENDOR_ADMIN);
    const hanoi = await customerId('HANOI-WATER');
    await page.goto(`${stack.portal}/console/customers/${encodeURIComponent(hanoi)}`);
    const user = page.getByTestId('customer-users').locator('tr', { hasText: ACCOUNTS.hanoiUser });
    const row = `[data-testid="customer-users"] tr:has-text("${ACCOUNTS.hanoiUser}")`;
    await submit(page, `${row} [data-testid="user-disable"]`);
    await expect.poll(() => user.textContent()).toContain('Đã vô hiệu hóa');
    await submit(page, `${row} [data-testid="user-enable"]`);
    await expect.poll(() => user.textContent()).toContain('Đang hoạt động');

    // A role change: the user becomes the customer's admin, and the API says so.
    const roleOf = async () =>
      (
        await stack.gql<{ node: { users: { edges: { node: { email: string; role: string } }[] } } }>(
          VENDOR_ADMIN,
          'query ($id: ID!) { node(id: $id) { ... on Customer { users(first: 50) { edges { node { email role } } } } } }',
          { id: hanoi },
        )
      ).node.users.edges.find((edge) => edge.node.email === ACCOUNTS.hanoiUser)!.node.role;
    expect(await roleOf()).toBe('CUSTOMER_USER');
    await page.selectOption(`${row} select[name="role"]`, 'CUSTOMER_ADMIN');
    await submit(page, `${row} [data-testid="user-role-change"]`);
    await expect.poll(roleOf).toBe('CUSTOMER_ADMIN');
    await expect.poll(() => page.locator('main').textContent()).toContain('Đã đổi vai trò của người dùng.');
    await page.selectOption(`${row} select[name="role"]`, 'CUSTOMER_USER');
    await submit(page, `${row} [data-testid="user-role-change"]`);
    await expect.poll(roleOf).toBe('CUSTOMER_USER');

    await page.goto(`${stack.portal}/console/customers/${encodeURIComponent(hanoi)}/edit`);
    await page.fill('#customer-phone', '024 3999 0000');
    await Promise.all([
      page.waitForURL((url) => !url.pathname.endsWith('/edit')),
      submit(page, '[data-testid="customer-form"] button[type="submit"]'),
    ]);
    expect(await page.locator('main').textContent()).toContain('024 3999 0000');
    await logOut(page);
  });
});

describe('module catalog', () => {
  it('an admin creates a module and publishes a version; release times are in the staff member’s zone', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, VENDOR_ADMIN);
    await page.goto(`${stack.portal}/console/modules/new`);
    await page.fill('#module-key', 'fleet-maintenance');
    await page.fill('#module-name-vi', 'Bảo dưỡng đội xe');
    await page.fill('#module-name-en', 'Fleet maintenance');
    await page.fill('#module-description-vi', 'Lịch bảo dưỡng và chi phí đội xe');
    await page.fill('#module-description-en', 'Fleet service schedules and costs');
    await page.selectOption('#module-category', 'supply-chain');
    await page.fill('#module-version', '1.0');
    await Promise.all([
      page.waitForURL((url) => /^\/console\/modules\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
      submit(page, '[data-testid="module-form"] button[type="submit"]'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Bảo dưỡng đội xe');
    // The browser runs in New York: once the console knows it, staff-side times are shown there.
    await page.reload();
    expect(await page.locator('main .note').first().textContent()).toContain('America/New_York');

    await page.fill('#version-number', '1.1');
    await page.fill('#version-released', '2026-12-01T09:00');
    await page.fill('#version-notes-vi', 'Nhắc lịch bảo dưỡng');
    await page.fill('#version-notes-en', 'Service reminders');
    await submit(page, '[data-testid="publish-form"] button[type="submit"]');
    await expect.poll(() => page.getByTestId('module-versions').locator('tbody tr').count()).toBe(2);
    const versions = await stack.gql<{
      modules: {
        edges: { node: { key: string; latestVersion: string; versions: { version: string; releasedAt: string }[] } }[];
      };
    }>(
      VENDOR_ADMIN,
      '{ modules(first: 100, search: "fleet") { edges { node { key latestVersion versions { version releasedAt } } } } }',
    );
    const fleet = versions.modules.edges.find((edge) => edge.node.key === 'fleet-maintenance')!.node;
    expect(fleet.latestVersion).toBe('1.1');
    // 09:00 in New York on 1 December (UTC-5).
    expect(fleet.versions[0]).toEqual({ version: '1.1', releasedAt: '2026-12-01T14:00:00.000Z' });
    await logOut(page);
  });
});

describe('every console page', () => {
  // Every console page twice (Vietnamese, English), each through axe: longer than a test's usual time.
  it('passes axe in Vietnamese and English; its start-up JavaScript is under 100 KB gzipped', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, VENDOR_ADMIN);
    const hanoi = encodeURIComponent(await customerId('HANOI-WATER'));
    const moduleId = encodeURIComponent(await firstModuleId());
    const scheduled = encodeURIComponent(await upgradeIdIn('SCHEDULED'));
    const draft = encodeURIComponent(await upgradeIdIn('DRAFT'));
    const pages = {
      upgrades: '/console/upgrades',
      'upgrades-week': '/console/upgrades?view=calendar',
      'upgrades-month': '/console/upgrades?view=calendar&span=month',
      // As the ADMIN: every call form and one-click reschedule shown.
      'follow-up': '/console/follow-up',
      customers: '/console/customers',
      'customers-search': '/console/customers?q=water',
      'customer-new': '/console/customers/new',
      customer: `/console/customers/${hanoi}`,
      'customer-edit': `/console/customers/${hanoi}/edit`,
      modules: '/console/modules',
      'module-new': '/console/modules/new',
      module: `/console/modules/${moduleId}`,
      'upgrade-new': '/console/upgrades/new',
      alerts: '/console/alerts',
      advisories: '/console/advisories',
      upgrade: `/console/upgrades/${scheduled}`,
      'upgrade-draft': `/console/upgrades/${draft}`,
      policies: '/console/policies',
      'policies-server': '/console/policies?kind=SERVER',
    };
    const gzipped = new Map<string, number>();
    const sizeOf = async (file: string) => {
      if (!gzipped.has(file)) {
        gzipped.set(file, await gzippedBytes(page, `${stack.portal}${file}`));
      }
      return gzipped.get(file)!;
    };
    const report: Record<string, number> = {};
    for (const locale of ['VI', 'EN'] as const) {
      if (locale === 'EN') {
        await expect.poll(() => isHydrated(page)).toBe(true);
        await page.getByRole('button', { name: 'English' }).click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      }
      for (const [name, url] of Object.entries(pages)) {
        const response = await page.goto(`${stack.portal}${url}`, { waitUntil: 'load' });
        expect(response?.status(), url).toBe(200);
        await expect.poll(() => isHydrated(page)).toBe(true);
        expect(await seriousAxeViolations(page), `${locale} ${url}`).toEqual([]);
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `console-${name}-${locale.toLowerCase()}.png`),
          fullPage: true,
        });
        if (locale === 'VI') {
          const files = await startupScripts(response, stack.portal);
          const sizes = await Promise.all([...files].map(sizeOf));
          report[url] = sizes.reduce((total, bytes) => total + bytes, 0);
          expect(files.size, url).toBeGreaterThan(2);
          expect(report[url], url).toBeLessThan(100 * 1024);
        }
      }
    }
    writeFileSync(path.join(SCREENSHOT_DIR, 'console-js-size.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      Object.entries(report)
        .map(([url, bytes]) => `${url}: ${(bytes / 1024).toFixed(1)} kB gzipped`)
        .join('\n'),
    );
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await logOut(page);
    // Every console page twice, axe and a full-page screenshot each: longer than one ordinary test.
  }, 300_000);
});
