// The plan-an-upgrade page's server side (ENGINEER, ADMIN): the modules and candidate customers the
// form offers, the notice-plan preview, saving a draft and publishing. Window times arrive in the
// staff member's own zone and leave as instants.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ResultOf } from 'gql.tada';
import { nodesOf, type UserError } from '../api-types';
import { consoleCapabilities } from '../console/capabilities';
import {
  moduleVersionErrors,
  readUpgradeForm,
  targetChoices,
  UPGRADE_FIELD_MESSAGES,
  upgradeInput,
  type UpgradeFormState,
  type UpgradeInput,
  type UpgradeValues,
} from '../console/upgrade-form';
import { CustomerAddressFields, UserErrorFields } from '../fragments';
import { graphql } from '../graphql';
import type { MessageKey } from '../i18n/messages';
import { loadQuery, runActionQuery, type ApiEvent } from './api';
import { userErrorMessage } from './api-errors';
import { requireStaff, STAFF_TIME_ZONE_COOKIE, staffTimeZone } from './console-access';
import { submitMutation } from './form-action';

// A page of customers with the modules they run: the form's target candidates. Beyond the first
// hundred, leaving every box ticked still reaches them all (the API's default targets).
const PlanChoicesQuery = graphql(
  `
    query ConsolePlanChoices {
      modules(first: 100) {
        edges {
          node {
            id
            name
            versions {
              version
            }
          }
        }
      }
      customers(first: 100) {
        edges {
          node {
            ...CustomerAddressFields
            deactivatedAt
            installedModules(first: 50) {
              edges {
                node {
                  version
                  module {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  [CustomerAddressFields],
);

const PlanPreviewQuery = graphql(
  `
    query ConsolePlanPreview($input: UpgradeCreateInput!) {
      upgradePlanPreview(input: $input) {
        plan(first: 100) {
          customer {
            id
            name
            code
          }
          locale
          timeZone
          windowStart
          windowEnd
          warnings
          notices {
            stage
            scheduledFor
            channels
            requiresAcknowledgement
            acknowledgeBy
            title
            body
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

const UpgradeCreate = graphql(
  `
    mutation ConsoleUpgradeCreate($input: UpgradeCreateInput!) {
      upgradeCreate(input: $input) {
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

// Publishing creates the upgrade and schedules it in one call, so a refused publication leaves no
// stray draft behind.
const UpgradeSchedule = graphql(
  `
    mutation ConsoleUpgradeSchedule($input: UpgradeScheduleInput!) {
      upgradeSchedule(input: $input) {
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

type Choices = ResultOf<typeof PlanChoicesQuery>;
export type CustomerPlan = NonNullable<ResultOf<typeof PlanPreviewQuery>['upgradePlanPreview']['plan']>[number];

/** The customer a form may target, with the versions of the modules it runs. */
export interface PlanCandidate {
  id: string;
  name: string;
  code: string;
  timeZone: string;
  moduleIds: string[];
  versions: Record<string, string>;
}

/** The notice plan beside the form, or why there is none yet. */
export type PlanPreview = { plan: CustomerPlan[] } | { message: MessageKey };

export const upgradePath = (id: string) => `/console/upgrades/${encodeURIComponent(id)}`;

function requirePlanner(event: ApiEvent) {
  const viewer = requireStaff(event.locals);
  if (!consoleCapabilities(viewer.role).planUpgrades) error(403, 'ENGINEER or ADMIN only');
  return viewer;
}

function candidatesOf(choices: Choices): PlanCandidate[] {
  return nodesOf(choices.customers)
    .filter((customer) => !customer.deactivatedAt)
    .map((customer) => {
      const installed = nodesOf(customer.installedModules);
      return {
        id: customer.id,
        name: customer.name,
        code: customer.code,
        timeZone: customer.timeZone,
        moduleIds: installed.map((entry) => entry.module.id),
        versions: Object.fromEntries(installed.map((entry) => [entry.module.id, entry.version])),
      };
    });
}

/** What the form offers: the catalog's modules and the customers that run them. */
export async function loadPlanChoices(event: RequestEvent) {
  requirePlanner(event);
  const choices = await loadQuery(event, PlanChoicesQuery, {});
  return { modules: nodesOf(choices.modules), candidates: candidatesOf(choices) };
}

interface Submission {
  values: UpgradeValues;
  outcome: ReturnType<typeof upgradeInput>;
}

/** The submitted form and the API input it makes, or a form message when the choices cannot load. */
async function readSubmission(
  event: RequestEvent,
): Promise<Submission | { values: UpgradeValues; failed: MessageKey }> {
  requirePlanner(event);
  const values = readUpgradeForm(await event.request.formData());
  const choices = await runActionQuery(event, PlanChoicesQuery, {});
  if (!choices.ok) return { values, failed: choices.message };
  const offered = targetChoices(candidatesOf(choices.data), values);
  // The ticks as the page will show them again.
  values.offeredCustomerIds = offered.map((choice) => choice.customer.id);
  values.customerIds = offered.filter((choice) => choice.ticked).map((choice) => choice.customer.id);
  const timeZone = staffTimeZone(event.cookies.get(STAFF_TIME_ZONE_COOKIE));
  return { values, outcome: upgradeInput(values, timeZone, offered) };
}

async function planPreview(event: ApiEvent, input: UpgradeInput): Promise<PlanPreview> {
  const answer = await runActionQuery(event, PlanPreviewQuery, { input });
  if (!answer.ok) return { message: answer.message };
  const { plan, userErrors } = answer.data.upgradePlanPreview;
  if (userErrors.length > 0 || !plan) return { message: userErrorMessage(userErrors) };
  return { plan };
}

/** The "Preview" button (and the live preview's fetch): the form as it is, with its notice plan. */
export async function previewPlan(event: RequestEvent) {
  const submission = await readSubmission(event);
  if ('failed' in submission) {
    return { upgrade: { values: submission.values, errors: {} }, preview: { message: submission.failed } };
  }
  const { values, outcome } = submission;
  const preview: PlanPreview = outcome.ok
    ? await planPreview(event, outcome.input)
    : { message: 'console.plan.previewIncomplete' };
  // Unfinished fields are not marked while the form is being filled in: only on save or publish.
  return { upgrade: { values, errors: {} } satisfies UpgradeFormState, preview };
}

/** "Save draft" (`publish` false) or "Publish": both open the upgrade's page once done. */
export async function saveUpgrade(event: RequestEvent, publish: boolean) {
  const submission = await readSubmission(event);
  if ('failed' in submission) {
    return fail(503, { upgrade: { values: submission.values, errors: { form: submission.failed } } });
  }
  const { values, outcome } = submission;
  const failed = (errors: UpgradeFormState['errors'], userErrors: readonly UserError[] = []) => ({
    upgrade: {
      values,
      errors,
      versionErrors: moduleVersionErrors(userErrors, values.moduleIds),
    } satisfies UpgradeFormState,
  });
  if (!outcome.ok) return fail(400, failed({ form: 'form.error.INVALID_INPUT', ...outcome.errors }));
  const done = (payload: { upgrade: { id: string } | null }) =>
    payload.upgrade ? redirect(303, upgradePath(payload.upgrade.id)) : null;
  return publish
    ? submitMutation(
        event,
        UpgradeSchedule,
        { input: outcome.input },
        { failed, fieldMessages: UPGRADE_FIELD_MESSAGES, payload: (data) => data.upgradeSchedule, done },
      )
    : submitMutation(
        event,
        UpgradeCreate,
        { input: outcome.input },
        { failed, fieldMessages: UPGRADE_FIELD_MESSAGES, payload: (data) => data.upgradeCreate, done },
      );
}
