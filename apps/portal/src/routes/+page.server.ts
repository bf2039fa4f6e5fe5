import { redirect } from '@sveltejs/kit';
import { isOpenModuleRequest, nodesOf } from '$lib/api-types';
import { RequestListFields, UpgradeListFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { byNewest } from '$lib/module-request';
import { loadQuery } from '$lib/server/api';
import { loginUrl } from '$lib/server/redirect-target';
import { utcOffsetLabel } from '@upgrade-desk/domain/time-zone';
import type { PageServerLoad } from './$types';

/** How many maintenance windows the dashboard lists before linking to /maintenance. */
const DASHBOARD_UPGRADES = 5;

const DashboardQuery = graphql(
  `
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
            edges {
              node {
                ...RequestListFields
              }
            }
          }
        }
      }
      upcomingMaintenance(first: $first) {
        totalCount
        edges {
          node {
            ...UpgradeListFields
          }
        }
      }
    }
  `,
  [RequestListFields, UpgradeListFields],
);

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
