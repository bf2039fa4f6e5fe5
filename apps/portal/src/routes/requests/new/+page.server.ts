import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { MODULE_REQUEST_KINDS, nodesOf, type ModuleRequestKind } from '$lib/api-types';
import { CatalogModuleFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import type { MessageKey } from '$lib/i18n/messages';
import { loadQuery } from '$lib/server/api';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const _TITLE_MAX = 200;
export const _DESCRIPTION_MAX = 10_000;

const FormQuery = graphql(
  `
    query ModuleRequestForm($id: ID!) {
      node(id: $id) {
        __typename
        ...CatalogModuleFields
      }
      viewer {
        customer {
          installedModules(first: 100) {
            edges {
              node {
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
  [CatalogModuleFields],
);

const CreateRequest = graphql(
  `
    mutation ModuleRequestCreate($input: ModuleRequestCreateInput!) {
      moduleRequestCreate(input: $input) {
        moduleRequest {
          id
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

function parseKind(value: string | null): ModuleRequestKind {
  return MODULE_REQUEST_KINDS.find((kind) => kind === value) ?? 'NEW_MODULE';
}

export const load: PageServerLoad = async (event) => {
  if (event.locals.viewer?.role !== 'CUSTOMER_ADMIN') error(403, 'forbidden');
  const moduleId = event.url.searchParams.get('module');
  if (!moduleId) error(404, 'not-found');
  const data = await loadQuery(event, FormQuery, { id: moduleId });
  const module = data.node;
  if (module?.__typename !== 'Module') error(404, 'not-found');
  const installed = new Set(nodesOf(data.viewer?.customer?.installedModules).map((entry) => entry.module.id));
  return {
    kind: parseKind(event.url.searchParams.get('kind')),
    module,
    installed: installed.has(module.id),
    prerequisites: module.requires.map((required) => ({ ...required, installed: installed.has(required.id) })),
  };
};

export interface RequestFormErrors {
  title?: MessageKey;
  description?: MessageKey;
  form?: MessageKey;
}

/** Checks the form as the API will (lengths in characters), so a mistake is shown next to its field. */
export function _validateRequestForm(title: string, description: string): RequestFormErrors {
  const errors: RequestFormErrors = {};
  if (title.length === 0 || [...title].length > _TITLE_MAX) errors.title = 'requestForm.error.title';
  if (description.length === 0 || [...description].length > _DESCRIPTION_MAX) {
    errors.description = 'requestForm.error.description';
  }
  return errors;
}

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const title = textValue(form, 'title');
    const description = textValue(form, 'description');
    const kind = parseKind(textValue(form, 'kind'));
    const moduleId = textValue(form, 'moduleId');
    const values = { title, description };

    const errors = _validateRequestForm(title, description);
    if (errors.title || errors.description) return fail(400, { values, errors });

    return submitMutation(
      event,
      CreateRequest,
      { input: { kind, moduleId, title, description } },
      {
        payload: (data) => data.moduleRequestCreate,
        done: ({ moduleRequest }) =>
          moduleRequest && redirect(303, `${resolve('/requests/[id]', { id: moduleRequest.id })}?created=1`),
        failed: (errors: RequestFormErrors) => ({ values, errors }),
        fieldMessages: { title: 'requestForm.error.title', description: 'requestForm.error.description' },
      },
    );
  },
};
