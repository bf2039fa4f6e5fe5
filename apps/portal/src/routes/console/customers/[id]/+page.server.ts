import { error } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { CustomerDetailFields, InstallationFields, RequestListFields, UpgradeListFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { requireStaff } from '$lib/server/console-access';
import { utcOffsetLabel } from '@upgrade-desk/domain/time-zone';
import { changeVersion, install, setWarranty, uninstall } from '$lib/server/installed-modules';
import { assignTeam, changeUserRole, disableUser, enableUser, inviteUser, resendInvite } from './people.server';
import type { Actions, PageServerLoad } from './$types';

// The page's one operation: the customer and what the administration forms pick from.
const ConsoleCustomerQuery = graphql(
  `
    query ConsoleCustomer($id: ID!, $now: DateTime!) {
      node(id: $id) {
        ... on Customer {
          __typename
          ...CustomerDetailFields
          deactivatedAt
          accountTeam {
            name
            role
            user {
              id
            }
          }
          users(first: 100) {
            edges {
              node {
                id
                name
                email
                role
                status
              }
            }
          }
          installedModules(first: 100) {
            edges {
              node {
                ...InstallationFields
                module {
                  id
                  name
                  latestVersion
                  versions {
                    version
                  }
                }
              }
            }
          }
          blackoutWindows {
            id
            reason
            startsAt
            endsAt
          }
          upgrades(first: 20, filter: { from: $now }) {
            edges {
              node {
                ...UpgradeListFields
              }
            }
          }
          notices(first: 10, filter: { includeScheduled: true }) {
            edges {
              node {
                id
                stage
                title
                scheduledFor
                publishedAt
                requiresAcknowledgement
                acknowledgeBy
                acknowledgedAt
              }
            }
          }
          moduleRequests(first: 20) {
            edges {
              node {
                ...RequestListFields
              }
            }
          }
        }
      }
      implementation: staffMembers(role: IMPLEMENTATION, first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
      care: staffMembers(role: CUSTOMER_CARE, first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
      modules(first: 100) {
        edges {
          node {
            id
            name
            latestVersion
          }
        }
      }
    }
  `,
  [CustomerDetailFields, InstallationFields, UpgradeListFields, RequestListFields],
);

export const load: PageServerLoad = async (event) => {
  requireStaff(event.locals);
  const now = new Date();
  const data = await loadQuery(event, ConsoleCustomerQuery, { id: event.params.id, now: now.toISOString() });
  const customer = data.node;
  if (customer?.__typename !== 'Customer') error(404, 'No such customer');
  const installed = nodesOf(customer.installedModules).sort((a, b) => a.module.name.localeCompare(b.module.name));
  const installedIds = new Set(installed.map((entry) => entry.module.id));
  return {
    customer: {
      ...customer,
      utcOffset: utcOffsetLabel(customer.timeZone, now) ?? customer.timeZone,
      users: nodesOf(customer.users),
      installedModules: installed,
      blackoutWindows: [...customer.blackoutWindows].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      upgrades: nodesOf(customer.upgrades),
      notices: nodesOf(customer.notices),
      moduleRequests: nodesOf(customer.moduleRequests),
    },
    implementation: nodesOf(data.implementation),
    care: nodesOf(data.care),
    installable: nodesOf(data.modules).filter((module) => !installedIds.has(module.id)),
  };
};

export const actions: Actions = {
  assignTeam: (event) => assignTeam(event, event.params.id),
  invite: (event) => inviteUser(event, event.params.id),
  resendInvite,
  changeUserRole,
  disableUser,
  enableUser,
  install: (event) => install(event, event.params.id),
  changeVersion,
  setWarranty,
  uninstall,
};
