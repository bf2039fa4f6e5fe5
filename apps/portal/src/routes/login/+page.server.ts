import { fail, redirect } from '@sveltejs/kit';
import { homePath } from '$lib/console/capabilities';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { graphqlClient } from '$lib/server/graphql';
import { afterLoginTarget } from '$lib/server/redirect-target';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const SessionCreate = graphql(
  `
    mutation SessionCreate($input: SessionCreateInput!) {
      sessionCreate(input: $input) {
        token
        expiresAt
        user {
          id
          role
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

/** What the form shows after a failed attempt; never which of email or password was wrong. */
export type LoginProblem = 'missingFields' | 'invalidCredentials' | 'rateLimited' | 'unavailable';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, afterLoginTarget(url.searchParams.get('redirectTo'), homePath(locals.viewer.role)));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const failure = (status: number, problem: LoginProblem) => fail(status, { email, problem });

    if (!email || !password) return failure(400, 'missingFields');

    const result = await graphqlClient(event).mutation(SessionCreate, { input: { email, password } }).toPromise();
    if (result.error || !result.data) return failure(503, 'unavailable');

    const { token, expiresAt, user, userErrors } = result.data.sessionCreate;
    if (!token) {
      const rateLimited = userErrors.some((e) => e.code === 'RATE_LIMITED');
      return rateLimited ? failure(429, 'rateLimited') : failure(400, 'invalidCredentials');
    }

    setSessionCookie(event, token, expiresAt);
    // The form posts to /login?redirectTo=..., so the target is in the action's URL.
    redirect(303, afterLoginTarget(event.url.searchParams.get('redirectTo'), user ? homePath(user.role) : '/'));
  },
};
