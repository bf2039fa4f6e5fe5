import { describe, expect, it } from 'vitest';
import type { UpgradeListItem } from '$lib/fragments';
import { connection, fakeEvent } from '../../../tests/fake-event';
import { load } from './+page.server';
import type { PageServerData } from './$types';

function upgrade(
  id: string,
  windowStart: string,
  windowEnd: string,
  status: UpgradeListItem['status'] = 'SCHEDULED',
): UpgradeListItem {
  return {
    id,
    kind: 'FIX',
    status,
    title: id,
    windowStart,
    windowEnd,
    expectedDowntimeMinutes: 0,
    requiresRelogin: false,
    modules: [],
  };
}

const viewer = { customer: { timeZone: 'Asia/Ho_Chi_Minh', calendarUrl: 'https://api.example/calendar/secret.ics' } };

describe('maintenance load, month calendar', () => {
  it("asks for the month's bounds in the customer's zone and files each window under its local day", async () => {
    const lateEvening = upgrade('late', '2026-11-30T17:30:00.000Z', '2026-11-30T18:00:00.000Z'); // 1 Dec, 00:30 in Hanoi
    const previousMonth = upgrade('before', '2026-11-30T16:00:00.000Z', '2026-11-30T17:30:00.000Z'); // 30 Nov, 23:00
    const { event, calls } = fakeEvent({
      url: '/maintenance?view=calendar&month=2026-12&kind=FIX',
      answers: { MaintenanceMonth: { data: { viewer, month: connection([lateEvening, previousMonth]) } } },
    });
    const data = (await load(event)) as PageServerData;
    expect(calls[0]?.variables).toMatchObject({
      kinds: ['FIX'],
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    expect(data.view).toBe('calendar');
    expect(Object.keys(data.byDay ?? {})).toEqual(['2026-12-01']);
    expect(data.monthUpgrades?.map((u) => u.id)).toEqual(['before', 'late']);
    expect(data.calendarUrl).toBe('https://api.example/calendar/secret.ics');
  });

  it('falls back to the current month for a malformed one', async () => {
    const { event, calls } = fakeEvent({
      url: '/maintenance?view=calendar&month=2026-13',
      answers: { MaintenanceMonth: { data: { viewer, month: connection([]) } } },
    });
    const data = (await load(event)) as PageServerData;
    expect(data.month).toMatch(/^\d{4}-\d{2}$/);
    expect(calls[0]?.variables.kinds).toBeNull();
  });
});

describe('maintenance load, list', () => {
  it('lists upcoming soonest first and keeps windows under way out of the past', async () => {
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const soon = upgrade('soon', at(60), at(90));
    const later = upgrade('later', at(600), at(630));
    const underWay = upgrade('under-way', at(-10), at(20), 'IN_PROGRESS');
    const done = upgrade('done', at(-600), at(-570), 'COMPLETED');
    const { event } = fakeEvent({
      url: '/maintenance',
      answers: {
        MaintenanceList: {
          data: { viewer, upcoming: connection([later, soon, underWay]), past: connection([underWay, done], true) },
        },
      },
    });
    const data = (await load(event)) as PageServerData;
    expect(data.upcoming?.map((u) => u.id)).toEqual(['under-way', 'soon', 'later']);
    expect(data.past?.map((u) => u.id)).toEqual(['done']);
    expect(data.pastNext).toBe('cursor-1');
  });
});
