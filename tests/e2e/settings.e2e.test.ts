// Settings of a customer admin: blackout windows (times typed in the customer's zone) and API
// tokens with a one-time reveal; a customer user sees neither form.
import { describe, expect, it } from 'vitest';
import { logIn, logOut, type Browser } from './browser.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

async function blackoutWindows() {
  const data = await stack.gql<{
    viewer: { customer: { blackoutWindows: { reason: string; startsAt: string; endsAt: string }[] } };
  }>(ACCOUNTS.hanoiAdmin, '{ viewer { customer { blackoutWindows { reason startsAt endsAt } } } }');
  return data.viewer.customer.blackoutWindows;
}

describe('settings', () => {
  it("adds a blackout window in the customer's time zone and deletes it", async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiAdmin, '/settings');
    const reason = 'Kiểm kê kho cuối năm';
    await page.fill('#blackout-reason', reason);
    await page.fill('#blackout-starts', '2027-12-30T18:00');
    await page.fill('#blackout-ends', '2027-12-31T22:00');
    await page.getByTestId('add-blackout').click();
    const list = page.getByTestId('blackout-windows');
    await expect.poll(() => list.textContent()).toContain(reason);
    expect(await list.textContent()).toContain('30/12/2027, 18:00 – Thứ 6, 31/12/2027, 22:00 (UTC+07:00)');
    // The browser runs in New York; the portal read the times as Hanoi's.
    expect((await blackoutWindows()).find((w) => w.reason === reason)).toMatchObject({
      startsAt: '2027-12-30T11:00:00.000Z',
      endsAt: '2027-12-31T15:00:00.000Z',
    });

    await page.getByRole('button', { name: `Xóa: ${reason}` }).click();
    await expect.poll(() => list.textContent()).not.toContain(reason);
    expect((await blackoutWindows()).some((w) => w.reason === reason)).toBe(false);
  });

  it('saves the email preference for the account', async () => {
    const { page } = browser;
    const preference = async () =>
      (
        await stack.gql<{ viewer: { emailNotifications: boolean } }>(
          ACCOUNTS.hanoiAdmin,
          '{ viewer { emailNotifications } }',
        )
      ).viewer.emailNotifications;
    expect(await preference()).toBe(true);
    await page.getByLabel('Gửi thông báo cho tôi qua email').uncheck();
    await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await expect.poll(() => page.getByText('Đã lưu lựa chọn nhận email.').count()).toBe(1);
    expect(await preference()).toBe(false);
    await page.getByLabel('Gửi thông báo cho tôi qua email').check();
    await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await expect.poll(preference).toBe(true);
  });

  it('refuses an end before the start, next to the field', async () => {
    const { page } = browser;
    await page.fill('#blackout-reason', 'Sai thứ tự');
    await page.fill('#blackout-starts', '2027-12-30T18:00');
    await page.fill('#blackout-ends', '2027-12-30T08:00');
    await page.getByTestId('add-blackout').click();
    await expect.poll(() => page.locator('#blackout-ends-error').textContent()).toContain('phải sau');
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    const { page } = browser;
    await page.fill('#token-name', 'Power BI');
    await page.getByTestId('create-token').click();
    const reveal = page.getByTestId('token-reveal');
    await expect.poll(() => reveal.count()).toBe(1);
    const token = await page.locator('#token-value').inputValue();
    expect(token).toMatch(/^udt_/);
    expect(await page.getByTestId('api-tokens').textContent()).toContain('Power BI');

    // The token works against the API, as its owner, for reading.
    const response = await fetch(stack.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { email: ACCOUNTS.hanoiAdmin } } });

    // A reload shows the list, never the token again.
    await page.reload();
    expect(await page.getByTestId('token-reveal').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: 'Thu hồi mã: Power BI' }).click();
    await expect.poll(() => page.getByText('Đã thu hồi mã truy cập.').count()).toBe(1);
    expect(await page.getByTestId('api-tokens').count()).toBe(0);
    await logOut(page);
  });

  it('shows a customer user the blackout windows but no forms, and no tokens', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiUser, '/settings');
    expect(await page.getByTestId('blackout-windows').count()).toBe(1);
    expect(await page.getByTestId('add-blackout').count()).toBe(0);
    expect(await page.getByTestId('create-token').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(
      'Chỉ quản trị viên của công ty mới thực hiện được thao tác này.',
    );
    await logOut(page);
  });
});
