import { redirect } from '@sveltejs/kit';
import { gql } from '@urql/core';
import { isOpenModuleRequest, nodesOf, type Connection, type Role } from '$lib/api-types';
import { byNewest, REQUEST_LIST_FIELDS, type RequestListItem } from '$lib/module-request';
import { loadQuery } from '$lib/server/api';
import { loginUrl } from '$lib/server/redirect-target';
import { utcOffsetLabel } from '$lib/time-zone';
import { UPGRADE_LIST_FIELDS, type UpgradeListItem } from '$lib/upgrade';
import type { PageServerLoad } from './$types';

/** How many maintenance windows the dashboard lists before linking to /maintenance. */
const DASHBOARD_UPGRADES = 5;

const DashboardQuery = gql<
  {
    viewer: {
      name: string;
      email: string;
      role: Role;
      customer: {
        name: string;
        code: string;
        timeZone: string;
        unacknowledgedNoticeCount: number;
        moduleRequests: Connection<RequestListItem>;
      } | null;
    } | null;
    upcomingMaintenance: Connection<UpgradeListItem>;
  },
  { first: number }
>`
  query Dashboard($first: Int!) {
    viewer {
      name
      email
      role
      customer {
        name
        code
        timeZone
        unacknowledgedNoticeCount
        moduleRequests(first: 100) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ${REQUEST_LIST_FIELDS}
            }
          }
        }
      }
    }
    upcomingMaintenance(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${UPGRADE_LIST_FIELDS}
        }
      }
    }
  }
`;

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, DashboardQuery, { first: DASHBOARD_UPGRADES });
  const viewer = data.viewer;
  // The session ended between the hook's check and this query.
  if (!viewer) redirect(303, loginUrl(event.url));

  const { customer } = viewer;
  return {
    viewer: { name: viewer.name, email: viewer.email, role: viewer.role },
    customer: customer && {
      name: customer.name,
      code: customer.code,
      timeZone: customer.timeZone,
      utcOffset: utcOffsetLabel(customer.timeZone, new Date()),
      unacknowledgedNoticeCount: customer.unacknowledgedNoticeCount,
    },
    upcoming: nodesOf(data.upcomingMaintenance),
    upcomingTotal: data.upcomingMaintenance.totalCount,
    openRequests: customer
      ? nodesOf(customer.moduleRequests)
          .filter((request) => isOpenModuleRequest(request.stage))
          .sort(byNewest)
      : [],
  };
};
