import { fail, redirect } from '@sveltejs/kit';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { graphqlClient } from '$lib/server/graphql';
import { passwordSetProblem, type PasswordSetProblem } from '$lib/server/password-set';
import { setSessionCookie } from '$lib/server/session';
import type { Actions } from './$types';

const PasswordSet = graphql(
  `
    mutation PasswordSet($input: UserPasswordSetInput!) {
      userPasswordSet(input: $input) {
        email
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const SessionCreate = graphql(`
  mutation SessionCreateAfterPasswordSet($input: SessionCreateInput!) {
    sessionCreate(input: $input) {
      token
      expiresAt
    }
  }
`);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    if (password !== confirm) return fail(400, { problem: 'mismatch' as PasswordSetProblem });

    const client = graphqlClient(event);
    const result = await client.mutation(PasswordSet, { input: { token: event.params.token, password } }).toPromise();
    if (result.error || !result.data) return fail(503, { problem: 'unavailable' as PasswordSetProblem });
    const { email, userErrors } = result.data.userPasswordSet;
    if (!email) return fail(400, { problem: passwordSetProblem(userErrors) });

    // The password is set: log straight in with it. Should that fail (throttled, say), the
    // person logs in on the login page like any other time.
    const login = await client.mutation(SessionCreate, { input: { email, password } }).toPromise();
    const token = login.data?.sessionCreate.token;
    if (!token) return { problem: 'done' as PasswordSetProblem };
    setSessionCookie(event, token, login.data?.sessionCreate.expiresAt);
    redirect(303, '/');
  },
};
