// Planning an upgrade in the staff console, in a real browser: an engineer fills in a FEATURE
// upgrade for two customers in different time zones (the window typed in the engineer's own zone),
// reads the live notice plan beside the form and finds it is the API's plan for the same input
// (each notice's time in the customer's zone, the texts in the customer's language), sees a refused
// publication come back on its field with the values kept, and publishes. Without JavaScript the
// "Preview" button renders the same plan on the server. Other staff roles get a 403 page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { dateTimeFormatter, formatLocalTime, fromLocalInputValue, localDateKey } from '@upgrade-desk/domain/time-zone';
import { describe, expect, it } from 'vitest';
import { isHydrated, logIn, logOut, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const DAY = 24 * 60 * 60 * 1000;
const STAFF_ZONE = 'America/New_York';
// The customers running the transport module are in Vietnam's zone and in Singapore's.
const TARGETS = ['HAIPHONG-LOGISTICS', 'STRAITS-FREIGHT'];

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running), { signedOutBetweenTests: true });

interface CustomerNode {
  id: string;
  code: string;
  timeZone: string;
  locale: string;
}

async function customersByCode(): Promise<Map<string, CustomerNode>> {
  const data = await stack.gql<{ customers: { edges: { node: CustomerNode }[] } }>(
    ACCOUNTS.engineer,
    '{ customers(first: 100) { edges { node { id code timeZone locale } } } }',
  );
  return new Map(data.customers.edges.map((edge) => [edge.node.code, edge.node]));
}

async function moduleId(key: string): Promise<string> {
  const data = await stack.gql<{ modules: { edges: { node: { id: string; key: string } }[] } }>(
    ACCOUNTS.engineer,
    '{ modules(first: 100) { edges { node { id key } } } }',
  );
  return data.modules.edges.find((edge) => edge.node.key === key)!.node.id;
}

interface ApiPlan {
  customer: { code: string; name: string };
  timeZone: string;
  locale: string;
  warnings: string[];
  notices: { stage: string; scheduledFor: string; title: string; body: string; channels: string[] }[];
}

/** The preview as the page shows it, per customer. */
async function shownPlan(page: Page) {
  return page.getByTestId('plan-target').evaluateAll((targets) =>
    targets.map((target) => ({
      customer: target.querySelector('[data-testid="plan-customer"]')?.textContent?.trim(),
      zone: target.querySelector('[data-testid="plan-zone"]')?.textContent?.trim(),
      conflict: target.classList.contains('plan-target--conflict'),
      times: [...target.querySelectorAll('[data-testid="plan-notice-time"]')].map((el) => ({
        at: el.getAttribute('datetime'),
        text: el.textContent?.trim() ?? '',
      })),
      titles: [...target.querySelectorAll('[data-testid="plan-notice-title"]')].map((el) => el.textContent?.trim()),
      bodies: [...target.querySelectorAll('[data-testid="plan-notice-body"]')].map((el) =>
        [...el.querySelectorAll('p')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' '),
      ),
    })),
  );
}

