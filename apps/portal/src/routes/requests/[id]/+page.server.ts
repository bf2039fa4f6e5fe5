import { error, fail } from '@sveltejs/kit';
import { gql } from '@urql/core';
import type { ModuleRequestEventKind, ModuleRequestKind, ModuleRequestStage, UserError } from '$lib/api-types';
import { loadQuery, runMutation, userErrorsMessage } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const _COMMENT_MAX = 5_000;

interface RequestEvent {
  kind: ModuleRequestEventKind;
  stage: ModuleRequestStage;
  note: string | null;
  at: string;
  by: { name: string } | null;
  assignee: { name: string } | null;
}

interface RequestDetail {
  __typename: 'ModuleRequest';
  id: string;
  kind: ModuleRequestKind;
  title: string;
  description: string;
  stage: ModuleRequestStage;
  createdAt: string;
  stageEnteredAt: string;
  missingPrerequisites: string[];
  nextStages: ModuleRequestStage[];
  deliveredVersion: string | null;
  assignee: { name: string } | null;
  createdBy: { name: string } | null;
  module: { id: string; name: string } | null;
  timeline: RequestEvent[];
}

const RequestQuery = gql<{ node: RequestDetail | { __typename: string } | null }, { id: string }>`
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
`;

const Comment = gql<
  { moduleRequestComment: { moduleRequest: { id: string } | null; userErrors: UserError[] } },
  { id: string; body: string }
>`
  mutation ModuleRequestComment($id: ID!, $body: String!) {
    moduleRequestComment(input: { id: $id, body: $body }) {
      moduleRequest {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

const Withdraw = gql<
  {
    moduleRequestAdvance: { moduleRequest: { id: string; stage: ModuleRequestStage } | null; userErrors: UserError[] };
  },
  { id: string; note: string | null }
>`
  mutation ModuleRequestWithdraw($id: ID!, $note: String) {
    moduleRequestAdvance(input: { id: $id, to: WITHDRAWN, note: $note }) {
      moduleRequest {
        id
        stage
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, RequestQuery, { id: event.params.id });
  if (data.node?.__typename !== 'ModuleRequest') error(404, 'not-found');
  const request = data.node as RequestDetail;
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
