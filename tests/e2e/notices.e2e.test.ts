// The notice inbox: acknowledging one and several (the API records them), without JavaScript too,
// and notices published by the vendor's staff arriving live, without a reload.
import { beforeAll, describe, expect, it } from 'vitest';
import { liveStreamOpened, logIn, openBrowser, type Browser } from './browser.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

beforeAll(async () => {
  await logIn(browser.page, stack.portal, ACCOUNTS.hanoiUser, '/notices');
});

interface NoticeState {
  node: { acknowledgedAt: string | null; acknowledgedBy: { email: string } | null } | null;
}

async function noticeState(email: string, id: string) {
  const data = await stack.gql<NoticeState>(
    email,
    'query ($id: ID!) { node(id: $id) { ... on Notice { acknowledgedAt acknowledgedBy { email } } } }',
    { id },
  );
  return data.node;
}

async function unacknowledgedCount(email: string): Promise<number> {
  const data = await stack.gql<{ viewer: { customer: { unacknowledgedNoticeCount: number } } }>(
    email,
    '{ viewer { customer { unacknowledgedNoticeCount } } }',
  );
  return data.viewer.customer.unacknowledgedNoticeCount;
}

const badge = (browserPage: Browser['page']) => browserPage.getByTestId('unacknowledged-badge');

