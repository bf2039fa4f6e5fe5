// GraphiQL with the machine cut off from every other host: the API's own /graphql page (partners,
// with a token in the header editor) and the staff's /graphiql in the portal (signed in through the
// session cookie and the same-origin proxy). Every request to a non-local host is refused and
// recorded; none may happen, on those pages or on any portal page.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVERYDAY_OPERATIONS } from '@upgrade-desk/graphiql';
import { isHydrated, logIn, logOut, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

interface NetworkLog {
  /** Requests to another host, refused. */
  outside: string[];
  /** Requests served locally (proof that the blocker saw the traffic). */
  local: number;
}

async function blockOutsideRequests(context: BrowserContext): Promise<NetworkLog> {
  const log: NetworkLog = { outside: [], local: 0 };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) {
      log.local += 1;
      await route.continue();
    } else {
      log.outside.push(url.href);
      await route.abort('internetdisconnected');
    }
  });
  return log;
}

/** Waits for GraphiQL's editors (Monaco, from the inlined bundle) to render in `root`. */
async function graphiqlRendered(root: Page | FrameLocator): Promise<void> {
  await root.locator('.graphiql-container .graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
}

async function responseText(root: Page | FrameLocator): Promise<string> {
  return (await root.locator('.graphiql-response').textContent()) ?? '';
}

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running), { signedOutBetweenTests: true });
let network: NetworkLog;

beforeAll(async () => {
  network = await blockOutsideRequests(browser.context);
});

describe('GraphiQL with every non-local request blocked', () => {
  it("the API's /graphql page loads and runs an operation", async () => {
    const { page } = browser;
    await page.goto(stack.apiUrl);
    await graphiqlRendered(page);
    expect(await page.title()).toBe('Upgrade Desk API');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql-api.png') });
    // The default tab logs in; with the placeholder password the API answers, past its CSRF check.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain('INVALID_CREDENTIALS');
    expect(network.outside).toEqual([]);
    expect(network.local).toBeGreaterThan(0);
  });

  it('a staff member opens a signed-in GraphiQL from the portal header: the schema loads, a query runs', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.engineer);
    await expect.poll(() => isHydrated(page)).toBe(true);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/graphiql'),
      page.getByRole('link', { name: 'GraphiQL' }).click(),
    ]);
    const graphiql = page.frameLocator('iframe.graphiql-frame');
    await graphiqlRendered(graphiql);

    // The docs pane needs introspection, which the API grants to staff.
    await graphiql.getByRole('button', { name: /documentation explorer/i }).click();
    const docs = graphiql.locator('.graphiql-doc-explorer');
    await expect.poll(() => docs.textContent(), { timeout: 20_000 }).toMatch(/Query.*Mutation/s);

    // The first operation answers with the same first customer as the API gives the engineer.
    const first = await stack.gql<{ customers: { edges: { node: { code: string } }[] } }>(
      ACCOUNTS.engineer,
      '{ customers(first: 1) { edges { node { code } } } }',
    );
    const firstCode = first.customers.edges[0]?.node.code;
    expect(firstCode).toBeTruthy();
    // The Run button lists the everyday operations; the first runs through /api/graphql with the session cookie.
    await graphiql.locator('.graphiql-execute-button').click();
    const choices = graphiql.getByRole('menuitem');
    await expect.poll(() => choices.allTextContents()).toEqual(EVERYDAY_OPERATIONS.map((operation) => operation.name));
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/graphql');
    await choices.first().click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => responseText(graphiql), { timeout: 20_000 }).toContain(`"${firstCode}"`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql-portal-staff.png') });
    expect(network.outside).toEqual([]);
  });

  it('a customer who follows the same URL gets a 403 page and no introspection', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ACCOUNTS.hanoiAdmin);
    await expect.poll(() => isHydrated(page)).toBe(true);
    expect(await page.getByRole('link', { name: 'GraphiQL' }).count()).toBe(0);

    expect((await page.goto(`${stack.portal}/graphiql`))?.status()).toBe(403);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này.');
    expect((await page.goto(`${stack.portal}/graphiql/app`))?.status()).toBe(403);

    // Asked through the proxy directly, the API refuses introspection to a customer.
    await page.goto(`${stack.portal}/`);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(network.outside).toEqual([]);
  });

  it('no portal page loads anything from another host (scripts, styles, fonts, images)', async () => {
    const { page } = browser;
    const visit = async (label: string, pathname: string) => {
      // 'load' waits for every stylesheet, font, image and script the page asked for; customers'
      // pages keep a live event stream open, so the network never goes idle.
      await page.goto(`${stack.portal}${pathname}`, { waitUntil: 'load' });
      await expect.poll(() => isHydrated(page)).toBe(true);
      expect(new URL(page.url()).pathname, `${label} ${pathname}`).toBe(pathname.split('?')[0]);
    };
    const pages = ['/', '/maintenance', '/maintenance?view=calendar', '/notices', '/modules', '/requests', '/settings'];
    for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.engineer]) {
      await logIn(page, stack.portal, email);
      for (const pathname of pages) await visit(email, pathname);
      // And a detail page of each kind the list links to.
      for (const list of ['/maintenance', '/requests']) {
        await visit(email, list);
        const detail = await page.locator(`main a[href^="${list}/"]`).first().getAttribute('href');
        expect(detail, `${email}: a link from ${list}`).toBeTruthy();
        await visit(email, new URL(detail!, stack.portal).pathname);
      }
      await logOut(page);
    }
    await page.goto(`${stack.portal}/login`, { waitUntil: 'load' });
    expect(network.outside).toEqual([]);
  });
});
