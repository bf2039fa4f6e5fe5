import { isOpenModuleRequest, nodesOf } from '$lib/api-types';
import { RequestListFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { byNewest } from '$lib/module-request';
import { loadQuery } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const RequestsQuery = graphql(
  `
    query Requests {
      moduleRequests(first: 100) {
        edges {
          node {
            ...RequestListFields
          }
        }
      }
    }
  `,
  [RequestListFields],
);

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, RequestsQuery, {});
  const requests = nodesOf(data.moduleRequests).sort(byNewest);
  return {
    isCustomer: event.locals.viewer?.customer != null,
    open: requests.filter((request) => isOpenModuleRequest(request.stage)),
    finished: requests.filter((request) => !isOpenModuleRequest(request.stage)),
  };
};
