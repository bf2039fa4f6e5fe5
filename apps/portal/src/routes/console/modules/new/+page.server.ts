import { nodesOf } from '$lib/api-types';
import { EMPTY_MODULE } from '$lib/console/module-form';
import { ModuleChoices } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireAdmin } from '$lib/server/console-access';
import { saveModule } from '$lib/server/module-admin';
import type { Actions, PageServerLoad } from './$types';

const ConsoleModuleChoicesQuery = graphql(
  `
    query ConsoleModuleChoices {
      ...ModuleChoices
    }
  `,
  [ModuleChoices],
);

export const load: PageServerLoad = async (event) => {
  requireAdmin(event.locals);
  const data = await loadQuery(event, ConsoleModuleChoicesQuery, {});
  return { initial: EMPTY_MODULE, prerequisites: nodesOf(data.modules) };
};

export const actions: Actions = {
  default: (event) => saveModule(event, null),
};
