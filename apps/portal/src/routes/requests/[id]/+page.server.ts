import { error, fail } from '@sveltejs/kit';
import { UserErrorFields } from '$lib/fragments';
import type { MessageKey } from '$lib/i18n/messages';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const _COMMENT_MAX = 5_000;

const RequestQuery = graphql(`
  query ModuleRequestDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on ModuleRequest {
        id
        kind
        title
        description
        stage
        createdAt
        stageEnteredAt
        missingPrerequisites
        nextStages
        deliveredVersion
        assignee {
          name
        }
        createdBy {
          name
        }
        module {
          id
          name
        }
        timeline {
          kind
          stage
          note
          at
          by {
            name
          }
          assignee {
            name
          }
        }
      }
    }
  }
`);

const Comment = graphql(
  `
    mutation ModuleRequestComment($id: ID!, $body: String!) {
      moduleRequestComment(input: { id: $id, body: $body }) {
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
  comment: async (event) => {
    const body = textValue(await event.request.formData(), 'body');
    if (body.length === 0 || [...body].length > _COMMENT_MAX) {
      return fail(400, { comment: { error: 'request.commentRequired' as MessageKey, body } });
    }
    return submitMutation(
      event,
      Comment,
      { id: event.params.id, body },
      {
        payload: (data) => data.moduleRequestComment,
        done: () => ({ comment: { done: true as const } }),
        failed: ({ form }) => ({ comment: { error: form, body } }),
      },
    );
  },

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
