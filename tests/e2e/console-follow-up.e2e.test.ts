// The account team's acknowledgement follow-up in a real browser: customer care sees its customers
// with overdue acknowledgements first and records a call, which lands on the notice's timeline
// (staff only); a customer admin answers an announcement with "this window does not suit us" on
// the maintenance page, without JavaScript; the engineer sees the proposal in the follow-up and moves
// that customer's window to it in one click, and the customer reads that it was accepted.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logIn, logOut, openBrowser, type Browser, setPortalLocale, logInAfresh } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const CUSTOMER_CARE = 'care@vendor.example';
const NOTE = 'Đã gọi chị Lan (kế toán trưởng): sẽ xác nhận trong chiều nay.';
const REASON = 'Tuần đó chúng tôi kiểm kê kho cuối năm.';
const DAY = 24 * 3600_000;

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));

const logInAs = (email: string, to: string) => logInAfresh(browser, stack.portal, email, to);

/** A date and time in Hanoi (UTC+07:00, no daylight saving) as a datetime-local field takes it. */
function hanoiInput(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

describe('overdue acknowledgements', () => {
  it("lists customer care's customers with overdue acknowledgements first, with their contacts", async () => {
    const { page } = browser;
    await logInAs(CUSTOMER_CARE, '/console/follow-up');
    expect(await page.locator('h1').textContent()).toBe('Theo dõi xác nhận');
    const { overdueAcknowledgements } = await stack.gql<{ overdueAcknowledgements: { totalCount: number } }>(
      CUSTOMER_CARE,
      '{ overdueAcknowledgements(assignedToMe: true, first: 1) { totalCount } }',
    );
    expect(overdueAcknowledgements.totalCount).toBeGreaterThan(0);

    const entries = page.getByTestId('follow-up-customer');
    const overdueCounts = await entries.evaluateAll((items) =>
      items.map((item) => item.querySelectorAll('[data-testid="overdue-notice"]').length),
    );
    expect(overdueCounts.length).toBeGreaterThan(1);
    // Overdue first: once a customer has nothing overdue, no later one has.
    const firstUpToDate = overdueCounts.indexOf(0);
    expect(firstUpToDate).not.toBe(0);
    if (firstUpToDate > 0) expect(overdueCounts.slice(firstUpToDate).every((count) => count === 0)).toBe(true);
    expect(overdueCounts.reduce((sum, count) => sum + count, 0)).toBe(overdueAcknowledgements.totalCount);
    expect(await entries.first().getByTestId('customer-contacts').textContent()).toMatch(/@/);
    expect(await entries.first().textContent()).toMatch(/Hạn .*\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} \(UTC\+07:00\)/);
  });

  it('records a call about the first overdue notice, which then is on the notice’s timeline for staff', async () => {
    const { page } = browser;
    const notice = page.getByTestId('overdue-notice').first();
    expect(await notice.getByTestId('notice-calls').count()).toBe(0);
    // Nothing typed: the form says why and records nothing.
    await notice.locator('summary').click();
    await notice.getByRole('button', { name: 'Ghi nhận cuộc gọi' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Hãy ghi nội dung trao đổi');
    await notice.locator('textarea[name="note"]').fill(NOTE);
    await notice.getByRole('button', { name: 'Ghi nhận cuộc gọi' }).click();
    await expect.poll(() => notice.getByTestId('notice-calls').textContent()).toContain(NOTE);
    // Who called and when, in the staff member's own zone (the browser's, New York), not the customer's.
    expect(await notice.getByTestId('notice-calls').textContent()).toMatch(
      /đã gọi, .*\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} \(UTC-05:00\)/,
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-follow-up-call.png'), fullPage: true });

    // The API has it on the notice, for any member of staff; the customer's users may not read it.
    const noticeId = await notice.locator('input[name="noticeId"]').getAttribute('value');
    const asEngineer = await stack.gql<{
      node: { calls: { note: string; caller: { name: string } }[]; customer: { code: string } };
    }>(
      ACCOUNTS.engineer,
      'query ($id: ID!) { node(id: $id) { ... on Notice { calls { note caller { name } } customer { code } } } }',
      { id: noticeId },
    );
    expect(asEngineer.node.calls.map((call) => call.note)).toEqual([NOTE]);
    await logOut(page);
  });

  it('shows an engineer no call form (the API would refuse), and a customer gets a 403 page and form', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.engineer, '/console/follow-up');
    expect(await page.getByTestId('overdue-notice').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('record-call').count()).toBe(0);
    await logOut(page);

    await logInAs(ACCOUNTS.hanoiUser, '/');
    const response = await page.goto(`${stack.portal}/console/follow-up`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này.');
    const posted = await page.request.post(`${stack.portal}/console/follow-up?/call`, {
      form: { noticeId: 'x', note: 'Không được phép' },
      headers: { origin: stack.portal },
    });
    expect(posted.status()).toBe(403);
    await logOut(page);
  });
});

describe('a window proposal', () => {
  let upgrade: { id: string; title: string; windowStart: string };
  let proposedStart: Date;

  beforeAll(async () => {
    // An upcoming FEATURE upgrade Hanoi Water was told of, still a few days away.
    const { notices } = await stack.gql<{
      notices: {
        edges: {
          node: { upgrade: { id: string; title: string; kind: string; status: string; windowStart: string } };
        }[];
      };
    }>(
      ACCOUNTS.hanoiAdmin,
      '{ notices(first: 100, filter: { stages: [ANNOUNCEMENT] }) { edges { node { upgrade { id title kind status windowStart } } } } }',
    );
    const soon = Date.now() + 3 * DAY;
    upgrade = notices.edges
      .map((edge) => edge.node.upgrade)
      .find(
        (u) =>
          u.kind === 'FEATURE' &&
          ['SCHEDULED', 'SANDBOX', 'READY'].includes(u.status) &&
          Date.parse(u.windowStart) > soon,
      )!;
    expect(upgrade).toBeDefined();
    // A week and a day later, at 20:00 in Hanoi: inside the quiet hours, far enough ahead for a FEATURE.
    const later = new Date(Date.parse(upgrade.windowStart) + 8 * DAY);
    proposedStart = new Date(`${hanoiInput(later).slice(0, 10)}T20:00:00+07:00`);
  });

  it('is sent by a customer admin from the maintenance page, without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await setPortalLocale(plain, stack.portal, 'VI');
      await logIn(plain.page, stack.portal, ACCOUNTS.hanoiAdmin, `/maintenance/${encodeURIComponent(upgrade.id)}`);
      const form = plain.page.getByTestId('propose-window');
      // The end before the start: refused by the page, what was typed is kept.
      await form.locator('#proposal-starts').fill(hanoiInput(proposedStart));
      await form.locator('#proposal-ends').fill(hanoiInput(new Date(proposedStart.getTime() - 3600_000)));
      await form.locator('#proposal-reason').fill(REASON);
      await Promise.all([plain.page.waitForLoadState('load'), form.getByTestId('send-proposal').click()]);
      expect(await plain.page.locator('#proposal-ends-error').textContent()).toContain('sau thời điểm bắt đầu');
      expect(await plain.page.locator('#proposal-reason').inputValue()).toBe(REASON);

      await plain.page.locator('#proposal-ends').fill(hanoiInput(new Date(proposedStart.getTime() + 2 * 3600_000)));
      await Promise.all([plain.page.waitForLoadState('load'), form.getByTestId('send-proposal').click()]);
      expect(await plain.page.getByRole('status').first().textContent()).toContain('Đề xuất đã được gửi');
      const proposal = plain.page.getByTestId('window-proposal');
      expect(await proposal.count()).toBe(1);
      expect(await proposal.textContent()).toContain('Đang chờ nhà cung cấp');
      expect(await proposal.textContent()).toContain('20:00');
      expect(await proposal.textContent()).toContain(REASON);
      await plain.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'maintenance-proposal.png'), fullPage: true });
    } finally {
      await plain.close();
    }
  });

  it("shows in the engineer's follow-up, and one click moves Hanoi Water's window to it", async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.engineer, '/console/follow-up');
    const hanoi = page.getByTestId('follow-up-customer').filter({ hasText: 'HANOI-WATER' });
    const proposal = hanoi.getByTestId('window-proposal').filter({ hasText: upgrade.title });
    expect(await proposal.textContent()).toContain('Đang chờ trả lời');
    expect(await proposal.textContent()).toContain(REASON);
    expect(await proposal.textContent()).toMatch(/Đề xuất: .*20:00/);
    await proposal.getByTestId('accept-proposal').click();
    await expect.poll(() => proposal.textContent()).toContain('Đã dời sang thời gian này');
    expect(await proposal.getByTestId('accept-proposal').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-follow-up-proposal.png'), fullPage: true });

    // Hanoi Water's own window is now the proposed one; the upgrade's window for others is not.
    const { node } = await stack.gql<{
      node: { windowStart: string; noticePlan: { customer: { code: string }; windowStart: string }[] };
    }>(
      ACCOUNTS.engineer,
      'query ($id: ID!) { node(id: $id) { ... on Upgrade { windowStart noticePlan(first: 100) { customer { code } windowStart } } } }',
      { id: upgrade.id },
    );
    expect(node.windowStart).toBe(upgrade.windowStart);
    expect(node.noticePlan.find((plan) => plan.customer.code === 'HANOI-WATER')?.windowStart).toBe(
      proposedStart.toISOString(),
    );
    await logOut(page);
  });

  it('is shown to the customer as accepted', async () => {
    const { page } = browser;
    await logInAs(ACCOUNTS.hanoiUser, `/maintenance/${encodeURIComponent(upgrade.id)}`);
    expect(await page.getByTestId('window-proposal').textContent()).toContain('Đã chấp nhận');
    // Only customer admins propose.
    expect(await page.getByTestId('propose-window').count()).toBe(0);
    await logOut(page);
  });
});
