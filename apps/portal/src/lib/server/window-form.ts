// A window typed in the customer's zone with the reason for it (a blackout window, a proposed
// maintenance window): read and checked the same way wherever a form asks for one.
import { fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import type { MessageKey } from '../i18n/messages';
import type { FormState } from '../kept-form';
import { textValue } from './form-action';

export type WindowForm = FormState<{ reason: string; startsAt: string; endsAt: string }>;

export interface WindowFormRules {
  reasonMax: number;
  /** Shown beside the reason when it is empty or too long. */
  reasonError: MessageKey;
}

/** Reads `reason`, `startsAt` and `endsAt`: times typed in `timeZone` become instants. */
export function parseWindowForm(
  form: FormData,
  timeZone: string,
  rules: WindowFormRules,
): { ok: true; input: { reason: string; startsAt: string; endsAt: string } } | ({ ok: false } & WindowForm) {
  const values = {
    reason: textValue(form, 'reason'),
    startsAt: String(form.get('startsAt') ?? ''),
    endsAt: String(form.get('endsAt') ?? ''),
  };
  const errors: WindowForm['errors'] = {};
  if (values.reason.length === 0 || [...values.reason].length > rules.reasonMax) errors.reason = rules.reasonError;
  const startsAt = fromLocalInputValue(values.startsAt, timeZone);
  const endsAt = fromLocalInputValue(values.endsAt, timeZone);
  if (!startsAt) errors.startsAt = 'settings.blackoutError.time';
  if (!endsAt) errors.endsAt = 'settings.blackoutError.time';
  else if (startsAt && endsAt <= startsAt) errors.endsAt = 'settings.blackoutError.order';
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, values, errors };
  return { ok: true, input: { reason: values.reason, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } };
}
