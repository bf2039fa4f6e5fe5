import { nodesOf } from '$lib/api-types';
import {
  boardColumns,
  filterOptions,
  MAX_QUEUE,
  matchesQueueFilter,
  queueFilterFromQuery,
} from '$lib/console/request-queue';
import { RequestListFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

// The whole open queue in one call; the filters then work on it here, so every filter offers
// every module, customer and assignee of the queue whatever else is chosen.
const QueueQuery = graphql(
  `
    query ConsoleRequestQueue($first: Int!) {
      openModuleRequests(first: $first) {
        totalCount
        edges {
          node {
            ...RequestListFields
            timeInStageSeconds
            customer {
              id
              name
              code
            }
            assignee {
              id
              name
            }
          }
        }
      }
    }
  `,
  [RequestListFields],
);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const { filter, view } = queueFilterFromQuery(event.url.searchParams);
  const data = await loadQuery(event, QueueQuery, { first: MAX_QUEUE });
  const queue = nodesOf(data.openModuleRequests);
  const requests = queue.filter((request) => matchesQueueFilter(request, filter));
  return {
    filter,
    view,
    requests,
    columns: view === 'board' ? boardColumns(requests, filter.stage) : [],
    totalOpen: data.openModuleRequests.totalCount,
    shownOpen: queue.length,
    options: {
      modules: filterOptions(queue, (request) => request.module),
      customers: filterOptions(queue, (request) => request.customer),
      assignees: filterOptions(queue, (request) => request.assignee),
    },
  };
};
