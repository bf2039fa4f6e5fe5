// An invitation from the vendor's admin, opened from the .eml in the outbox: the set-password page
// refuses a mismatch, sets the password, logs straight in, and the link then no longer works.
// Also the login page's "forgot password" form, which answers alike for any address.
import { describe, expect, it } from 'vitest';
import { logOut, type Browser } from './browser.ts';
import { passwordLinkFor } from './outbox.ts';
import { type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const VENDOR_ADMIN = 'admin@vendor.example';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

describe('invitation', () => {
  it('the invitee sets a password from the emailed link and is logged in; the link then is spent', async () => {
    const customer = await stack.gql<{ customers: { edges: { node: { id: string; code: string } }[] } }>(
      VENDOR_ADMIN,
      '{ customers(first: 10, search: "HANOI-WATER") { edges { node { id code } } } }',
    );
    const hanoi = customer.customers.edges.find((e) => e.node.code === 'HANOI-WATER')!.node.id;
    const invited = await stack.gql<{ userInvite: { userErrors: unknown[] } }>(
      VENDOR_ADMIN,
      `mutation ($input: UserInviteInput!) { userInvite(input: $input) { userErrors { code message } } }`,
      {
        input: { email: 'invitee@hanoi-water.example', name: 'Trần Thị Mới', role: 'CUSTOMER_USER', customerId: hanoi },
      },
    );
    expect(invited.userInvite.userErrors).toEqual([]);
    const link = await passwordLinkFor(stack.outbox, 'invitee@hanoi-water.example');

    const { page } = browser;
    await page.goto(`${stack.portal}${link}`);
    expect(await page.locator('h1').textContent()).toBe('Đặt mật khẩu');
    await page.fill('#password', 'mật khẩu đủ dài của tôi');
    await page.fill('#confirm', 'một mật khẩu khác hẳn');
    await page.click('main form button[type="submit"]');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Hai mật khẩu không giống nhau.');

    await page.fill('#password', 'mật khẩu đủ dài của tôi');
    await page.fill('#confirm', 'mật khẩu đủ dài của tôi');
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('main form button[type="submit"]')]);
    await logOut(page);

    await page.goto(`${stack.portal}${link}`);
    await page.fill('#password', 'mật khẩu đủ dài của tôi');
    await page.fill('#confirm', 'mật khẩu đủ dài của tôi');
    await page.click('main form button[type="submit"]');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Liên kết này đã được sử dụng. Nếu cần, vui lòng yêu cầu liên kết mới.');
  });

  it('"forgot password" on the login page answers alike for any address', async () => {
    const { page } = browser;
    await page.goto(`${stack.portal}/login`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/password/forgot'),
      page.click('text=Quên mật khẩu?'),
    ]);
    await page.fill('#email', 'nobody@nowhere.example');
    await page.click('main form button[type="submit"]');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Nếu email này có tài khoản, liên kết đặt lại mật khẩu đã được gửi tới. Vui lòng kiểm tra hộp thư.');
  });
});
