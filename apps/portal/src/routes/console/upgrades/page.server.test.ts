import { describe, expect, it } from 'vitest';
import { connection, CUSTOMER_USER, ENGINEER, fakeEvent, statusOf } from '../../../../tests/fake-event';
import { load } from './+page.server';
import type { PageServerData } from './$types';

const hanoi = { id: 'c-hanoi', name: 'Nước sạch Hà Nội', code: 'HANOI-WATER' };
const saigon = { id: 'c-saigon', name: 'Dệt may Sài Gòn', code: 'SAIGON-GARMENT' };

/** An upgrade as the API answers the board, its targets' standing worked out by the API. */
function upgrade(id: string, targets: (typeof hanoi)[], standing: Record<string, object> = {}) {
  return {
    id,
    kind: 'FEATURE',
    status: 'SCHEDULED',
    title: id,
    windowStart: '2026-12-09T15:00:00.000Z', // 22:00 on the 9th in Hanoi
    windowEnd: '2026-12-09T17:00:00.000Z',
    policyWarnings: ['SHORT_NOTICE'],
    modules: [{ id: `m-${id}`, name: `Module ${id}` }],
    acknowledgementProgress: targets.map((customer) => ({
      customer,
      state: 'NOT_ASKED',
      deadline: null,
      by: [],
      ...standing[customer.id],
    })),
  };
}

const acknowledged = {
  [hanoi.id]: { state: 'ACKNOWLEDGED', by: [{ name: 'Nguyễn Văn An', at: '2026-12-07T03:00:00.000Z' }] },
};

describe('upgrades board load', () => {
  it("asks once for the week's windows in the staff member's zone, filters them here and works out the progress", async () => {
    const { event, calls } = fakeEvent({
      url: '/console/upgrades?view=calendar&date=2026-12-09&customer=c-hanoi',
      viewer: ENGINEER,
      answers: {
        ConsoleUpgradesCalendar: {
          data: {
            upgrades: connection([upgrade('both', [hanoi, saigon], acknowledged), upgrade('saigon', [saigon])]),
          },
        },
      },
    });
    const data = (await load(event)) as PageServerData;
    expect(calls.map((call) => call.operationName)).toEqual(['ConsoleUpgradesCalendar']);
    // No zone cookie yet: Vietnam's. Monday 7 to Sunday 13 December.
    expect(calls[0]?.variables).toMatchObject({ from: '2026-12-06T17:00:00.000Z', to: '2026-12-13T17:00:00.000Z' });
    expect(data.upgrades.map((u) => u.id)).toEqual(['both']);
    expect(Object.keys(data.byDay)).toEqual(['2026-12-09']);
    expect(data.rows[0]).toHaveLength(7);
    expect(data.options.customers.map((c) => c.id)).toEqual([saigon.id, hanoi.id]);
    expect(data.upgrades[0]?.progress.customers.map((c) => [c.customer.code, c.state, c.acknowledgedBy])).toEqual([
      ['HANOI-WATER', 'acknowledged', 'Nguyễn Văn An'],
      ['SAIGON-GARMENT', 'notAsked', null],
    ]);
  });

  it('lists the upcoming and running upgrades by default', async () => {
    const { event, calls } = fakeEvent({
      url: '/console/upgrades',
      viewer: ENGINEER,
      answers: { ConsoleUpgradesUpcoming: { data: { upgrades: connection([upgrade('one', [hanoi])]) } } },
    });
    const data = (await load(event)) as PageServerData;
    expect(calls.map((call) => call.operationName)).toEqual(['ConsoleUpgradesUpcoming']);
    expect(data.view).toBe('list');
    expect(data.upgrades.map((u) => u.id)).toEqual(['one']);
  });

  it('refuses customers before asking the API anything', async () => {
    const { event, calls } = fakeEvent({ url: '/console/upgrades', viewer: CUSTOMER_USER, answers: {} });
    expect(await statusOf(() => load(event))).toBe(403);
    expect(calls).toEqual([]);
  });
});
