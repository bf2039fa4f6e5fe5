import { error, fail } from '@sveltejs/kit';
import { CALL_NOTE_MAX } from '@upgrade-desk/domain/follow-up';
import { nodesOf } from '$lib/api-types';
import { consoleCapabilities } from '$lib/console/capabilities';
import { followUpCustomers, mayRecordCall } from '$lib/console/follow-up';
import { CustomerAddressFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { DEFAULT_LOCALE, parseLocale } from '$lib/i18n/locale';
import { t } from '$lib/i18n/messages';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

// Every customer with its account team, contacts and window proposals, and every overdue
// acknowledgement with the calls made about it, in one call: the page keeps the customers the
// viewer looks after (see followUpCustomers).
const FollowUpQuery = graphql(
  `
    query ConsoleFollowUp {
      customers(first: 100) {
        edges {
          node {
            ...CustomerAddressFields
            contactEmail
            contactPhone
            accountTeam {
              name
              role
              user {
                id
              }
            }
            users(first: 10) {
              edges {
                node {
                  id
                  name
                  email
                  role
                  disabledAt
                }
              }
            }
            windowProposals {
              id
              windowStart
              windowEnd
              reason
              state
              createdAt
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
      overdueAcknowledgements(first: 100) {
        totalCount
        edges {
          node {
            id
            title
            stage
            acknowledgeBy
            escalatedAt
            customer {
              id
            }
            upgrade {
              id
              title
              windowStart
            }
            calls {
              id
              note
              at
              caller {
                name
              }
            }
          }
        }
      }
    }
  `,
  [CustomerAddressFields],
);

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  const data = await loadQuery(event, FollowUpQuery, {});
  const customers = nodesOf(data.customers).map((customer) => ({
    ...customer,
    contacts: nodesOf(customer.users).filter((user) => user.disabledAt === null),
    mayRecordCall: mayRecordCall(viewer, customer),
  }));
  const { lookedAfter, customers: entries } = followUpCustomers(
    customers,
    nodesOf(data.overdueAcknowledgements),
    viewer.id,
  );
  return {
    lookedAfter,
    entries,
    overdueShown: data.overdueAcknowledgements.edges.length,
    overdueTotal: data.overdueAcknowledgements.totalCount,
    mayReschedule: consoleCapabilities(viewer.role).planUpgrades,
    callNoteMax: CALL_NOTE_MAX,
  };
};

const CallRecord = graphql(
  `
    mutation NoticeCallRecord($input: NoticeCallRecordInput!) {
      noticeCallRecord(input: $input) {
        call {
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

const TargetReschedule = graphql(
  `
    mutation FollowUpTargetReschedule($input: UpgradeTargetRescheduleInput!) {
      upgradeTargetReschedule(input: $input) {
        upgrade {
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

export const actions: Actions = {
  /** "Called the customer": the note goes on the notice's timeline. */
  call: async (event) => {
    requireStaff(event.locals);
    const form = await event.request.formData();
    const noticeId = textValue(form, 'noticeId');
    const note = textValue(form, 'note');
    if (note.length === 0 || note.length > CALL_NOTE_MAX) {
      return fail(400, { call: { noticeId, error: 'console.followup.callNoteError' as const, note } });
    }
    return submitMutation(
      event,
      CallRecord,
      { input: { noticeId, note } },
      {
        payload: (data) => data.noticeCallRecord,
        done: () => ({ call: { noticeId, done: 'console.followup.callRecorded' as const } }),
        failed: ({ form: message }) => ({ call: { noticeId, error: message, note } }),
      },
    );
  },

  /** One click: the customer's window becomes the one it proposed. */
  reschedule: async (event) => {
    const viewer = requireStaff(event.locals);
    if (!consoleCapabilities(viewer.role).planUpgrades) error(403, 'forbidden');
    const form = await event.request.formData();
    const proposalId = textValue(form, 'proposalId');
    return submitMutation(
      event,
      TargetReschedule,
      {
        input: {
          id: textValue(form, 'upgradeId'),
          customerId: textValue(form, 'customerId'),
          windowStart: textValue(form, 'windowStart'),
          windowEnd: textValue(form, 'windowEnd'),
          // Told to the customer in its RESCHEDULED notice, so in its language.
          reason: t(
            parseLocale(textValue(form, 'customerLocale')) ?? DEFAULT_LOCALE,
            'console.followup.rescheduleReason',
          ),
        },
      },
      {
        payload: (data) => data.upgradeTargetReschedule,
        done: () => ({ reschedule: { proposalId, done: 'console.followup.rescheduled' as const } }),
        failed: ({ form: message }) => ({ reschedule: { proposalId, error: message } }),
      },
    );
  },
};
