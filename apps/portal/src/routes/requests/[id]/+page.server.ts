import { error } from '@sveltejs/kit';
import { RequestDetailFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { submitMutation, textValue } from '$lib/server/form-action';
import { postModuleRequestComment } from '$lib/server/module-request-comment';
import type { Actions, PageServerLoad } from './$types';

const RequestQuery = graphql(
  `
    query ModuleRequestDetail($id: ID!) {
      node(id: $id) {
        __typename
        ...RequestDetailFields
      }
    }
  `,
  [RequestDetailFields],
);

const Withdraw = graphql(
  `
    mutation ModuleRequestWithdraw($id: ID!, $note: String) {
      moduleRequestAdvance(input: { id: $id, to: WITHDRAWN, note: $note }) {
        moduleRequest {
          id
          stage
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, RequestQuery, { id: event.params.id });
  if (data.node?.__typename !== 'ModuleRequest') error(404, 'not-found');
  const request = data.node;
  return {
    request,
    created: event.url.searchParams.has('created'),
    canWithdraw: request.nextStages.includes('WITHDRAWN'),
  };
};

export const actions: Actions = {
  comment: (event) => postModuleRequestComment(event, event.params.id),

  withdraw: async (event) => {
    const note = textValue(await event.request.formData(), 'note') || null;
    return submitMutation(
      event,
      Withdraw,
      { id: event.params.id, note },
      {
        payload: (data) => data.moduleRequestAdvance,
        done: () => ({ withdraw: { done: true as const } }),
        failed: ({ form }) => ({ withdraw: { error: form } }),
      },
    );
  },
};
