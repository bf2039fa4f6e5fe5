// The customer's blackout windows: periods it must not be disturbed (month-end closing, payroll).
import { fail, type RequestEvent } from '@sveltejs/kit';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { submitMutation } from '$lib/server/form-action';
import { parseWindowForm, type WindowForm } from '$lib/server/window-form';

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

export type BlackoutForm = WindowForm;

/** Reads the blackout form: times typed in the customer's zone become instants. */
export function parseBlackoutForm(form: FormData, timeZone: string) {
  return parseWindowForm(form, timeZone, { reasonMax: REASON_MAX, reasonError: 'settings.blackoutError.reason' });
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
