import { isOpenModuleRequest, nodesOf, type ModuleRequestKind, type ModuleRequestStage } from '$lib/api-types';
import { CatalogModuleFields, InstallationFields } from '$lib/fragments';
import { graphql, type ResultOf } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const CatalogQuery = graphql(
  `
    query Catalog {
      modules(first: 100) {
        totalCount
        edges {
          node {
            ...CatalogModuleFields
            category
          }
        }
      }
      viewer {
        customer {
          installedModules(first: 100) {
            edges {
              node {
                ...InstallationFields
                module {
                  id
                }
              }
            }
          }
          moduleRequests(first: 100) {
            edges {
              node {
                id
                stage
                kind
                module {
                  id
                }
              }
            }
          }
        }
      }
    }
  `,
  [CatalogModuleFields, InstallationFields],
);

type Catalog = ResultOf<typeof CatalogQuery>;
type CatalogModule = Catalog['modules']['edges'][number]['node'];
type Installation = NonNullable<
  NonNullable<Catalog['viewer']>['customer']
>['installedModules']['edges'][number]['node'];

export interface CatalogEntry extends CatalogModule {
  installed: Omit<Installation, 'module'> | null;
  /** The customer's open request about this module, if any. */
  openRequest: { id: string; stage: ModuleRequestStage; kind: ModuleRequestKind } | null;
}

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, CatalogQuery, {});
  const customer = data.viewer?.customer ?? null;
  const installed = new Map(nodesOf(customer?.installedModules).map(({ module, ...rest }) => [module.id, rest]));
  const openRequests = new Map<string, CatalogEntry['openRequest']>();
  for (const request of nodesOf(customer?.moduleRequests)) {
    if (request.module && isOpenModuleRequest(request.stage) && !openRequests.has(request.module.id)) {
      openRequests.set(request.module.id, { id: request.id, stage: request.stage, kind: request.kind });
    }
  }

  const categories = new Map<string, CatalogEntry[]>();
  for (const module of nodesOf(data.modules)) {
    const entry: CatalogEntry = {
      ...module,
      installed: installed.get(module.id) ?? null,
      openRequest: openRequests.get(module.id) ?? null,
    };
    categories.set(module.category, [...(categories.get(module.category) ?? []), entry]);
  }

  return {
    isCustomer: customer !== null,
    installedCount: installed.size,
    total: data.modules.totalCount,
    categories: [...categories].map(([category, modules]) => ({
      category,
      modules: modules.sort((a, b) => a.name.localeCompare(b.name)),
    })),
  };
};
