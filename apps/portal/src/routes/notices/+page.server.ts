import { fail } from '@sveltejs/kit';
import { NOTICE_STAGES, nodesOf, type NoticeStage } from '$lib/api-types';
import { InboxNoticeFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { submitMutation } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;
/** The API's limit per page and per acknowledgement. */
const MAX_AT_ONCE = 100;

const InboxQuery = graphql(
  `
    query Inbox($stages: [NoticeStage!], $first: Int!, $after: String, $max: Int!) {
      awaiting: notices(first: $max, filter: { unacknowledgedOnly: true, stages: $stages }) {
        edges {
          node {
            ...InboxNoticeFields
          }
        }
      }
      all: notices(first: $first, after: $after, filter: { stages: $stages }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...InboxNoticeFields
          }
        }
      }
    }
  `,
  [InboxNoticeFields],
);

const Acknowledge = graphql(
  `
    mutation NoticeAcknowledge($ids: [ID!]!) {
      noticeAcknowledge(input: { ids: $ids }) {
        notices {
          id
          acknowledgedAt
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export function _parseStage(value: string | null): NoticeStage | null {
  return NOTICE_STAGES.find((stage) => stage === value) ?? null;
}

export const load: PageServerLoad = async (event) => {
  const stage = _parseStage(event.url.searchParams.get('stage'));
  const after = event.url.searchParams.get('after');
  const data = await loadQuery(event, InboxQuery, {
    stages: stage ? [stage] : null,
    first: PAGE_SIZE,
    after,
    max: MAX_AT_ONCE,
  });
  const awaiting = nodesOf(data.awaiting);
  const awaitingIds = new Set(awaiting.map((notice) => notice.id));
  return {
    stage,
    isCustomer: event.locals.viewer?.customer != null,
    // Unacknowledged first, on every page; the rest below, newest first, a page at a time.
    awaiting,
    others: nodesOf(data.all).filter((notice) => !awaitingIds.has(notice.id)),
    firstPage: after === null,
    next: data.all.pageInfo.hasNextPage ? data.all.pageInfo.endCursor : null,
  };
};

/** The notices to acknowledge: the one whose button was pressed, else the ticked ones. */
export function _selectedIds(form: FormData): string[] {
  const only = form.get('only');
  if (typeof only === 'string' && only !== '') return [only];
  const ids = form.getAll('ids').filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

export const actions: Actions = {
  acknowledge: async (event) => {
    const ids = _selectedIds(await event.request.formData());
    if (ids.length === 0) return fail(400, { ack: { error: 'notices.nothingSelected' as const } });
    if (ids.length > MAX_AT_ONCE) return fail(400, { ack: { error: 'form.error.INVALID_INPUT' as const } });

    return submitMutation(
      event,
      Acknowledge,
      { ids },
      {
        payload: (data) => data.noticeAcknowledge,
        done: ({ notices }) => ({ ack: { count: notices?.length ?? ids.length } }),
        failed: ({ form }) => ({ ack: { error: form } }),
      },
    );
  },
};
