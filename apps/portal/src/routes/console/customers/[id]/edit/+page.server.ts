import { error } from '@sveltejs/kit';
import { consoleCapabilities } from '$lib/console/capabilities';
import { timeZoneChoices, type CustomerValues } from '$lib/console/customer-form';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { saveCustomer, supportedTimeZones } from '$lib/server/customer-admin';
import type { Actions, PageServerLoad } from './$types';

const ConsoleCustomerEditQuery = graphql(`
  query ConsoleCustomerEdit($id: ID!) {
    node(id: $id) {
      ... on Customer {
        __typename
        id
        name
        code
        industry
        province
        address
        contactPhone
        contactEmail
        timeZone
        locale
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const viewer = requireStaff(event.locals);
  if (!consoleCapabilities(viewer.role).administer) error(403, 'ADMIN only');
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