describe('acknowledging notices', () => {
  it('lists the notices awaiting an acknowledgement first', async () => {
    const { page } = browser;
    const awaiting = await unacknowledgedCount(ACCOUNTS.hanoiUser);
    expect(awaiting).toBeGreaterThanOrEqual(2);
    const notices = page.getByTestId('notice');
    for (let i = 0; i < awaiting; i++) {
      await expect.poll(() => notices.nth(i).getByTestId('acknowledge').count()).toBe(1);
    }
    expect(await notices.nth(awaiting).getByTestId('acknowledge').count()).toBe(0);
    expect(await badge(page).textContent()).toContain(String(awaiting));
  });

  it('acknowledges one with its "Xác nhận" button, and the API confirms', async () => {
    const { page } = browser;
    const before = await unacknowledgedCount(ACCOUNTS.hanoiUser);
    const notice = page
      .getByTestId('notice')
      .filter({ has: page.getByTestId('acknowledge') })
      .first();
    const id = (await notice.getAttribute('data-notice-id'))!;
    const button = notice.getByTestId('acknowledge');
    expect(await button.textContent()).toContain('Xác nhận');

    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã xác nhận 1 thông báo.' }).count()).toBe(1);
    await expect.poll(() => page.locator(`[data-notice-id="${id}"] [data-testid="acknowledge"]`).count()).toBe(0);

    const state = await noticeState(ACCOUNTS.hanoiUser, id);
    expect(state?.acknowledgedAt).not.toBeNull();
    expect(state?.acknowledgedBy?.email).toBe(ACCOUNTS.hanoiUser);
    expect(await unacknowledgedCount(ACCOUNTS.hanoiUser)).toBe(before - 1);
    await expect.poll(() => badge(page).textContent()).toContain(String(before - 1));
  });

  it('acknowledges several at once', async () => {
    const { page } = browser;
    const boxes = page.locator('input[name="ids"]');
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    await page.getByTestId('acknowledge-selected').click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Đã xác nhận ${count} thông báo.`);
    await expect.poll(() => page.getByText('Không có thông báo nào cần xác nhận.').count()).toBe(1);
    expect(await unacknowledgedCount(ACCOUNTS.hanoiUser)).toBe(0);
    expect(await badge(page).count()).toBe(0);
  });

  it('works without JavaScript: reading and acknowledging are plain forms', async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noScript;
      await logIn(page, stack.portal, ACCOUNTS.saigonUser, '/notices');
      const before = await unacknowledgedCount(ACCOUNTS.saigonUser);
      expect(before).toBeGreaterThanOrEqual(1);
      const notice = page
        .getByTestId('notice')
        .filter({ has: page.getByTestId('acknowledge') })
        .first();
      const id = (await notice.getAttribute('data-notice-id'))!;
      await Promise.all([page.waitForEvent('load'), notice.getByTestId('acknowledge').click()]);
      expect(await page.getByRole('status').filter({ hasText: 'Đã xác nhận 1 thông báo.' }).count()).toBe(1);
      expect(await page.locator(`[data-notice-id="${id}"] [data-testid="acknowledge"]`).count()).toBe(0);
      expect((await noticeState(ACCOUNTS.saigonUser, id))?.acknowledgedAt).not.toBeNull();
      expect(await unacknowledgedCount(ACCOUNTS.saigonUser)).toBe(before - 1);
    } finally {
      await noScript.close();
    }
  });
});

describe('live notices', () => {
  async function idsOf(...keys: string[]) {
    const data = await stack.gql<{
      customers: { edges: { node: { id: string } }[] };
      modules: { edges: { node: { id: string; key: string } }[] };
    }>(
      ACCOUNTS.engineer,
      '{ customers(first: 1, search: "HANOI-WATER") { edges { node { id } } } modules(first: 100) { edges { node { id key } } } }',
    );
    return {
      customerId: data.customers.edges[0]!.node.id,
      moduleIds: data.modules.edges.filter((e) => keys.includes(e.node.key)).map((e) => e.node.id),
    };
  }

  async function schedule(input: Record<string, unknown>) {
    const data = await stack.gql<{ upgradeSchedule: { upgrade: { id: string } | null; userErrors: unknown[] } }>(
      ACCOUNTS.engineer,
      'mutation ($input: UpgradeScheduleInput!) { upgradeSchedule(input: $input) { upgrade { id } userErrors { code message field } } }',
      { input },
    );
    expect(data.upgradeSchedule.userErrors).toEqual([]);
    return data.upgradeSchedule.upgrade!.id;
  }

  const inDays = (days: number, hoursUtc: number) => {
    const at = new Date();
    at.setUTCDate(at.getUTCDate() + days);
    at.setUTCHours(hoursUtc, 0, 0, 0);
    return at;
  };

  it("shows a FIX advisory published by the vendor's engineer without a reload", async () => {
    const { page } = browser;
    const streaming = liveStreamOpened(page);
    await page.goto(`${stack.portal}/notices`);
    // A marker that only survives if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await streaming;

    const { customerId, moduleIds } = await idsOf('water-billing');
    const title = `Sửa lỗi in hóa đơn tiền nước ${Date.now()}`;
    const start = inDays(3, 12); // 19:00 in Hanoi
    await schedule({
      kind: 'FIX',
      title,
      summary: 'Sửa lỗi căn lề khi in hóa đơn tiền nước khổ A5.',
      moduleIds,
      customerIds: [customerId],
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 30 * 60_000).toISOString(),
      expectedDowntimeMinutes: 0,
      // Announced to every target at once; an ordinary fix waits for the account team's release.
      important: true,
    });

    const arrived = page.getByTestId('notice').filter({ hasText: title });
    await expect.poll(() => arrived.count(), { timeout: 20_000 }).toBe(1);
    expect(await arrived.textContent()).toContain('Mới');
    expect(await page.getByTestId('live-announcement').textContent()).toContain(title);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('counts a live notice that needs an acknowledgement in the navigation badge, on any page', async () => {
    const { page } = browser;
    const streaming = liveStreamOpened(page);
    await page.goto(`${stack.portal}/maintenance`);
    await streaming;
    expect(await badge(page).count()).toBe(0);

    const { customerId, moduleIds } = await idsOf('accounting');
    const title = `Chuyển máy chủ cơ sở dữ liệu ${Date.now()}`;
    const start = inDays(2, 16); // 23:00 in Hanoi, two days ahead: the final reminder goes out at once
    await schedule({
      kind: 'SERVER',
      title,
      summary: 'Chuyển cơ sở dữ liệu sang máy chủ mới.',
      moduleIds,
      customerIds: [customerId],
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 45 * 60_000).toISOString(),
      expectedDowntimeMinutes: 45,
      firstNoticeAt: new Date(Date.now() + 5_000).toISOString(),
    });

    await expect.poll(() => page.getByTestId('live-announcement').textContent(), { timeout: 20_000 }).toContain(title);
    await expect.poll(() => badge(page).textContent()).toContain('1');
  });
});
