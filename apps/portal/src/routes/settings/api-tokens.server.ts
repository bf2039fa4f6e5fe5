// The customer's API tokens for partner tools: created with scopes and an optional expiry, shown once.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '$lib/api-types';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { FormState } from '$lib/kept-form';

export const TOKEN_NAME_MAX = 100;

const TokenCreate = graphql(
  `
    mutation ApiTokenCreate($input: ApiTokenCreateInput!) {
      apiTokenCreate(input: $input) {
        token
        apiToken {
          id
          name
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const TokenRevoke = graphql(
  `
    mutation ApiTokenRevoke($id: ID!) {
      apiTokenRevoke(input: { id: $id }) {
        revokedId
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export type TokenForm = FormState<{ name: string; scopes: ApiTokenScope[]; expiresAt: string }>;

export function parseTokenForm(
  form: FormData,
  timeZone: string,
  now: Date,
):
  | { ok: true; input: { name: string; scopes: ApiTokenScope[]; expiresAt: string | null } }
  | ({ ok: false } & TokenForm) {
  const scopes = API_TOKEN_SCOPES.filter((scope) => form.getAll('scopes').includes(scope));
  const values = { name: textValue(form, 'name'), scopes, expiresAt: String(form.get('expiresAt') ?? '') };
  const errors: TokenForm['errors'] = {};
  if (values.name.length === 0 || [...values.name].length > TOKEN_NAME_MAX) errors.name = 'settings.tokenError.name';
  if (scopes.length === 0) errors.scopes = 'settings.tokenError.scopes';
  let expiresAt: Date | null = null;
  if (values.expiresAt !== '') {
    // A date: the token lasts until the end of that day in the customer's zone.
    const dayStart = fromLocalInputValue(values.expiresAt, timeZone);
    expiresAt = dayStart && new Date(dayStart.getTime() + 24 * 60 * 60 * 1000 - 1000);
    if (!expiresAt || expiresAt <= now) errors.expiresAt = 'settings.tokenError.expires';
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, input: { name: values.name, scopes, expiresAt: expiresAt?.toISOString() ?? null } };
}

export async function createToken(event: RequestEvent, timeZone: string) {
  const parsed = parseTokenForm(await event.request.formData(), timeZone, new Date());
  if (!parsed.ok) {
    const token: TokenForm = { values: parsed.values, errors: parsed.errors };
    return fail(400, { token });
  }
  const values = { name: parsed.input.name, scopes: parsed.input.scopes, expiresAt: '' };
  return submitMutation(
    event,
    TokenCreate,
    { input: parsed.input },
    {
      payload: (data) => data.apiTokenCreate,
      // Shown once, in this answer only: the API keeps only a hash of it.
      done: ({ token, apiToken }) =>
        token && apiToken ? { token: { created: { name: apiToken.name, value: token } } } : null,
      failed: ({ form }) => ({ token: { values, errors: { form } } satisfies TokenForm }),
    },
  );
}

export async function revokeToken(event: RequestEvent) {
  const id = String((await event.request.formData()).get('id') ?? '');
  return submitMutation(
    event,
    TokenRevoke,
    { id },
    {
      payload: (data) => data.apiTokenRevoke,
      done: () => ({ tokenList: { done: 'settings.tokenRevoked' as const } }),
      failed: ({ form }) => ({ tokenList: { error: form } }),
    },
  );
}
