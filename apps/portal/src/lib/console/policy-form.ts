// The notice-policy form (ADMIN): one upgrade kind's offsets, flags and quiet hours, read from the
// form for a preview or a save. Pure, for the browser and the server alike.
import { UPGRADE_KINDS, type UpgradeKind } from '@upgrade-desk/domain/enums';
import { textValues } from '../form-data';
import type { MessageKey } from '../i18n/messages';

export type { UpgradeKind };

/** Whole numbers; empty means the kind does not use it (or, for an edit, that it keeps its value). */
export const POLICY_NUMBER_FIELDS = [
  'announcementLeadDays',
  'announcementMinLeadDays',
  'announcementMaxLeadDays',
  'reminderLeadHours',
  'finalReminderLeadHours',
  'imminentLeadMinutes',
  'minimumNoticeHours',
  'typicalDowntimeMinutes',
  'quietHoursStart',
  'quietHoursEnd',
  'acknowledgementCallMinutes',
] as const;
export const POLICY_FLAG_FIELDS = ['advisoryOnSchedule', 'sandboxRequired'] as const;

type NumberField = (typeof POLICY_NUMBER_FIELDS)[number];
type FlagField = (typeof POLICY_FLAG_FIELDS)[number];
export type PolicyField = NumberField | FlagField;

export type PolicyValues = Record<NumberField, string> & Record<FlagField, boolean>;
export type PolicyInput = { kind: UpgradeKind } & Partial<Record<NumberField, number | null>> &
  Record<FlagField, boolean>;

export interface PolicyFormState {
  kind: UpgradeKind;
  values: PolicyValues;
  errors: { form?: MessageKey } & Partial<Record<NumberField, MessageKey>>;
}

export function isUpgradeKind(value: unknown): value is UpgradeKind {
  return (UPGRADE_KINDS as readonly unknown[]).includes(value);
}

/** The form's values for a policy as the API gives it. */
export function policyValues(policy: Record<NumberField, number | null> & Record<FlagField, boolean>): PolicyValues {
  return {
    ...(Object.fromEntries(POLICY_NUMBER_FIELDS.map((f) => [f, policy[f] === null ? '' : String(policy[f])])) as Record<
      NumberField,
      string
    >),
    advisoryOnSchedule: policy.advisoryOnSchedule,
    sandboxRequired: policy.sandboxRequired,
  };
}

/** The typed values, and the input for noticePolicyPreview / noticePolicyUpdate when every number reads. */
export function readPolicyForm(
  form: FormData,
  kind: UpgradeKind,
): { state: PolicyFormState; input: PolicyInput | null } {
  const values = {
    ...textValues(form, POLICY_NUMBER_FIELDS),
    advisoryOnSchedule: form.get('advisoryOnSchedule') !== null,
    sandboxRequired: form.get('sandboxRequired') !== null,
  };
  const errors: PolicyFormState['errors'] = {};
  const input: PolicyInput = {
    kind,
    advisoryOnSchedule: values.advisoryOnSchedule,
    sandboxRequired: values.sandboxRequired,
  };
  for (const field of POLICY_NUMBER_FIELDS) {
    const value = values[field];
    if (value === '') input[field] = null;
    else if (/^\d{1,6}$/.test(value)) input[field] = Number(value);
    else errors[field] = 'console.policies.error.number';
  }
  const state = { kind, values, errors };
  return { state, input: Object.keys(errors).length > 0 ? null : input };
}
