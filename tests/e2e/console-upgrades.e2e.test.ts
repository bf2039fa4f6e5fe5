// The staff upgrades board in a real browser: an engineer lands on it after logging in, reads an
// upgrade's acknowledgement progress per customer in the list and in the week calendar (in the
// engineer's own time zone), and sees a customer's acknowledgement, given in another browser,
// arrive on the board without reloading the page. Customer care sees the board without the
// planning link.
import { localDateKey } from '@upgrade-desk/domain/time-zone';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHydrated, logIn, logOut, openBrowser, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, startStack, type Stack } from './stack.ts';

const CUSTOMER_CARE = 'care@vendor.example';
// The browsers' own zone (see openBrowser): the console shows staff times in it.
const STAFF_ZONE = 'America/New_York';

let stack: Stack;
let engineer: Browser;
let customer: Browser;

interface AwaitingNotice {
  id: string;
  upgrade: { id: string; title: string; windowStart: string };
}

/**
 * A HANOI-WATER notice awaiting its acknowledgement, of an upcoming upgrade for which it is the
 * customer's only one: acknowledging it turns the customer "acknowledged" on the board.
 */
async function awaitingNotice(): Promise<AwaitingNotice> {
  const data = await stack.gql<{
    upcomingMaintenance: { edges: { node: { id: string } }[] };
    notices: { edges: { node: AwaitingNotice }[] };
  }>(
    ACCOUNTS.hanoiUser,
    `{
      upcomingMaintenance(first: 100) { edges { node { id } } }
      notices(first: 100, filter: { unacknowledgedOnly: true }) {
        edges { node { id upgrade { id title windowStart } } }
      }
    }`,
  );
  const upcoming = new Set(data.upcomingMaintenance.edges.map((edge) => edge.node.id));
  const notices = data.notices.edges.map((edge) => edge.node).filter((n) => upcoming.has(n.upgrade.id));
  const only = notices.find((n) => notices.filter((other) => other.upgrade.id === n.upgrade.id).length === 1);
  if (!only) throw new Error('the demo data has no upcoming upgrade awaiting one acknowledgement from HANOI-WATER');
  return only;
}

const card = (page: Page, upgradeId: string) =>
  page.locator(`[data-testid="board-upgrade"][data-upgrade-id="${upgradeId}"]`);
const hanoiRow = (page: Page, upgradeId: string) =>
  card(page, upgradeId).locator('[data-testid="progress-row"][data-customer="HANOI-WATER"]');

beforeAll(async () => {
  stack = await startStack();
  [engineer, customer] = await Promise.all([openBrowser(), openBrowser()]);
}, 180_000);

afterAll(async () => {
  await customer?.close();
  await engineer?.close();
  await stack?.close();
});

