// A customer's people in the console (ADMIN): the account team, invitations and their resending,
// role changes, disabling and enabling.
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { CUSTOMER_ROLES, LOCALES, type Locale, type Role, type UserError } from '$lib/api-types';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import type { MessageKey } from '$lib/i18n/messages';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';
import type { FormState } from '$lib/kept-form';

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

const UserInviteResend = graphql(
  `
    mutation ConsoleUserInviteResend($userId: ID!) {
      userInviteResend(input: { userId: $userId }) {
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

const UserRoleChange = graphql(
  `
    mutation ConsoleUserRoleChange($userId: ID!, $role: Role!) {
      userRoleChange(input: { userId: $userId, role: $role }) {
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

export type InviteForm = FormState<{ name: string; email: string; role: Role; locale: Locale | '' }>;

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

type UserPayload = { user: { id: string } | null; userErrors: readonly UserError[] };

/** The buttons of a user's row: one mutation on the user, answered above the users table. */
function userAction<Data, Variables extends AnyVariables>(
  event: RequestEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  payload: (data: Data) => UserPayload,
  done: MessageKey,
) {
  return submitMutation(event, document, variables, {
    payload,
    done: () => ({ users: { done } }),
    failed: ({ form }) => ({ users: { error: form } }),
  });
}

async function userForm(event: RequestEvent): Promise<{ userId: string; form: FormData }> {
  requireStaff(event.locals);
  const form = await event.request.formData();
  return { userId: textValue(form, 'userId'), form };
}

export async function disableUser(event: RequestEvent) {
  const { userId } = await userForm(event);
  return userAction(event, UserDisable, { userId }, (data) => data.userDisable, 'console.customer.userDisabled');
}

export async function enableUser(event: RequestEvent) {
  const { userId } = await userForm(event);
  return userAction(event, UserEnable, { userId }, (data) => data.userEnable, 'console.customer.userEnabled');
}

export async function resendInvite(event: RequestEvent) {
  const { userId } = await userForm(event);
  return userAction(
    event,
    UserInviteResend,
    { userId },
    (data) => data.userInviteResend,
    'console.customerUsers.inviteResent',
  );
}

/** A customer's user moves between the customer roles only (the API refuses any other). */
export async function changeUserRole(event: RequestEvent) {
  const { userId, form } = await userForm(event);
  const role = textValue(form, 'role') as Role;
  if (!CUSTOMER_ROLES.includes(role))
    return fail(400, { users: { error: 'console.customerUsers.roleError' as MessageKey } });
  return userAction(
    event,
    UserRoleChange,
    { userId, role },
    (data) => data.userRoleChange,
    'console.customerUsers.roleChanged',
  );
}
