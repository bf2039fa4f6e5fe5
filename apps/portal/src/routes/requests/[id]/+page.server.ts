import { error, fail } from '@sveltejs/kit';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery, runMutation, userErrorsMessage } from '$lib/server/api';
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
    const form = await event.request.formData();
    const body = String(form.get('body') ?? '').trim();
    if (body.length === 0 || [...body].length > _COMMENT_MAX) {
      return fail(400, { comment: { error: 'request.commentRequired' as const, body } });
    }
    const outcome = await runMutation(event, Comment, { id: event.params.id, body });
    if (!outcome.ok) return fail(503, { comment: { error: outcome.message, body } });
    const problem = userErrorsMessage(outcome.data.moduleRequestComment.userErrors);
    if (problem) return fail(400, { comment: { error: problem, body } });
    return { comment: { done: true as const } };
  },

  withdraw: async (event) => {
    const form = await event.request.formData();
    const note = String(form.get('note') ?? '').trim() || null;
    const outcome = await runMutation(event, Withdraw, { id: event.params.id, note });
    if (!outcome.ok) return fail(503, { withdraw: { error: outcome.message } });
    const problem = userErrorsMessage(outcome.data.moduleRequestAdvance.userErrors);
    if (problem) return fail(400, { withdraw: { error: problem } });
    return { withdraw: { done: true as const } };
  },
};
