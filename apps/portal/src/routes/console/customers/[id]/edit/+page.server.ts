import { error } from '@sveltejs/kit';
import { timeZoneChoices, type CustomerValues } from '$lib/console/customer-form';
import { CustomerDetailFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireAdmin } from '$lib/server/console-access';
import { saveCustomer, supportedTimeZones } from '$lib/server/customer-admin';
import type { Actions, PageServerLoad } from './$types';

const ConsoleCustomerEditQuery = graphql(
  `
    query ConsoleCustomerEdit($id: ID!) {
      node(id: $id) {
        ... on Customer {
          __typename
          ...CustomerDetailFields
        }
      }
    }
  `,
  [CustomerDetailFields],
);

export const load: PageServerLoad = async (event) => {
  requireAdmin(event.locals);
  const data = await loadQuery(event, ConsoleCustomerEditQuery, { id: event.params.id });
  if (data.node?.__typename !== 'Customer') error(404, 'No such customer');
  const { __typename: _typename, id, ...values } = data.node;
  return {
    id,
    initial: values satisfies CustomerValues,
    timeZones: timeZoneChoices(values.timeZone, supportedTimeZones()),
  };
};

export const actions: Actions = {
  default: (event) => saveCustomer(event, event.params.id),
};
