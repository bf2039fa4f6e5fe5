import { nodesOf, UPGRADE_KINDS, type UpgradeKind } from '$lib/api-types';
import { UpgradeListFields, UserErrorFields, type UpgradeListItem } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { submitMutation } from '$lib/server/form-action';
import {
  DEFAULT_TIME_ZONE,
  isMonthKey,
  localDateKey,
  localMonthKey,
  monthBounds,
} from '@upgrade-desk/domain/time-zone';
import type { Actions, PageServerLoad } from './$types';

const PAST_PAGE_SIZE = 20;
/** More than a customer sees in a month or has coming; the list says when there are more. */
const WINDOW_LIMIT = 100;

const UpgradeConnectionFields = graphql(
  `
    fragment UpgradeConnectionFields on UpgradeConnection {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...UpgradeListFields
        }
      }
    }
  `,
  [UpgradeListFields],
);

const ListQuery = graphql(
  `
    query MaintenanceList($kinds: [UpgradeKind!], $now: DateTime!, $pastAfter: String, $pastFirst: Int!, $limit: Int!) {
      viewer {
        customer {
          timeZone
          calendarUrl
        }
      }
      upcoming: upgrades(first: $limit, filter: { kinds: $kinds, from: $now }) {
        ...UpgradeConnectionFields
      }
      past: upgrades(first: $pastFirst, after: $pastAfter, filter: { kinds: $kinds, to: $now }) {
        ...UpgradeConnectionFields
      }
    }
  `,
  [UpgradeConnectionFields],
);

const MonthQuery = graphql(
  `
    query MaintenanceMonth($kinds: [UpgradeKind!], $from: DateTime!, $to: DateTime!, $limit: Int!) {
      viewer {
        customer {
          timeZone
          calendarUrl
        }
      }
      month: upgrades(first: $limit, filter: { kinds: $kinds, from: $from, to: $to }) {
        ...UpgradeConnectionFields
      }
    }
  `,
  [UpgradeConnectionFields],
);

const CalendarRotate = graphql(
  `
    mutation CalendarRotate {
      customerCalendarRotate {
        calendarUrl
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

function parseKind(value: string | null): UpgradeKind | null {
  return UPGRADE_KINDS.find((kind) => kind === value) ?? null;
}

const byWindowStart = (a: UpgradeListItem, b: UpgradeListItem) => a.windowStart.localeCompare(b.windowStart);

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const kind = parseKind(url.searchParams.get('kind'));
  const kinds = kind ? [kind] : null;
  const view = url.searchParams.get('view') === 'calendar' ? 'calendar' : 'list';
  const now = new Date();
  const timeZone = locals.viewer?.customer?.timeZone ?? DEFAULT_TIME_ZONE;
  const common = { kind, view, isCustomer: locals.viewer?.customer != null } as const;

  if (view === 'calendar') {
    const requested = url.searchParams.get('month');
    const month = isMonthKey(requested) ? requested : localMonthKey(now, timeZone);
    const { start, end } = monthBounds(month, timeZone);
    const data = await loadQuery(event, MonthQuery, {
      kinds,
      from: start.toISOString(),
      to: end.toISOString(),
      limit: WINDOW_LIMIT,
    });
    const upgrades = nodesOf(data.month).sort(byWindowStart);
    const byDay: Record<string, UpgradeListItem[]> = {};
    for (const upgrade of upgrades) {
      // A window is placed on the day it starts, in the customer's zone.
      const day = localDateKey(upgrade.windowStart, timeZone);
      if (day.startsWith(month)) (byDay[day] ??= []).push(upgrade);
    }
    return {
      ...common,
      calendarUrl: data.viewer?.customer?.calendarUrl ?? null,
      month,
      currentMonth: localMonthKey(now, timeZone),
      monthUpgrades: upgrades,
      byDay,
      truncated: data.month.pageInfo.hasNextPage,
    };
  }

  const pastAfter = url.searchParams.get('after');
  const data = await loadQuery(event, ListQuery, {
    kinds,
    now: now.toISOString(),
    pastAfter,
    pastFirst: PAST_PAGE_SIZE,
    limit: WINDOW_LIMIT,
  });
  return {
    ...common,
    calendarUrl: data.viewer?.customer?.calendarUrl ?? null,
    upcoming: nodesOf(data.upcoming).sort(byWindowStart),
    // Windows under way are listed as upcoming; "past" is what has ended (or was cancelled before).
    past: nodesOf(data.past).filter((upgrade) => new Date(upgrade.windowEnd) <= now),
    pastNext: data.past.pageInfo.hasNextPage ? data.past.pageInfo.endCursor : null,
    pastIsFirstPage: pastAfter === null,
    truncated: data.upcoming.pageInfo.hasNextPage,
  };
};

export const actions: Actions = {
  rotateCalendar: (event) =>
    submitMutation(
      event,
      CalendarRotate,
      {},
      {
        payload: (data) => data.customerCalendarRotate,
        done: () => ({ rotate: { done: true as const } }),
        failed: ({ form }) => ({ rotate: { error: form } }),
      },
    ),
};