/** A notice's text as its paragraphs read one after another. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');

describe('plan an upgrade', () => {
  it('an engineer plans a FEATURE upgrade for two customers in different zones, checks the preview and publishes', async () => {
    const { page } = browser;
    const customers = await customersByCode();
    const transport = await moduleId('transport');
    const [haiphong, straits] = TARGETS.map((code) => customers.get(code)!);
    expect(haiphong!.timeZone).not.toBe(straits!.timeZone);

    await logIn(page, stack.portal, ACCOUNTS.engineer);
    await page.goto(`${stack.portal}/console/upgrades/new`);
    await expect.poll(() => isHydrated(page)).toBe(true);
    // The console learns the browser's zone on the first page; the window is typed in it.
    await page.reload();
    await expect.poll(() => isHydrated(page)).toBe(true);
    expect(await page.getByTestId('plan-zone-help').textContent()).toContain(STAFF_ZONE);

    // The transport module: its customers are offered as targets, all ticked; one is unticked.
    await page.getByRole('checkbox', { name: 'Quản lý vận tải', exact: true }).check();
    const targets = page.getByTestId('plan-targets');
    await expect.poll(() => targets.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await targets.locator('label', { hasText: 'MEKONG-DISTRIBUTION' }).getByRole('checkbox').uncheck();
    await page.fill(`[name="targetVersion:${transport}"]`, '');

    const day = localDateKey(new Date(Date.now() + 45 * DAY), STAFF_ZONE);
    const sandboxDay = localDateKey(new Date(Date.now() + 38 * DAY), STAFF_ZONE);
    const yesterday = localDateKey(new Date(Date.now() - DAY), STAFF_ZONE);
    await page.selectOption('#plan-kind', 'FEATURE');
    // First a window that has passed: the API refuses it on its field.
    await page.fill('#plan-window-start', `${yesterday}T22:00`);
    await page.fill('#plan-window-end', `${yesterday}T23:30`);
    await page.fill('#plan-downtime', '30');
    await page.fill('#plan-sandbox-start', `${sandboxDay}T09:00`);
    await page.fill('#plan-title-vi', 'Nâng cấp phân hệ vận tải');
    await page.fill('#plan-title-en', 'Transport module upgrade');
    await page.fill('#plan-summary-vi', 'Tối ưu tuyến giao hàng theo thời gian thực.');
    await page.fill('#plan-summary-en', 'Real-time delivery route optimisation.');
    await page.fill('#plan-changes-vi', 'Màn hình điều phối có thêm bản đồ.');
    await page.fill('#plan-changes-en', 'The dispatch screen gets a map.');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.locator('#plan-window-start-error').count()).toBe(1);
    expect(await page.getByRole('alert').first().textContent()).toBe('Khoảng thời gian không hợp lệ.');
    expect(await page.inputValue('#plan-title-en')).toBe('Transport module upgrade');
    expect(await targets.getByRole('checkbox', { checked: true }).count()).toBe(2);

    await page.fill('#plan-window-start', `${day}T22:00`);
    await page.fill('#plan-window-end', `${day}T23:30`);
    await expect.poll(() => page.getByTestId('plan-target').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('plan-preview').getAttribute('aria-busy')).toBe('false');

    // The API's plan for the same input.
    const input = {
      kind: 'FEATURE',
      title: 'Nâng cấp phân hệ vận tải',
      titleEn: 'Transport module upgrade',
      summary: 'Tối ưu tuyến giao hàng theo thời gian thực.',
      summaryEn: 'Real-time delivery route optimisation.',
      changesVi: 'Màn hình điều phối có thêm bản đồ.',
      changesEn: 'The dispatch screen gets a map.',
      moduleIds: [transport],
      customerIds: [haiphong!.id, straits!.id],
      windowStart: fromLocalInputValue(`${day}T22:00`, STAFF_ZONE)!.toISOString(),
      windowEnd: fromLocalInputValue(`${day}T23:30`, STAFF_ZONE)!.toISOString(),
      sandboxStart: fromLocalInputValue(`${sandboxDay}T09:00`, STAFF_ZONE)!.toISOString(),
      expectedDowntimeMinutes: 30,
    };
    const api = await stack.gql<{ upgradePlanPreview: { plan: ApiPlan[]; userErrors: unknown[] } }>(
      ACCOUNTS.engineer,
      `query ($input: UpgradeCreateInput!) { upgradePlanPreview(input: $input) {
        plan { customer { code name } timeZone locale warnings notices { stage scheduledFor title body channels } }
        userErrors { code } } }`,
      { input },
    );
    expect(api.upgradePlanPreview.userErrors).toEqual([]);
    const expected = api.upgradePlanPreview.plan.map((plan) => ({
      customer: plan.customer.name,
      zone: `${plan.customer.code} · ${plan.timeZone}`,
      conflict: plan.warnings.includes('BLACKOUT_CONFLICT') || plan.warnings.includes('OUTSIDE_QUIET_HOURS'),
      times: plan.notices.map((notice) => notice.scheduledFor),
      titles: plan.notices.map((notice) => notice.title),
      bodies: plan.notices.map((notice) => paragraphs(notice.body)),
    }));
    expect(expected.map((plan) => plan.zone).sort()).toEqual([
      `HAIPHONG-LOGISTICS · ${haiphong!.timeZone}`,
      `STRAITS-FREIGHT · ${straits!.timeZone}`,
    ]);
    expect(expected.every((plan) => plan.times.length > 0)).toBe(true);
    const shown = await shownPlan(page);
    expect(shown.map(({ times, ...rest }) => ({ ...rest, times: times.map((time) => time.at) }))).toEqual(expected);
    // Each time is written in that customer's zone: its local date, clock and offset.
    api.upgradePlanPreview.plan.forEach((plan, i) => {
      const fmt = dateTimeFormatter('VI', plan.timeZone);
      plan.notices.forEach((notice, j) => {
        const text = shown[i]!.times[j]!.text;
        expect(text).toContain(fmt.date(notice.scheduledFor));
        expect(text).toContain(formatLocalTime(new Date(notice.scheduledFor), plan.timeZone));
        expect(text).toContain(fmt.offset(notice.scheduledFor));
      });
    });
    // Each customer reads its own language and its own clock: 22:00 in New York is the next morning in Asia.
    const vietnamese = shown.find((plan) => plan.zone?.startsWith('HAIPHONG-LOGISTICS'));
    const english = shown.find((plan) => plan.zone?.startsWith('STRAITS-FREIGHT'));
    expect(vietnamese!.titles[0]).toContain('Nâng cấp phân hệ vận tải');
    expect(english!.titles[0]).toContain('Transport module upgrade');
    expect(vietnamese!.times[0]!.text).toContain('UTC+07:00');
    expect(english!.times[0]!.text).toContain('UTC+08:00');
    // Morning in both zones: inside working hours, a conflict the preview marks.
    expect(shown.map((plan) => plan.conflict)).toEqual([true, true]);
    expect(await page.getByTestId('plan-warnings').first().textContent()).toContain('giờ làm việc');

    // Without JavaScript, the "Preview" button's POST renders the same plan on the server.
    const body = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('[data-testid="plan-form"]')!;
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) params.append(name, String(value));
      return params.toString();
    });
    const rendered = await page.request.post(`${stack.portal}/console/upgrades/new?/preview`, {
      data: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: stack.portal },
    });
    expect(rendered.status()).toBe(200);
    const html = await rendered.text();
    // Rendered by the server, whose clock formats as this test's does.
    for (const plan of api.upgradePlanPreview.plan) {
      expect(html).toContain(`${plan.customer.code} · ${plan.timeZone}`);
      expect(html).toContain(dateTimeFormatter('VI', plan.timeZone).dateTime(plan.notices[0]!.scheduledFor));
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-plan-preview.png'), fullPage: true });

    // Transport's published versions are offered; one it never published is refused beside its field.
    const offered = page.locator(`datalist[id="plan-versions-${transport}"] option`);
    expect(await offered.evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toContain('2.7.0');
    const version = page.locator(`[name="targetVersion:${transport}"]`);
    await version.fill('9.9.9');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => version.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="plan-version-error-${transport}"]`).textContent()).toBe(
      'Chọn một phiên bản đã phát hành của phân hệ này.',
    );
    await version.fill('');

    await Promise.all([
      page.waitForURL((url) => /^\/console\/upgrades\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
      page.getByRole('button', { name: 'Công bố' }).click(),
    ]);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    const saved = await stack.gql<{
      node: {
        status: string;
        kind: string;
        titleEn: string;
        windowStart: string;
        targets: { edges: { node: { code: string } }[] };
      };
    }>(
      ACCOUNTS.engineer,
      `query ($id: ID!) { node(id: $id) { ... on Upgrade { status kind titleEn windowStart
        targets(first: 10) { edges { node { code } } } } } }`,
      { id },
    );
    expect(saved.node.status).toBe('SCHEDULED');
    expect(saved.node.kind).toBe('FEATURE');
    expect(saved.node.titleEn).toBe('Transport module upgrade');
    expect(saved.node.windowStart).toBe(input.windowStart);
    expect(saved.node.targets.edges.map((edge) => edge.node.code).sort()).toEqual(TARGETS);
    await page.goto(`${stack.portal}/console/customers`);
    await logOut(page);
  });

  it('staff who do not run upgrades get a 403 page, and their posted form is refused', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, 'impl@vendor.example');
    const response = await page.goto(`${stack.portal}/console/upgrades/new`);
    expect(response?.status()).toBe(403);
    const posted = await page.request.post(`${stack.portal}/console/upgrades/new?/publish`, {
      form: { kind: 'FEATURE', title: 'Không được phép' },
      headers: { origin: stack.portal },
    });
    expect(posted.status()).toBe(403);
    await logOut(page);
  });
});
