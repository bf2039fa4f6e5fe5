import { error, fail } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { consoleCapabilities } from '$lib/console/capabilities';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue, type FormErrors } from '$lib/server/form-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The API's largest page: more held at once is shown as a count. */
const SHOWN = 100;

const AdvisoriesQuery = graphql(`
  query ConsoleAdvisories($first: Int!) {
    advisoriesAwaitingRelease(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          body
          scheduledFor
          customer {
            id
            name
            code
            timeZone
            locale
          }
          upgrade {
            id
            title
            windowStart
            windowEnd
          }
        }
      }
    }
  }
`);

const Update = graphql(
  `
    mutation ConsoleAdvisoryUpdate($noticeId: ID!, $title: String, $body: String) {
      noticeAdvisoryUpdate(input: { noticeId: $noticeId, title: $title, body: $body }) {
        notice {
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

const Release = graphql(
  `
    mutation ConsoleAdvisoryRelease($noticeId: ID!) {
      noticeAdvisoryRelease(input: { noticeId: $noticeId }) {
        notice {
          id
          title
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

/** Only the account team and admins release advisories: the API refuses the list to other staff too. */
function requireReleaser(locals: App.Locals) {
  const viewer = requireStaff(locals);
  if (!consoleCapabilities(viewer.role).releaseAdvisories) error(403, 'The account team releases advisories');
  return viewer;
}

export const load: PageServerLoad = async (event) => {
  requireReleaser(event.locals);
  const data = await loadQuery(event, AdvisoriesQuery, { first: SHOWN });
  return {
    advisories: nodesOf(data.advisoriesAwaitingRelease),
    total: data.advisoriesAwaitingRelease.totalCount,
  };
};

async function updateAction(event: RequestEvent) {
  requireReleaser(event.locals);
  const form = await event.request.formData();
  const noticeId = textValue(form, 'noticeId');
  const title = textValue(form, 'title');
  const body = textValue(form, 'body');
  const values = { noticeId, title, body };
  if (!noticeId) {
    const errors: FormErrors<'title' | 'body'> = { form: 'form.error.INVALID_INPUT' };
    return fail(400, { update: { ...values, errors } });
  }
  return submitMutation(
    event,
    Update,
    // An empty field is sent as it is, so the API names it rather than keeping the old text silently.
    { noticeId, title, body },
    {
      payload: (data) => data.noticeAdvisoryUpdate,
      done: (payload) => (payload.notice ? { update: { noticeId, done: 'console.advisories.saved' as const } } : null),
      failed: (errors) => ({ update: { ...values, errors } }),
      fieldMessages: { title: 'console.advisories.error.title', body: 'console.advisories.error.body' },
    },
  );
}

export const actions: Actions = {
  update: updateAction,

  release: async (event) => {
    requireReleaser(event.locals);
    const noticeId = textValue(await event.request.formData(), 'noticeId');
    if (!noticeId) return fail(400, { release: { error: 'form.error.INVALID_INPUT' as const } });
    return submitMutation(
      event,
      Release,
      { noticeId },
      {
        payload: (data) => data.noticeAdvisoryRelease,
        done: (payload) => (payload.notice ? { release: { released: payload.notice.title } } : null),
        failed: ({ form }) => ({ release: { error: form } }),
      },
    );
  },
};
