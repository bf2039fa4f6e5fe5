import { error } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import type { ModuleValues } from '$lib/console/module-form';
import { ModuleChoices } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { publishVersion, saveModule } from '$lib/server/module-admin';
import type { Actions, PageServerLoad } from './$types';

const ConsoleModuleQuery = graphql(
  `
    query ConsoleModule($id: ID!) {
      node(id: $id) {
        ... on Module {
          __typename
          id
          name
          key
          nameVi
          nameEn
          descriptionVi
          descriptionEn
          category
          latestVersion
          requires {
            id
          }
          versions {
            version
            releasedAt
            notes
          }
        }
      }
      ...ModuleChoices
    }
  `,
  [ModuleChoices],
);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const data = await loadQuery(event, ConsoleModuleQuery, { id: event.params.id });
  const module = data.node;
  if (module?.__typename !== 'Module') error(404, 'No such module');
  const values: ModuleValues = {
    key: module.key,
    nameVi: module.nameVi,
    nameEn: module.nameEn,
    descriptionVi: module.descriptionVi,
    descriptionEn: module.descriptionEn,
    category: module.category,
    requiresIds: module.requires.map((required) => required.id),
    version: '',
  };
  return {
    module: { id: module.id, name: module.name, latestVersion: module.latestVersion, versions: module.versions },
    values,
    prerequisites: nodesOf(data.modules).filter((other) => other.id !== module.id),
  };
};

export const actions: Actions = {
  update: (event) => saveModule(event, event.params.id),
  publish: (event) => publishVersion(event, event.params.id),
};
