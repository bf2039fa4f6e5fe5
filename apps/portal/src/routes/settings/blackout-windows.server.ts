// The customer's blackout windows: periods it must not be disturbed (month-end closing, payroll).
import { fail, type RequestEvent } from '@sveltejs/kit';
import { fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { FormState } from '$lib/kept-form';

export const REASON_MAX = 200;

const BlackoutCreate = graphql(
  `
    mutation BlackoutWindowCreate($input: BlackoutWindowCreateInput!) {
      blackoutWindowCreate(input: $input) {
        blackoutWindow {
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

const BlackoutDelete = graphql(
  `
    mutation BlackoutWindowDelete($id: ID!) {
      blackoutWindowDelete(input: { id: $id }) {
        deletedId
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export type BlackoutForm = FormState<{ reason: string; startsAt: string; endsAt: string }>;

/** Reads the blackout form: times typed in the customer's zone become instants. */
export function parseBlackoutForm(
  form: FormData,
  timeZone: string,
): { ok: true; input: { reason: string; startsAt: string; endsAt: string } } | ({ ok: false } & BlackoutForm) {
  const values = {
    reason: textValue(form, 'reason'),
    startsAt: String(form.get('startsAt') ?? ''),
    endsAt: String(form.get('endsAt') ?? ''),
  };
  const errors: BlackoutForm['errors'] = {};
  if (values.reason.length === 0 || [...values.reason].length > REASON_MAX)
    errors.reason = 'settings.blackoutError.reason';
  const startsAt = fromLocalInputValue(values.startsAt, timeZone);
  const endsAt = fromLocalInputValue(values.endsAt, timeZone);
  if (!startsAt) errors.startsAt = 'settings.blackoutError.time';
  if (!endsAt) errors.endsAt = 'settings.blackoutError.time';
  else if (startsAt && endsAt <= startsAt) errors.endsAt = 'settings.blackoutError.order';
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, values, errors };
  return { ok: true, input: { reason: values.reason, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } };
}

export async function createBlackout(event: RequestEvent, timeZone: string) {
  const parsed = parseBlackoutForm(await event.request.formData(), timeZone);
  if (!parsed.ok) {
    const blackout: BlackoutForm = { values: parsed.values, errors: parsed.errors };
    return fail(400, { blackout });
  }
  // The reason is kept for another try; the times are not, as the API found them wanting.
  const values = { reason: parsed.input.reason, startsAt: '', endsAt: '' };
  return submitMutation(
    event,
    BlackoutCreate,
    { input: parsed.input },
    {
      payload: (data) => data.blackoutWindowCreate,
      done: () => ({ blackout: { done: 'settings.blackoutAdded' as const } }),
      failed: ({ form }) => ({ blackout: { values, errors: { form } } satisfies BlackoutForm }),
    },
  );
}

export async function deleteBlackout(event: RequestEvent) {
  const id = String((await event.request.formData()).get('id') ?? '');
  return submitMutation(
    event,
    BlackoutDelete,
    { id },
    {
      payload: (data) => data.blackoutWindowDelete,
      done: () => ({ blackoutList: { done: 'settings.blackoutDeleted' as const } }),
      failed: ({ form }) => ({ blackoutList: { error: form } }),
    },
  );
}
