import { error, fail } from '@sveltejs/kit';
import { consoleCapabilities } from '$lib/console/capabilities';
import {
  isUpgradeKind,
  policyValues,
  readPolicyForm,
  type PolicyField,
  type UpgradeKind,
} from '$lib/console/policy-form';
import type { MessageKey } from '$lib/i18n/messages';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery, type ApiEvent } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation } from '$lib/server/form-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PolicyFields = graphql(`
  fragment PolicyFields on NoticePolicy {
    kind
    announcementLeadDays
    announcementMinLeadDays
    announcementMaxLeadDays
    reminderLeadHours
    finalReminderLeadHours
    imminentLeadMinutes
    minimumNoticeHours
    advisoryOnSchedule
    sandboxRequired
    typicalDowntimeMinutes
    quietHoursStart
    quietHoursEnd
    acknowledgementCallMinutes
  }
`);

const PoliciesQuery = graphql(
  `
    query ConsoleNoticePolicies {
      noticePolicies {
        ...PolicyFields
      }
    }
  `,
  [PolicyFields],
);

const Preview = graphql(
  `
    query ConsoleNoticePolicyPreview($input: NoticePolicyUpdateInput!) {
      noticePolicyPreview(input: $input) {
        preview {
          standingUpgrades
          affectedUpgrades
          upgrades {
            upgrade {
              id
              title
              windowStart
              windowEnd
            }
            replanned
            shiftCount
            shifts {
              customer {
                id
                name
                timeZone
              }
              stage
              from
              to
            }
            warningsGained
            warningsLost
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const Save = graphql(
  `
    mutation ConsoleNoticePolicyUpdate($input: NoticePolicyUpdateInput!) {
      noticePolicyUpdate(input: $input) {
        policy {
          kind
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

function requireAdmin(event: Pick<RequestEvent, 'locals'>) {
  const viewer = requireStaff(event.locals);
  if (!consoleCapabilities(viewer.role).editPolicies) error(403, 'ADMIN only');
}

function kindOf(value: unknown): UpgradeKind {
  return isUpgradeKind(value) ? value : 'FEATURE';
}

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const data = await loadQuery(event, PoliciesQuery, {});
  const kind = kindOf(event.url.searchParams.get('kind'));
  const policy = data.noticePolicies.find((p) => p.kind === kind);
  if (!policy) error(404, 'not-found');
  return { kind, kinds: data.noticePolicies.map((p) => p.kind), values: policyValues(policy) };
};

/** The form read for a preview or a save: a typo in a number is answered at once, with what was typed. */
async function readForm(event: ApiEvent & Pick<RequestEvent, 'request'>) {
  const form = await event.request.formData();
  return readPolicyForm(form, kindOf(form.get('kind')));
}

type PolicyState = ReturnType<typeof readPolicyForm>['state'];

const failedWith = (state: PolicyState) => (errors: PolicyState['errors'] & { form: MessageKey }) => ({
  policy: { ...state, errors: { ...state.errors, ...errors } },
});

const invalid = (state: PolicyState) =>
  fail(400, { policy: { ...state, errors: { ...state.errors, form: 'form.error.INVALID_INPUT' as const } } });

/** The messages beside the fields the API names (its own messages are in English only). */
const FIELD_MESSAGES = {
  announcementLeadDays: 'console.policies.error.announcement',
  announcementMinLeadDays: 'console.policies.error.range',
  quietHoursStart: 'console.policies.error.hour',
  quietHoursEnd: 'console.policies.error.hour',
} as const satisfies Partial<Record<PolicyField, MessageKey>>;

export const actions: Actions = {
  // A read, sent as a one-off request like a mutation: it answers this form, never a cached page.
  preview: async (event) => {
    requireAdmin(event);
    const { state, input } = await readForm(event);
    if (!input) return invalid(state);
    return submitMutation(
      event,
      Preview,
      { input },
      {
        payload: (data) => data.noticePolicyPreview,
        done: (payload) => (payload.preview ? { policy: { ...state, preview: payload.preview } } : null),
        failed: failedWith(state),
        fieldMessages: FIELD_MESSAGES,
      },
    );
  },

  save: async (event) => {
    requireAdmin(event);
    const { state, input } = await readForm(event);
    if (!input) return invalid(state);
    return submitMutation(
      event,
      Save,
      { input },
      {
        payload: (data) => data.noticePolicyUpdate,
        done: (payload) => (payload.policy ? { policy: { ...state, saved: true as const } } : null),
        failed: failedWith(state),
        fieldMessages: FIELD_MESSAGES,
      },
    );
  },
};
