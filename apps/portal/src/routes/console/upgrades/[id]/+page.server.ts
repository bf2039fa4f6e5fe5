import { error, fail } from '@sveltejs/kit';
import { fromLocalInputValue, isValidTimeZone, toLocalInputValue } from '@upgrade-desk/domain/time-zone';
import { isUpgradeOpen, nextUpgradeStatuses, UPGRADE_STATUSES } from '@upgrade-desk/domain/upgrade-status';
import type { UpgradeStatus } from '$lib/api-types';
import { consoleCapabilities } from '$lib/console/capabilities';
import { noticeEffect, readUpgradeEdit } from '$lib/console/upgrade-page';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { t, type MessageKey } from '$lib/i18n/messages';
import { loadQuery } from '$lib/server/api';
import { requireStaff, STAFF_TIME_ZONE_COOKIE, staffTimeZone } from '$lib/server/console-access';
import { submitMutation, textValue, type FormErrors } from '$lib/server/form-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The upgrade, each target's plan and acknowledgements, and the customers' proposals, in one call.
const UpgradeQuery = graphql(`
  query ConsoleUpgrade($id: ID!) {
    node(id: $id) {
      __typename
      ... on Upgrade {
        id
        kind
        status
        title
        titleVi
        titleEn
        summaryVi
        summaryEn
        changesVi
        changesEn
        windowStart
        windowEnd
        expectedDowntimeMinutes
        requiresRelogin
        sandboxStart
        sandboxVerifiedAt
        emergency
        emergencyReason
        targetVersion
        moduleVersions {
          module {
            id
            name
          }
          fromVersion
          targetVersion
        }
        policyWarnings
        acknowledgement {
          noticesRequiringAck
          acknowledged
          overdue
        }
        noticePlan(first: 100) {
          customer {
            id
            name
            code
          }
          timeZone
          locale
          windowStart
          windowEnd
          windowLocal
          warnings
          eventChannels
          notices {
            stage
            state
            scheduledFor
            scheduledForLocal
            channels
          }
        }
        acknowledgementProgress(first: 100) {
          customer {
            id
          }
          state
          acknowledged
          pending
          overdue
          by {
            stage
            name
            at
          }
        }
        windowProposals {
          id
          customer {
            id
            name
          }
          windowStart
          windowEnd
          reason
          createdAt
          state
        }
      }
    }
  }
`);

