import { error } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { consoleCapabilities } from '$lib/console/capabilities';
import { EMPTY_MODULE } from '$lib/console/module-form';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { saveModule } from '$lib/server/module-admin';
import type { Actions, PageServerLoad } from './$types';

const ConsoleModuleChoicesQuery = graphql(`
  query ConsoleModuleChoices {
    modules(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  if (!consoleCapabilities(viewer.role).administer) error(403, 'ADMIN only');
  const data = await loadQuery(event, ConsoleModuleChoicesQuery, {});
  return { initial: EMPTY_MODULE, prerequisites: nodesOf(data.modules) };
};

export const actions: Actions = {
  default: (event) => saveModule(event, null),
};
