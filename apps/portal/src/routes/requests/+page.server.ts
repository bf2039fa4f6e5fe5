import { gql } from '@urql/core';
import { isOpenModuleRequest, nodesOf, type Connection } from '$lib/api-types';
import { byNewest, REQUEST_LIST_FIELDS, type RequestListItem } from '$lib/module-request';
import { loadQuery } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const RequestsQuery = gql<{ moduleRequests: Connection<RequestListItem> }, Record<string, never>>`
  query Requests {
    moduleRequests(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${REQUEST_LIST_FIELDS}
        }
      }
    }
  }
`;

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, RequestsQuery, {});
  const requests = nodesOf(data.moduleRequests).sort(byNewest);
  return {
    isCustomer: event.locals.viewer?.customer != null,
    open: requests.filter((request) => isOpenModuleRequest(request.stage)),
    finished: requests.filter((request) => !isOpenModuleRequest(request.stage)),
  };
};