describe('the upgrades board', () => {
  it("lands an engineer on the board, with each upgrade's warnings and progress per customer, in a list and a week", async () => {
    const { page } = engineer;
    const notice = await awaitingNotice();
    await engineer.context.addCookies([{ name: 'ud_staff_tz', value: STAFF_ZONE, url: stack.portal }]);
    await logIn(page, stack.portal, ACCOUNTS.engineer);
    expect(new URL(page.url()).pathname).toBe('/console/upgrades');
    expect(await page.locator('h1').textContent()).toBe('Các đợt nâng cấp');
    const nav = page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' });
    expect(await nav.getByRole('link').first().textContent()).toContain('Nâng cấp');
    // An engineer plans upgrades: the link to the form is offered.
    expect(await page.getByRole('link', { name: 'Lập kế hoạch nâng cấp' }).getAttribute('href')).toBe(
      '/console/upgrades/new',
    );

    // The list: the upgrade, linked to its page, with the customer's pending acknowledgement.
    const listed = card(page, notice.upgrade.id);
    expect(await listed.getByRole('link', { name: notice.upgrade.title }).getAttribute('href')).toBe(
      `/console/upgrades/${notice.upgrade.id}`,
    );
    expect(await listed.getByTestId('policy-warnings').count()).toBe(1);
    expect(['pending', 'overdue']).toContain(await hanoiRow(page, notice.upgrade.id).getAttribute('data-state'));
    expect(await listed.getByTestId('progress-summary').textContent()).toMatch(/\d+ đã xác nhận · \d+ đang chờ/);

    // The calendar opens on this week: seven days, Monday first.
    await expect.poll(() => isHydrated(page)).toBe(true);
    await page.getByRole('link', { name: 'Lịch', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'calendar');
    expect(await page.locator('[data-testid="calendar"] td.calendar__day').count()).toBe(7);
    expect(await page.locator('[data-testid="calendar"] th abbr').first().getAttribute('title')).toBe('Thứ Hai');

    // The upgrade's own week, its window placed on its day in the engineer's zone.
    const day = localDateKey(notice.upgrade.windowStart, STAFF_ZONE);
    await page.goto(`${stack.portal}/console/upgrades?view=calendar&date=${day}`);
    const inCell = page.locator(`td[data-day="${day}"] a.calendar__event`, { hasText: notice.upgrade.title });
    expect(await inCell.count()).toBe(1);
    expect(await hanoiRow(page, notice.upgrade.id).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-upgrades-week.png'), fullPage: true });
  });

  it("shows a customer's acknowledgement on the engineer's board without a reload", async () => {
    const { page } = engineer;
    const notice = await awaitingNotice();
    const day = localDateKey(notice.upgrade.windowStart, STAFF_ZONE);
    // The board opens its live stream once it is interactive.
    const streaming = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/graphql' &&
        (response.headers()['content-type'] ?? '').startsWith('text/event-stream'),
      { timeout: 20_000 },
    );
    await page.goto(`${stack.portal}/console/upgrades?view=calendar&date=${day}`);
    await streaming;
    await expect.poll(() => isHydrated(page)).toBe(true);
    // Whatever replaces the document (a reload, a navigation) drops this mark.
    await page.evaluate(() => Object.assign(window, { boardMark: 'same page' }));
    expect(['pending', 'overdue']).toContain(await hanoiRow(page, notice.upgrade.id).getAttribute('data-state'));

    // The customer acknowledges in the portal, in another browser.
    const { viewer } = await stack.gql<{ viewer: { name: string } }>(ACCOUNTS.hanoiUser, '{ viewer { name } }');
    await logIn(customer.page, stack.portal, ACCOUNTS.hanoiUser, '/notices');
    await expect.poll(() => isHydrated(customer.page)).toBe(true);
    await customer.page.locator(`[data-notice-id="${notice.id}"] [data-testid="acknowledge"]`).click();
    await expect
      .poll(() => customer.page.locator(`[data-notice-id="${notice.id}"] [data-testid="acknowledge"]`).count())
      .toBe(0);

    // The engineer's board shows it: the customer acknowledged, by whom, on the same page.
    await expect
      .poll(() => hanoiRow(page, notice.upgrade.id).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('acknowledged');
    expect(await hanoiRow(page, notice.upgrade.id).textContent()).toContain(`${viewer.name} xác nhận lúc`);
    expect(await page.getByTestId('board-live').textContent()).toContain(notice.upgrade.title);
    expect(await page.evaluate(() => (window as unknown as { boardMark?: string }).boardMark)).toBe('same page');
    await logOut(customer.page);
    await logOut(page);
  });

  it('shows customer care the board without the planning link, and keeps the filters in the URL', async () => {
    const { page } = engineer;
    const notice = await awaitingNotice();
    await logIn(page, stack.portal, CUSTOMER_CARE);
    expect(new URL(page.url()).pathname).toBe('/console/upgrades');
    expect(await page.getByRole('link', { name: 'Lập kế hoạch nâng cấp' }).count()).toBe(0);

    // Filtering by another customer leaves the HANOI-only upgrades out; by HANOI keeps this one.
    const customerOptions = await page
      .locator('#filter-customer option')
      .evaluateAll((options) =>
        options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
      );
    const hanoi = customerOptions.find((o) => o.label.includes('Hà Nội'))!;
    await page.selectOption('#filter-customer', hanoi.value);
    await page.getByTestId('board-filter').getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('customer') === hanoi.value);
    expect(await card(page, notice.upgrade.id).count()).toBe(1);
    await page.goto(`${stack.portal}/console/upgrades?kind=NONE&status=COMPLETED`);
    expect(await card(page, notice.upgrade.id).count()).toBe(0);
    await logOut(page);
  });
});
