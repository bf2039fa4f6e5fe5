// The console's page of one upgrade in a real browser, as the demo engineer: a customer's window
// proposal is applied in one click, its RESCHEDULED notice named beside the button; cancelling,
// without JavaScript, first shows a confirmation naming the CANCELLED notice, its customers and
// their channels, and only the confirmed second step cancels. Each effect is checked through the API.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHydrated, logIn, openBrowser, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { ACCOUNTS, type Stack } from './stack.ts';
import { withStackAndBrowser } from './suite.ts';

const ENGINEER = 'engineer@vendor.example';
const HANOI = 'Công ty Nước sạch Hà Nội';
const DAY = 24 * 3_600_000;

interface PlanTarget {
  customer: { id: string; code: string; name: string };
  windowStart: string;
  windowEnd: string;
  eventChannels: string[];
  notices: { stage: string; state: string }[];
}

const PLAN = `query ($id: ID!) {
  node(id: $id) {
    ... on Upgrade {
      status
      noticePlan(first: 100) { customer { id code name } windowStart windowEnd eventChannels notices { stage state } }
      notices(first: 100, filter: { stages: [RESCHEDULED, CANCELLED], includeScheduled: true }) {
        edges { node { stage customer { code } } }
      }
    }
  }
}`;

interface PlanResult {
  node: {
    status: string;
    noticePlan: PlanTarget[];
    notices: { edges: { node: { stage: string; customer: { code: string } } }[] };
  };
}

let stack: Stack;
let browser: Browser;
withStackAndBrowser((running) => ({ stack, browser } = running));
let upgradeId = '';
let proposed = { start: '', end: '' };

const planOf = async () => (await stack.gql<PlanResult>(ENGINEER, PLAN, { id: upgradeId })).node;
const upgradePath = () => `/console/upgrades/${encodeURIComponent(upgradeId)}`;

beforeAll(async () => {
  // A scheduled demo upgrade announced to Hanoi Water: its admin proposes a window two weeks later.
  const { upgrades } = await stack.gql<{
    upgrades: { edges: { node: { id: string; windowStart: string; windowEnd: string } }[] };
  }>(
    ACCOUNTS.hanoiAdmin,
    '{ upgrades(first: 100, filter: { statuses: [SCHEDULED] }) { edges { node { id windowStart windowEnd } } } }',
  );
  for (const { node } of upgrades.edges) {
    const start = new Date(new Date(node.windowStart).getTime() + 14 * DAY).toISOString();
    const end = new Date(new Date(node.windowEnd).getTime() + 14 * DAY).toISOString();
    const answer = await stack.gql<{ upgradeWindowPropose: { windowProposal: { id: string } | null } }>(
      ACCOUNTS.hanoiAdmin,
      `mutation ($input: UpgradeWindowProposeInput!) {
        upgradeWindowPropose(input: $input) { windowProposal { id } userErrors { code } }
      }`,
      { input: { upgradeId: node.id, windowStart: start, windowEnd: end, reason: 'Tuần đó chúng tôi chốt sổ quý.' } },
    );
    if (answer.upgradeWindowPropose.windowProposal) {
      upgradeId = node.id;
      proposed = { start, end };
      break;
    }
  }
  if (!upgradeId) throw new Error('no scheduled demo upgrade was announced to Hanoi Water');
}, 180_000);

describe('the upgrade page', () => {
  it('moves one customer to the window it proposed in one click, saying first what it sends', async () => {
    const { page } = browser;
    await logIn(page, stack.portal, ENGINEER, upgradePath());
    const proposal = page.getByTestId('proposal').filter({ hasText: HANOI });
    // Hanoi Water was told of the upgrade: the move tells it, on the channels that reach it now.
    const before = await planOf();
    const rescheduledCodes = (plan: PlanResult['node']) =>
      plan.notices.edges.filter((e) => e.node.stage === 'RESCHEDULED').map((e) => e.node.customer.code);
    const hanoi = before.noticePlan.find((p) => p.customer.code === 'HANOI-WATER')!;
    expect(hanoi.eventChannels).toContain('IN_APP');
    const effect = await proposal.getByTestId('notice-effect').textContent();
    expect(effect).toContain('“Thay đổi lịch nâng cấp”');
    expect(effect).toContain(`${HANOI} (trong ứng dụng`);
    if (hanoi.eventChannels.includes('EMAIL')) expect(effect).toContain('email');

    await expect.poll(() => isHydrated(page)).toBe(true);
    await proposal.getByTestId('apply-proposal').click();
    // The move replans the customer's notices and the page reloads its plan: allow it a loaded machine's time.
    await expect.poll(() => proposal.getByTestId('proposal-applied').count(), { timeout: 30_000 }).toBe(1);
    await proposal.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-upgrade-proposal-applied.png') });

    const after = await planOf();
    const moved = after.noticePlan.find((p) => p.customer.code === 'HANOI-WATER')!;
    expect(new Date(moved.windowStart).toISOString()).toBe(proposed.start);
    expect(new Date(moved.windowEnd).toISOString()).toBe(proposed.end);
    // Only Hanoi Water moved, and only it was told so.
    const others = after.noticePlan.filter((p) => p.customer.code !== 'HANOI-WATER');
    for (const other of others) expect(new Date(other.windowStart).toISOString()).not.toBe(proposed.start);
    // (The demo upgrade may have moved before: count the RESCHEDULED notices this move added.)
    const added = [...rescheduledCodes(after)];
    for (const code of rescheduledCodes(before)) added.splice(added.indexOf(code), 1);
    expect(added).toEqual(['HANOI-WATER']);
  });

  it('cancels only after a confirmation naming the notices, without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = plain;
      await logIn(page, stack.portal, ENGINEER, upgradePath());
      const before = await planOf();
      const told = before.noticePlan.filter((p) => p.notices.some((n) => n.state === 'PUBLISHED'));
      expect(told.length).toBeGreaterThan(0);

      await page.fill('#note-CANCELLED', 'Nhà cung cấp máy chủ hoãn đợt bảo trì.');
      await Promise.all([page.waitForEvent('load'), page.getByTestId('transition-CANCELLED').click()]);
      const confirmation = page.getByTestId('confirmation');
      const text = (await confirmation.textContent()) ?? '';
      expect(text).toContain('Hủy đợt nâng cấp');
      expect(text).toContain(`Thao tác này gửi thông báo “Đã hủy lịch nâng cấp” tới ${told.length} khách hàng`);
      for (const target of told) expect(text).toContain(target.customer.name);
      expect(text).toContain(`${HANOI} (trong ứng dụng`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-upgrade-confirm-cancel.png') });
      // Nothing happened yet: the first step only asks.
      expect((await planOf()).status).toBe('SCHEDULED');

      await Promise.all([page.waitForEvent('load'), page.getByTestId('confirm').click()]);
      expect((await planOf()).status).toBe('CANCELLED');
      expect(await page.getByTestId('upgrade-status').textContent()).toBe('Đã hủy');
      const cancelled = (await planOf()).notices.edges.filter((e) => e.node.stage === 'CANCELLED');
      expect(cancelled.map((e) => e.node.customer.code).sort()).toEqual(told.map((t) => t.customer.code).sort());
      // A cancelled upgrade offers nothing more to do.
      expect(await page.getByTestId('upgrade-actions').count()).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
