import { nodesOf } from '$lib/api-types';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

/** The directory lists this many; a search narrows it down. */
const DIRECTORY_SIZE = 100;

const ConsoleCustomersQuery = graphql(`
  query ConsoleCustomers($first: Int!, $search: String) {
    customers(first: $first, search: $search) {
      totalCount
      edges {
        node {
          id
          code
          name
          industry
          province
          timeZone
          deactivatedAt
          accountTeam {
            name
            role
          }
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const search = (event.url.searchParams.get('q') ?? '').trim();
  const data = await loadQuery(event, ConsoleCustomersQuery, {
    first: DIRECTORY_SIZE,
    search: search === '' ? null : search,
  });
  return { search, customers: nodesOf(data.customers), total: data.customers.totalCount };
};
