import { fail } from '@sveltejs/kit';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { graphqlClient } from '$lib/server/graphql';
import type { Actions } from './$types';

const PasswordResetRequest = graphql(
  `
    mutation PasswordResetRequest($input: UserPasswordResetRequestInput!) {
      userPasswordResetRequest(input: $input) {
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export type ForgotProblem = 'missingEmail' | 'unavailable';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    if (!email) return fail(400, { email, problem: 'missingEmail' as ForgotProblem, sent: false });
    const result = await graphqlClient(event).mutation(PasswordResetRequest, { input: { email } }).toPromise();
    if (result.error || !result.data) return fail(503, { email, problem: 'unavailable' as ForgotProblem, sent: false });
    // The API answers alike whether or not the address has an account; so does this page.
    return { email, problem: null, sent: true };
  },
};
