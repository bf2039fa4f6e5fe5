import { fail } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { StaffAlertFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The newest alerts shown; older ones are marked read with "all" or wait for the next ones to be read. */
const SHOWN = 50;

const AlertsQuery = graphql(
  `
    query ConsoleStaffAlerts($first: Int!, $unreadOnly: Boolean) {
      staffAlerts(first: $first, unreadOnly: $unreadOnly) {
        totalCount
        unreadCount
        edges {
          node {
            ...StaffAlertFields
          }
        }
      }
    }
  `,
  [StaffAlertFields],
);

const MarkRead = graphql(
  `
    mutation ConsoleStaffAlertMarkRead($ids: [ID!], $all: Boolean) {
      staffAlertMarkRead(input: { ids: $ids, all: $all }) {
        markedCount
        unreadCount
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const unreadOnly = event.url.searchParams.get('show') === 'unread';
  const data = await loadQuery(event, AlertsQuery, { first: SHOWN, unreadOnly });
  return {
    unreadOnly,
    alerts: nodesOf(data.staffAlerts),
    total: data.staffAlerts.totalCount,
    unreadCount: data.staffAlerts.unreadCount,
  };
};

function markRead(event: RequestEvent, variables: { ids: string[] | null; all: boolean | null }) {
  return submitMutation(event, MarkRead, variables, {
    payload: (data) => data.staffAlertMarkRead,
    done: () => ({ read: { done: 'console.alerts.markedRead' as const } }),
    failed: ({ form }) => ({ read: { error: form } }),
  });
}

export const actions: Actions = {
  read: async (event) => {
    requireStaff(event.locals);
    const id = textValue(await event.request.formData(), 'id');
    if (!id) return fail(400, { read: { error: 'form.error.INVALID_INPUT' as const } });
    return markRead(event, { ids: [id], all: null });
  },

  readAll: (event) => {
    requireStaff(event.locals);
    return markRead(event, { ids: null, all: true });
  },
};
