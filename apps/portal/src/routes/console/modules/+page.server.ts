import { nodesOf } from '$lib/api-types';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

const ConsoleModulesQuery = graphql(`
  query ConsoleModules {
    modules(first: 100) {
      edges {
        node {
          id
          key
          name
          category
          latestVersion
          requires {
            id
            name
          }
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const data = await loadQuery(event, ConsoleModulesQuery, {});
  return { modules: nodesOf(data.modules) };
};
