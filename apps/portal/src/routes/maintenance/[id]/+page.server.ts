import { error, fail } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { InboxNoticeFields, UpgradeListFields, UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { submitMutation } from '$lib/server/form-action';
import { parseWindowForm, type WindowForm } from '$lib/server/window-form';
import type { Actions, PageServerLoad } from './$types';

/** The API's limit on a proposal's reason. */
const PROPOSAL_REASON_MAX = 2_000;

// An upgrade that has not started can still be moved; the API says so again when it is answered.
const MOVABLE = new Set(['SCHEDULED', 'SANDBOX', 'READY']);

const UpgradeQuery = graphql(
  `
    query MaintenanceDetail($id: ID!) {
      node(id: $id) {
        __typename
        ... on Upgrade {
          ...UpgradeListFields
          summary
          targetVersion
          sandboxStart
          sandboxVerifiedAt
          windowProposals {
            id
            windowStart
            windowEnd
            reason
            state
            createdAt
          }
          notices(first: 50) {
            edges {
              node {
                ...InboxNoticeFields
              }
            }
          }
        }
      }
    }
  `,
  [UpgradeListFields, InboxNoticeFields],
);

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, UpgradeQuery, { id: event.params.id });
  // Another customer's upgrade, a draft, or not an upgrade at all: the same "not found".
  if (data.node?.__typename !== 'Upgrade') error(404, 'not-found');
  const { notices, windowProposals, ...upgrade } = data.node;
  const received = nodesOf(notices);
  return {
    upgrade,
    notices: received,
    windowProposals,
    proposalReasonMax: PROPOSAL_REASON_MAX,
    // Customer admins answer an announcement they received, while the upgrade can still be moved.
    mayPropose:
      (event.locals.viewer?.role === 'CUSTOMER_ADMIN' &&
        MOVABLE.has(upgrade.status) &&
        received.some((notice) => notice.stage === 'ANNOUNCEMENT')) ||
      false,
  };
};

const WindowPropose = graphql(
  `
    mutation UpgradeWindowPropose($input: UpgradeWindowProposeInput!) {
      upgradeWindowPropose(input: $input) {
        windowProposal {
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
  /** "This window does not suit us": another window, typed in the customer's zone, and why. */
  propose: async (event) => {
    const timeZone = event.locals.viewer?.customer?.timeZone;
    if (!timeZone) error(403, 'forbidden');
    const parsed = parseWindowForm(await event.request.formData(), timeZone, {
      reasonMax: PROPOSAL_REASON_MAX,
      reasonError: 'maintenance.proposal.reasonError',
    });
    if (!parsed.ok)
      return fail(400, { proposal: { values: parsed.values, errors: parsed.errors } satisfies WindowForm });
    const values = { ...parsed.input, startsAt: '', endsAt: '' };
    return submitMutation(
      event,
      WindowPropose,
      {
        input: {
          upgradeId: event.params.id,
          windowStart: parsed.input.startsAt,
          windowEnd: parsed.input.endsAt,
          reason: parsed.input.reason,
        },
      },
      {
        payload: (data) => data.upgradeWindowPropose,
        done: () => ({ proposal: { done: 'maintenance.proposal.sent' as const } }),
        failed: ({ form, windowStart }) => ({
          proposal: {
            values,
            errors: { form, ...(windowStart ? { startsAt: windowStart } : {}) },
          } satisfies WindowForm,
        }),
        fieldMessages: { windowStart: 'maintenance.proposal.startFuture' },
      },
    );
  },
};
