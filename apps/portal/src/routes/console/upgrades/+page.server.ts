import { nodesOf, UPGRADE_STATUSES } from '$lib/api-types';
import {
  BOARD_DEPENDENCY,
  boardProgress,
  boardQueryFromParams,
  calendarDays,
  matchesBoardFilter,
  upgradesByDay,
} from '$lib/console/upgrade-board';
import { filterOptions } from '$lib/console/request-queue';
import { graphql, type ResultOf } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff, STAFF_TIME_ZONE_COOKIE, staffTimeZone } from '$lib/server/console-access';
import { daysBounds, localDateKey } from '@upgrade-desk/domain/time-zone';
import type { PageServerLoad } from './$types';

// Both queries load 60 upgrades, more than a month usually holds (the page says when there are
// more): each brings up to 100 targets with where they stand (the API's acknowledgementProgress,
// one list in place of the targets and their notices), and 60 keep the operation inside half the
// API's cost limit, which 62 would not.
const BoardUpgradeFields = graphql(`
  fragment BoardUpgradeFields on Upgrade {
    id
    kind
    status
    title
    windowStart
    windowEnd
    policyWarnings
    modules {
      id
      name
    }
    acknowledgementProgress(first: 100) {
      customer {
        id
        name
        code
      }
      state
      deadline
      by {
        name
        at
      }
    }
  }
`);

const BoardConnectionFields = graphql(
  `
    fragment BoardConnectionFields on UpgradeConnection {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...BoardUpgradeFields
        }
      }
    }
  `,
  [BoardUpgradeFields],
);

const UpcomingQuery = graphql(
  `
    query ConsoleUpgradesUpcoming {
      upgrades: upcomingMaintenance(first: 60) {
        ...BoardConnectionFields
      }
    }
  `,
  [BoardConnectionFields],
);

const CalendarQuery = graphql(
  `
    query ConsoleUpgradesCalendar($from: DateTime!, $to: DateTime!) {
      upgrades(first: 60, filter: { from: $from, to: $to }) {
        ...BoardConnectionFields
      }
    }
  `,
  [BoardConnectionFields],
);

type BoardUpgradeData = ResultOf<typeof BoardUpgradeFields>;

function boardUpgrade(upgrade: BoardUpgradeData) {
  const { acknowledgementProgress, ...rest } = upgrade;
  return {
    ...rest,
    targets: acknowledgementProgress.map((target) => target.customer),
    progress: boardProgress(acknowledgementProgress),
  };
}

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  event.depends(BOARD_DEPENDENCY);
  const now = new Date();
  // The console layout's zone, read here too: the calendar's days are the staff member's.
  const timeZone = staffTimeZone(event.cookies.get(STAFF_TIME_ZONE_COOKIE));
  const today = localDateKey(now, timeZone);
  const query = boardQueryFromParams(event.url.searchParams, today);
  const days = calendarDays(query.span, query.day);

  // Filters work on what is loaded, so that each offers every module and customer of the period.
  let data: ResultOf<typeof UpcomingQuery>;
  if (query.view === 'calendar') {
    const { start, end } = daysBounds(days.first, days.last, timeZone);
    data = await loadQuery(event, CalendarQuery, { from: start.toISOString(), to: end.toISOString() });
  } else {
    data = await loadQuery(event, UpcomingQuery, {});
  }
  const loaded = nodesOf(data.upgrades)
    .map(boardUpgrade)
    .sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  const upgrades = loaded.filter((upgrade) => matchesBoardFilter(upgrade, query.filter));

  return {
    ...query,
    today,
    upgrades,
    rows: days.rows,
    byDay: query.view === 'calendar' ? upgradesByDay(upgrades, days.first, days.last, timeZone) : {},
    total: data.upgrades.totalCount,
    loaded: loaded.length,
    truncated: data.upgrades.pageInfo.hasNextPage,
    options: {
      statuses: UPGRADE_STATUSES,
      modules: filterOptions(
        loaded.flatMap((upgrade) => upgrade.modules),
        (module) => module,
      ),
      customers: filterOptions(
        loaded.flatMap((upgrade) => upgrade.targets),
        (customer) => customer,
      ),
    },
  };
};
