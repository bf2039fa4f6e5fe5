// Logging in and out as each customer role, the session cookie, and the same-origin GraphQL proxy.
import { describe, expect, it } from 'vitest';
import { holdScripts, isHydrated, logIn, logOut, type Browser } from './browser.ts';
import { ACCOUNTS, DEMO_PASSWORD, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

describe('session', () => {
  it('sends an anonymous visitor to /login and back to the page asked for', async () => {
    const { page } = browser;
    await page.goto(`${stack.portal}/maintenance?view=calendar`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/maintenance?view=calendar');

    const attempt = async (email: string, password: string) => {
      await page.fill('#email', email);
      await page.fill('#password', password);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        page.click('main form button[type="submit"]'),
      ]);
      await expect.poll(() => page.locator('main form button[type="submit"]').isEnabled()).toBe(true);
      return page.getByRole('alert').textContent();
    };
    expect(await attempt(ACCOUNTS.hanoiUser, 'not-the-password')).toBe('Email hoặc mật khẩu không đúng.');
    // An unknown account gets the very same words.
    expect(await attempt('nobody@hanoi-water.example', 'not-the-password')).toBe('Email hoặc mật khẩu không đúng.');

    await page.fill('#email', ACCOUNTS.hanoiUser);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/maintenance'),
      page.click('main form button[type="submit"]'),
    ]);
    expect(new URL(page.url()).search).toBe('?view=calendar');
    await logOut(page);
  });

  it('sends a page asked for at 127.0.0.1 to the portal origin, where its forms are accepted', async () => {
    const { page } = browser;
    const portal = new URL(stack.portal);
    await page.goto(`http://127.0.0.1:${portal.port}/maintenance?view=calendar`);
    expect(new URL(page.url()).origin).toBe(portal.origin);
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/maintenance?view=calendar');
    await page.fill('#email', ACCOUNTS.hanoiUser);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/maintenance'),
      page.click('main form button[type="submit"]'),
    ]);
    await logOut(page);
  });

  it('keeps what was typed before the scripts arrived, on the login form and in settings', async () => {
    const { page } = browser;
    // A slow connection or a password manager fills the form before hydration, which must not wipe it.
    let release = await holdScripts(page);
    await page.goto(`${stack.portal}/login?redirectTo=/settings`, { waitUntil: 'domcontentloaded' });
    await page.fill('#email', ACCOUNTS.hanoiAdmin);
    await page.fill('#password', DEMO_PASSWORD);
    expect(await isHydrated(page)).toBe(false);
    await release();
    expect(await page.inputValue('#email')).toBe(ACCOUNTS.hanoiAdmin);
    expect(await page.inputValue('#password')).toBe(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/settings'),
      page.click('main form button[type="submit"]'),
    ]);

    release = await holdScripts(page);
    await page.goto(`${stack.portal}/settings`, { waitUntil: 'domcontentloaded' });
    await page.fill('#blackout-reason', 'Kiểm kê');
    await page.fill('#blackout-starts', '2027-12-30T18:00');
    await page.fill('#token-name', 'Power BI');
    await page.getByLabel('Gửi thông báo cho tôi qua email').uncheck();
    expect(await isHydrated(page)).toBe(false);
    await release();
    expect(await page.inputValue('#blackout-reason')).toBe('Kiểm kê');
    expect(await page.inputValue('#blackout-starts')).toBe('2027-12-30T18:00');
    expect(await page.inputValue('#token-name')).toBe('Power BI');
    expect(await page.getByLabel('Gửi thông báo cho tôi qua email').isChecked()).toBe(false);
    await logOut(page);
  });

  it.each([
    ['customer user', ACCOUNTS.hanoiUser, 'Người dùng của khách hàng', 'Công ty Nước sạch Hà Nội'],
    ['customer admin', ACCOUNTS.hanoiAdmin, 'Quản trị viên của khách hàng', 'Công ty Nước sạch Hà Nội'],
    ['customer user of another customer', ACCOUNTS.saigonUser, 'Người dùng của khách hàng', 'SAIGON-GARMENT'],
  ])('logs in as a %s, keeps the token from page scripts, and logs out', async (_role, email, roleText, customer) => {
    const { page, context } = browser;
    await logIn(page, stack.portal, email);
    expect(new URL(page.url()).pathname).toBe('/');
    const main = await page.locator('main').textContent();
    expect(main).toContain(roleText);
    expect(main).toContain(customer);

    const cookie = (await context.cookies(stack.portal)).find((c) => c.name === 'ud_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ud_session');

    await logOut(page);
    expect((await context.cookies(stack.portal)).some((c) => c.name === 'ud_session')).toBe(false);
    await page.goto(`${stack.portal}/notices`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('answers browser GraphQL at /api/graphql with the session, and refuses requests without the CSRF header', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiUser);
    const results = await page.evaluate(async () => {
      const body = JSON.stringify({ query: '{ viewer { email customer { code } } }' });
      const withHeader = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1' },
        body,
      });
      const withoutHeader = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const asForm = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      return {
        ok: { status: withHeader.status, json: await withHeader.json() },
        noHeader: withoutHeader.status,
        form: asForm.status,
      };
    });
    expect(results.ok).toEqual({
      status: 200,
      json: { data: { viewer: { email: ACCOUNTS.hanoiUser, customer: { code: 'HANOI-WATER' } } } },
    });
    expect(results.noHeader).toBe(403);
    expect(results.form).toBe(403);

    await logOut(page);
    const anonymous = await page.evaluate(async () => {
      const response = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1' },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      return response.status;
    });
    expect(anonymous).toBe(401);
  });
});
