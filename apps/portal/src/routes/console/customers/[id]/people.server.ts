// A customer's people in the console (ADMIN): the account team, invitations, disabling and enabling.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { CUSTOMER_ROLES, LOCALES, type Locale, type Role } from '$lib/api-types';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import type { MessageKey } from '$lib/i18n/messages';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';

const AssignTeam = graphql(
  `
    mutation ConsoleCustomerAssignTeam($input: CustomerAssignTeamInput!) {
      customerAssignTeam(input: $input) {
        customer {
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

const UserInvite = graphql(
  `
    mutation ConsoleUserInvite($input: UserInviteInput!) {
      userInvite(input: $input) {
        user {
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

const UserDisable = graphql(
  `
    mutation ConsoleUserDisable($userId: ID!) {
      userDisable(input: { userId: $userId }) {
        user {
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

const UserEnable = graphql(
  `
    mutation ConsoleUserEnable($userId: ID!) {
      userEnable(input: { userId: $userId }) {
        user {
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

export async function assignTeam(event: RequestEvent, customerId: string) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  const implementationId = textValue(form, 'implementationId');
  const customerCareId = textValue(form, 'customerCareId');
  if (!implementationId || !customerCareId)
    return fail(400, { team: { error: 'console.customer.teamError' as MessageKey } });
  return submitMutation(
    event,
    AssignTeam,
    { input: { customerId, implementationId, customerCareId } },
    {
      payload: (data) => data.customerAssignTeam,
      done: () => ({ team: { done: 'console.customer.teamSaved' as MessageKey } }),
      failed: ({ form: message }) => ({ team: { error: message } }),
    },
  );
}

export interface InviteForm {
  values: { name: string; email: string; role: Role; locale: Locale | '' };
  errors: { form?: MessageKey; name?: MessageKey; email?: MessageKey };
}

/** Reads the invitation form: a customer role only (vendor staff are not invited from a customer's page). */
export function parseInviteForm(form: FormData): InviteForm {
  const role = textValue(form, 'role');
  const locale = textValue(form, 'locale');
  const values: InviteForm['values'] = {
    name: textValue(form, 'name'),
    email: textValue(form, 'email'),
    role: CUSTOMER_ROLES.includes(role as Role) ? (role as Role) : 'CUSTOMER_USER',
    locale: (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : '',
  };
  const errors: InviteForm['errors'] = {};
  if (values.name === '') errors.name = 'console.customer.inviteError.name';
  if (!/^[^\s@]+@[^\s@]+$/.test(values.email)) errors.email = 'console.customer.inviteError.email';
  return { values, errors };
}

export async function inviteUser(event: RequestEvent, customerId: string) {
  requireStaff(event.locals);
  const invite = parseInviteForm(await event.request.formData());
  if (Object.keys(invite.errors).length > 0) return fail(400, { invite });
  const { locale, ...rest } = invite.values;
  return submitMutation(
    event,
    UserInvite,
    // No language chosen: the API takes the customer's.
    { input: { ...rest, customerId, ...(locale ? { locale } : {}) } },
    {
      payload: (data) => data.userInvite,
      done: () => ({ invite: { done: 'console.customer.invited' as MessageKey } }),
      failed: (errors) => ({ invite: { values: invite.values, errors } satisfies InviteForm }),
      fieldMessages: { name: 'console.customer.inviteError.name', email: 'console.customer.inviteError.email' },
    },
  );
}

async function setUserEnabled(event: RequestEvent, enabled: boolean) {
  requireStaff(event.locals);
  const userId = textValue(await event.request.formData(), 'userId');
  const outcome = {
    failed: ({ form }: { form: MessageKey }) => ({ users: { error: form } }),
  };
  if (enabled) {
    return submitMutation(
      event,
      UserEnable,
      { userId },
      {
        ...outcome,
        payload: (data) => data.userEnable,
        done: () => ({ users: { done: 'console.customer.userEnabled' as MessageKey } }),
      },
    );
  }
  return submitMutation(
    event,
    UserDisable,
    { userId },
    {
      ...outcome,
      payload: (data) => data.userDisable,
      done: () => ({ users: { done: 'console.customer.userDisabled' as MessageKey } }),
    },
  );
}

export const disableUser = (event: RequestEvent) => setUserEnabled(event, false);
export const enableUser = (event: RequestEvent) => setUserEnabled(event, true);
