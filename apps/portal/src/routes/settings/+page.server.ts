import { fail } from '@sveltejs/kit';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '$lib/api-types';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import type { MessageKey } from '$lib/i18n/messages';
import { loadQuery, runMutation, userErrorsMessage } from '$lib/server/api';
import { ViewerUpdate } from '$lib/server/viewer-update';
import { DEFAULT_TIME_ZONE, fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import type { Actions, PageServerLoad } from './$types';

export const _REASON_MAX = 200;
export const _TOKEN_NAME_MAX = 100;

const SettingsQuery = graphql(`
  query Settings {
    viewer {
      locale
      emailNotifications
      apiTokens {
        id
        name
        scopes
        createdAt
        expiresAt
        lastUsedAt
      }
      customer {
        timeZone
        blackoutWindows {
          id
          reason
          startsAt
          endsAt
        }
      }
    }
  }
`);

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

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, SettingsQuery, {});
  const viewer = data.viewer;
  return {
    isCustomer: viewer?.customer != null,
    blackoutWindows: [...(viewer?.customer?.blackoutWindows ?? [])].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    ),
    apiTokens: viewer?.apiTokens ?? [],
    emailNotifications: viewer?.emailNotifications ?? true,
  };
};

export interface BlackoutForm {
  values: { reason: string; startsAt: string; endsAt: string };
  errors: { reason?: MessageKey; startsAt?: MessageKey; endsAt?: MessageKey; form?: MessageKey };
}

/** Reads the blackout form: times typed in the customer's zone become instants. */
export function _parseBlackoutForm(
  form: FormData,
  timeZone: string,
): { ok: true; input: { reason: string; startsAt: string; endsAt: string } } | ({ ok: false } & BlackoutForm) {
  const values = {
    reason: String(form.get('reason') ?? '').trim(),
    startsAt: String(form.get('startsAt') ?? ''),
    endsAt: String(form.get('endsAt') ?? ''),
  };
  const errors: BlackoutForm['errors'] = {};
  if (values.reason.length === 0 || [...values.reason].length > _REASON_MAX)
    errors.reason = 'settings.blackoutError.reason';
  const startsAt = fromLocalInputValue(values.startsAt, timeZone);
  const endsAt = fromLocalInputValue(values.endsAt, timeZone);
  if (!startsAt) errors.startsAt = 'settings.blackoutError.time';
  if (!endsAt) errors.endsAt = 'settings.blackoutError.time';
  else if (startsAt && endsAt <= startsAt) errors.endsAt = 'settings.blackoutError.order';
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, values, errors };
  return { ok: true, input: { reason: values.reason, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } };
}

export interface TokenForm {
  values: { name: string; scopes: ApiTokenScope[]; expiresAt: string };
  errors: { name?: MessageKey; scopes?: MessageKey; expiresAt?: MessageKey; form?: MessageKey };
}

export function _parseTokenForm(
  form: FormData,
  timeZone: string,
  now: Date,
):
  | { ok: true; input: { name: string; scopes: ApiTokenScope[]; expiresAt: string | null } }
  | ({ ok: false } & TokenForm) {
  const scopes = API_TOKEN_SCOPES.filter((scope) => form.getAll('scopes').includes(scope));
  const values = {
    name: String(form.get('name') ?? '').trim(),
    scopes,
    expiresAt: String(form.get('expiresAt') ?? ''),
  };
  const errors: TokenForm['errors'] = {};
  if (values.name.length === 0 || [...values.name].length > _TOKEN_NAME_MAX) errors.name = 'settings.tokenError.name';
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

function customerTimeZone(locals: App.Locals): string {
  return locals.viewer?.customer?.timeZone ?? DEFAULT_TIME_ZONE;
}

export const actions: Actions = {
  email: async (event) => {
    const emailNotifications = (await event.request.formData()).get('emailNotifications') === 'on';
    const outcome = await runMutation(event, ViewerUpdate, { input: { emailNotifications } });
    if (!outcome.ok) return fail(503, { email: { error: outcome.message } });
    const problem = userErrorsMessage(outcome.data.viewerUpdate.userErrors);
    if (problem) return fail(400, { email: { error: problem } });
    return { email: { done: 'settings.emailSaved' as const } };
  },

  createBlackout: async (event) => {
    const parsed = _parseBlackoutForm(await event.request.formData(), customerTimeZone(event.locals));
    if (!parsed.ok) {
      const blackout: BlackoutForm = { values: parsed.values, errors: parsed.errors };
      return fail(400, { blackout });
    }
    const outcome = await runMutation(event, BlackoutCreate, { input: parsed.input });
    const values = { reason: parsed.input.reason, startsAt: '', endsAt: '' };
    const failure = (status: number, form: MessageKey) => {
      const blackout: BlackoutForm = { values, errors: { form } };
      return fail(status, { blackout });
    };
    if (!outcome.ok) return failure(503, outcome.message);
    const problem = userErrorsMessage(outcome.data.blackoutWindowCreate.userErrors);
    if (problem) return failure(400, problem);
    return { blackout: { done: 'settings.blackoutAdded' as const } };
  },

  deleteBlackout: async (event) => {
    const id = String((await event.request.formData()).get('id') ?? '');
    const outcome = await runMutation(event, BlackoutDelete, { id });
    if (!outcome.ok) return fail(503, { blackoutList: { error: outcome.message } });
    const problem = userErrorsMessage(outcome.data.blackoutWindowDelete.userErrors);
    if (problem) return fail(400, { blackoutList: { error: problem } });
    return { blackoutList: { done: 'settings.blackoutDeleted' as const } };
  },

  createToken: async (event) => {
    const parsed = _parseTokenForm(await event.request.formData(), customerTimeZone(event.locals), new Date());
    if (!parsed.ok) {
      const token: TokenForm = { values: parsed.values, errors: parsed.errors };
      return fail(400, { token });
    }
    const outcome = await runMutation(event, TokenCreate, { input: parsed.input });
    const failure = (status: number, form: MessageKey) => {
      const token: TokenForm = {
        values: { name: parsed.input.name, scopes: parsed.input.scopes, expiresAt: '' },
        errors: { form },
      };
      return fail(status, { token });
    };
    if (!outcome.ok) return failure(503, outcome.message);
    const { token, apiToken, userErrors } = outcome.data.apiTokenCreate;
    if (!token || !apiToken) return failure(400, userErrorsMessage(userErrors) ?? 'form.error.INVALID_INPUT');
    // Shown once, in this answer only: the API keeps only a hash of it.
    return { token: { created: { name: apiToken.name, value: token } } };
  },

  revokeToken: async (event) => {
    const id = String((await event.request.formData()).get('id') ?? '');
    const outcome = await runMutation(event, TokenRevoke, { id });
    if (!outcome.ok) return fail(503, { tokenList: { error: outcome.message } });
    const problem = userErrorsMessage(outcome.data.apiTokenRevoke.userErrors);
    if (problem) return fail(400, { tokenList: { error: problem } });
    return { tokenList: { done: 'settings.tokenRevoked' as const } };
  },
};
