import { redirect } from '@sveltejs/kit';
import { graphql } from '$lib/graphql';
import { graphqlClient } from '$lib/server/graphql';
import { clearSessionCookie, getSessionToken } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const SessionRevoke = graphql(`
  mutation SessionRevoke {
    sessionRevoke {
      revoked
    }
  }
`);

// Logging out is a POST (the header's button); a GET here just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    if (getSessionToken(event)) {
      // Revoke on the API first, while the cookie still provides the bearer token.
      // If the API is unreachable the cookie is cleared anyway: the user asked to leave.
      await graphqlClient(event).mutation(SessionRevoke, {}).toPromise();
    }
    clearSessionCookie(event);
    redirect(303, '/login');
  },
};
