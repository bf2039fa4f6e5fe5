import { nodesOf } from '$lib/api-types';
import { followUpCustomers } from '$lib/console/follow-up';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

// Every customer with its account team and contacts, and every overdue acknowledgement, in one
// call: the page keeps the customers the viewer looks after (see followUpCustomers).
const FollowUpQuery = graphql(`
  query ConsoleFollowUp {
    customers(first: 100) {
      edges {
        node {
          id
          name
          code
          timeZone
          contactEmail
          contactPhone
          accountTeam {
            name
            role
            user {
              id
            }
          }
          users(first: 10) {
            edges {
              node {
                id
                name
                email
                role
                disabledAt
              }
            }
          }
        }
      }
    }
    overdueAcknowledgements(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          stage
          acknowledgeBy
          escalatedAt
          customer {
            id
          }
          upgrade {
            id
            title
            windowStart
          }
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  const data = await loadQuery(event, FollowUpQuery, {});
  const customers = nodesOf(data.customers).map((customer) => ({
    ...customer,
    contacts: nodesOf(customer.users).filter((user) => user.disabledAt === null),
  }));
  const { lookedAfter, customers: entries } = followUpCustomers(
    customers,
    nodesOf(data.overdueAcknowledgements),
    viewer.id,
  );
  return {
    lookedAfter,
    entries,
    overdueShown: data.overdueAcknowledgements.edges.length,
    overdueTotal: data.overdueAcknowledgements.totalCount,
  };
};
