import { error, redirect } from '@sveltejs/kit';
import { gql } from '@urql/core';
import type { Role } from '$lib/api-types';
import { graphqlClient } from '$lib/server/graphql';
import { loginUrl } from '$lib/server/redirect-target';
import { utcOffsetLabel } from '$lib/time-zone';
import type { PageServerLoad } from './$types';

const DashboardQuery = gql<
  {
    viewer: {
      name: string;
      email: string;
      role: Role;
      customer: { name: string; code: string; timeZone: string } | null;
    } | null;
  },
  Record<string, never>
>`
  query Dashboard {
    viewer {
      name
      email
      role
      customer {
        name
        code
        timeZone
      }
    }
  }
`;

export const load: PageServerLoad = async (event) => {
  const result = await graphqlClient(event).query(DashboardQuery, {}).toPromise();
  if (result.error) error(503, 'The API is unavailable');
  const viewer = result.data?.viewer;
  // The session ended between the hook's check and this query.
  if (!viewer) redirect(303, loginUrl(event.url));

  const customer = viewer.customer && {
    ...viewer.customer,
    utcOffset: utcOffsetLabel(viewer.customer.timeZone, new Date()),
  };
  return { viewer: { ...viewer, customer } };
};