const Transition = graphql(
  `
    mutation ConsoleUpgradeTransition($id: ID!, $to: UpgradeStatus!, $note: String) {
      upgradeTransition(input: { id: $id, to: $to, note: $note }) {
        upgrade {
          id
          status
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const Reschedule = graphql(
  `
    mutation ConsoleUpgradeReschedule($input: UpgradeRescheduleInput!) {
      upgradeReschedule(input: $input) {
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

const TargetReschedule = graphql(
  `
    mutation ConsoleUpgradeTargetReschedule($input: UpgradeTargetRescheduleInput!) {
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

const Update = graphql(
  `
    mutation ConsoleUpgradeUpdate($input: UpgradeUpdateInput!) {
      upgradeUpdate(input: $input) {
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

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  const data = await loadQuery(event, UpgradeQuery, { id: event.params.id });
  if (data.node?.__typename !== 'Upgrade') error(404, 'not-found');
  const { noticePlan: plan, acknowledgementProgress, windowProposals, ...upgrade } = data.node;
  const runs = consoleCapabilities(viewer.role).planUpgrades;
  const open = isUpgradeOpen(upgrade.status);
  const next = runs ? nextUpgradeStatuses(upgrade.kind, upgrade.status) : [];
  const windows = new Map(plan.map((p) => [p.customer.id, p]));
  return {
    upgrade,
    plan,
    // Per customer asked for an acknowledgement, as the API counts them (one never asked shows none).
    acknowledgements: Object.fromEntries(
      acknowledgementProgress.filter((p) => p.state !== 'NOT_ASKED').map((p) => [p.customer.id, p]),
    ),
    proposals: windowProposals.map((proposal) => {
      const target = windows.get(proposal.customer.id);
      const zone = target?.timeZone ?? staffTimeZone(undefined);
      return {
        ...proposal,
        timeZone: zone,
        // The reason the customer reads in its RESCHEDULED notice, in its language.
        moveReason: t(target?.locale ?? 'VI', 'console.upgrade.proposalMoveReason', { reason: proposal.reason }),
        // Accepted: the customer's window is now the one it proposed (the API's windowProposalState).
        applied: proposal.state === 'ACCEPTED',
        // The one-click move: the proposed window as the override form would send it.
        startInput: toLocalInputValue(proposal.windowStart, zone),
        endInput: toLocalInputValue(proposal.windowEnd, zone),
      };
    }),
    actions: {
      next,
      edit: runs && open,
      move: runs && open,
    },
    // What each action would tell the customers: its confirmation says so before anything is written.
    effects: {
      transition: Object.fromEntries(
        next.map((to) => [to, noticeEffect({ kind: 'TRANSITION', to }, upgrade.status, plan)]),
      ) as Partial<Record<UpgradeStatus, ReturnType<typeof noticeEffect>>>,
      move: noticeEffect({ kind: 'MOVE' }, upgrade.status, plan),
      edit: noticeEffect({ kind: 'EDIT' }, upgrade.status, plan),
      moveCustomer: Object.fromEntries(
        plan.map((p) => [
          p.customer.id,
          noticeEffect({ kind: 'MOVE', customerIds: [p.customer.id] }, upgrade.status, plan),
        ]),
      ),
    },
  };
};

/** The actions this page offers; each is confirmed in a second step that states its notices. */
export type UpgradeAction = 'transition' | 'reschedule' | 'customerWindow' | 'update';

type Values = Record<string, string>;

/** The confirmation step: the submitted values come back, to be sent again with `confirmed`. */
function confirmStep(action: UpgradeAction, values: Values) {
  return { confirm: { action, values } };
}

function refuse(action: UpgradeAction, message: MessageKey, values: Values, status = 400) {
  return fail(status, { failed: { action, error: message, values } });
}

/** What the page gets once the mutation ran: the sentence to show, or the problem with the values kept. */
function outcome(action: UpgradeAction, values: Values, done: MessageKey) {
  return {
    done: () => ({ done }),
    failed: ({ form }: FormErrors) => ({ failed: { action, error: form, values } }),
  };
}

/** Reads the staff member's form and says whether this submission is the confirmed second step. */
async function submission(event: RequestEvent): Promise<{ form: FormData; confirmed: boolean }> {
  const viewer = requireStaff(event.locals);
  // The API refuses the others anyway; this keeps a forged form from even reaching it.
  if (!consoleCapabilities(viewer.role).planUpgrades) error(403, 'forbidden');
  const form = await event.request.formData();
  return { form, confirmed: textValue(form, 'confirmed') === '1' };
}

/** A window typed in `zone`; null when either end is not a time. */
function windowIn(start: string, end: string, zone: string): { windowStart: string; windowEnd: string } | null {
  const windowStart = fromLocalInputValue(start, zone);
  const windowEnd = fromLocalInputValue(end, zone);
  return windowStart && windowEnd
    ? { windowStart: windowStart.toISOString(), windowEnd: windowEnd.toISOString() }
    : null;
}

export const actions: Actions = {
  transition: async (event) => {
    const { form, confirmed } = await submission(event);
    const values = { to: textValue(form, 'to'), note: textValue(form, 'note') };
    if (!(UPGRADE_STATUSES as readonly string[]).includes(values.to)) {
      return refuse('transition', 'form.error.INVALID_INPUT', values);
    }
    if (!confirmed) return confirmStep('transition', values);
    return submitMutation(
      event,
      Transition,
      { id: event.params.id, to: values.to as UpgradeStatus, note: values.note || null },
      {
        payload: (data) => data.upgradeTransition,
        ...outcome('transition', values, 'console.upgrade.done.transition'),
      },
    );
  },

  reschedule: async (event) => {
    const { form, confirmed } = await submission(event);
    const values = {
      windowStart: textValue(form, 'windowStart'),
      windowEnd: textValue(form, 'windowEnd'),
      reason: textValue(form, 'reason'),
    };
    const window = windowIn(
      values.windowStart,
      values.windowEnd,
      staffTimeZone(event.cookies.get(STAFF_TIME_ZONE_COOKIE)),
    );
    if (!window) return refuse('reschedule', 'console.upgrade.error.window', values);
    if (!values.reason) return refuse('reschedule', 'console.upgrade.error.reason', values);
    if (!confirmed) return confirmStep('reschedule', values);
    return submitMutation(
      event,
      Reschedule,
      { input: { id: event.params.id, ...window, reason: values.reason } },
      {
        payload: (data) => data.upgradeReschedule,
        ...outcome('reschedule', values, 'console.upgrade.done.reschedule'),
      },
    );
  },

  customerWindow: async (event) => {
    const { form, confirmed } = await submission(event);
    const values = {
      customerId: textValue(form, 'customerId'),
      timeZone: textValue(form, 'timeZone'),
      windowStart: textValue(form, 'windowStart'),
      windowEnd: textValue(form, 'windowEnd'),
      reason: textValue(form, 'reason'),
    };
    const zone = isValidTimeZone(values.timeZone) ? values.timeZone : null;
    const window = zone ? windowIn(values.windowStart, values.windowEnd, zone) : null;
    if (!values.customerId || !window) return refuse('customerWindow', 'console.upgrade.error.window', values);
    if (!values.reason) return refuse('customerWindow', 'console.upgrade.error.reason', values);
    if (!confirmed) return confirmStep('customerWindow', values);
    return submitMutation(
      event,
      TargetReschedule,
      { input: { id: event.params.id, customerId: values.customerId, ...window, reason: values.reason } },
      {
        payload: (data) => data.upgradeTargetReschedule,
        ...outcome('customerWindow', values, 'console.upgrade.done.customerWindow'),
      },
    );
  },

  update: async (event) => {
    const { form, confirmed } = await submission(event);
    const { values, input } = readUpgradeEdit(form);
    if (!input) return refuse('update', 'console.upgrade.error.edit', values);
    if (!confirmed) return confirmStep('update', values);
    return submitMutation(
      event,
      Update,
      {
        input: {
          id: event.params.id,
          ...input,
          // Cleared texts are sent as null: the API then drops them.
          titleEn: input.titleEn || null,
          summaryEn: input.summaryEn || null,
          changesVi: input.changesVi || null,
          changesEn: input.changesEn || null,
        },
      },
      {
        payload: (data) => data.upgradeUpdate,
        ...outcome('update', values, 'console.upgrade.done.update'),
      },
    );
  },
};
