import { error, fail } from '@sveltejs/kit';
import { moduleRequestActions } from '@upgrade-desk/domain/module-request-stages';
import { MODULE_REQUEST_STAGES, nodesOf, type ModuleRequestStage } from '$lib/api-types';
import { RequestDetailFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery, type ApiEvent } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';
import { setWarranty } from '$lib/server/installed-modules';
import { postModuleRequestComment } from '$lib/server/module-request-comment';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The request and the consultants it may be given to, in one call.
const RequestQuery = graphql(
  `
    query ConsoleModuleRequest($id: ID!) {
      node(id: $id) {
        __typename
        ... on ModuleRequest {
          ...RequestDetailFields
          customer {
            id
            name
            code
            timeZone
          }
          warrantyEndsAt
          installedModule {
            id
            version
            warrantyEndsAt
          }
        }
      }
      staffMembers(role: IMPLEMENTATION, first: 100) {
        edges {
          node {
            id
            name
            disabledAt
          }
        }
      }
    }
  `,
  [RequestDetailFields],
);

const Advance = graphql(
  `
    mutation ConsoleModuleRequestAdvance($id: ID!, $to: ModuleRequestStage!, $note: String) {
      moduleRequestAdvance(input: { id: $id, to: $to, note: $note }) {
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

const Assign = graphql(
  `
    mutation ConsoleModuleRequestAssign($id: ID!, $assigneeId: ID, $note: String) {
      moduleRequestAssign(input: { id: $id, assigneeId: $assigneeId, note: $note }) {
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

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  const data = await loadQuery(event, RequestQuery, { id: event.params.id });
  if (data.node?.__typename !== 'ModuleRequest') error(404, 'not-found');
  return {
    request: data.node,
    consultants: nodesOf(data.staffMembers).filter((member) => member.disabledAt === null),
    // The API refuses the others anyway; the page shows only what this role may do.
    actions: moduleRequestActions(data.node.stage, viewer.role),
  };
};

function moveTo(event: ApiEvent, to: ModuleRequestStage, note: string | null, id: string) {
  return submitMutation(
    event,
    Advance,
    { id, to, note },
    {
      payload: (data) => data.moduleRequestAdvance,
      done: (payload) => (payload.moduleRequest ? { stage: { done: payload.moduleRequest.stage } } : null),
      failed: ({ form, note: noteError }) => ({ stage: { error: form, to, note: note ?? '', noteError } }),
      fieldMessages: {
        note: to === 'REJECTED' ? 'console.requests.reasonRequired' : 'console.requests.sendBackReasonRequired',
      },
    },
  );
}

async function stageAction(event: RequestEvent) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  const to = textValue(form, 'to');
  const note = textValue(form, 'note') || null;
  if (!(MODULE_REQUEST_STAGES as readonly string[]).includes(to)) {
    return fail(400, {
      stage: { error: 'form.error.INVALID_INPUT' as const, to: null, note: note ?? '', noteError: undefined },
    });
  }
  return moveTo(event, to as ModuleRequestStage, note, event.params.id);
}

export const actions: Actions = {
  stage: stageAction,

  // At the WARRANTY step: the delivered module's warranty end, typed as a day in the customer's zone.
  warranty: setWarranty,

  comment: (event) => {
    requireStaff(event.locals);
    return postModuleRequestComment(event, event.params.id);
  },

  assign: async (event) => {
    requireStaff(event.locals);
    const form = await event.request.formData();
    const assigneeId = textValue(form, 'assigneeId') || null;
    return submitMutation(
      event,
      Assign,
      { id: event.params.id, assigneeId, note: null },
      {
        payload: (data) => data.moduleRequestAssign,
        done: () => ({ assign: { done: 'console.requests.assigned' as const } }),
        failed: ({ form: message }) => ({ assign: { error: message } }),
      },
    );
  },
};
