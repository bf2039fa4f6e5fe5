import { error } from '@sveltejs/kit';
import { nodesOf } from '$lib/api-types';
import { InboxNoticeFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const UpgradeQuery = graphql(
  `
    query MaintenanceDetail($id: ID!) {
      node(id: $id) {
        __typename
        ... on Upgrade {
          id
          kind
          status
          title
          summary
          targetVersion
          windowStart
          windowEnd
          expectedDowntimeMinutes
          requiresRelogin
          sandboxStart
          sandboxVerifiedAt
          modules {
            id
            name
          }
          notices(first: 50) {
            edges {
              node {
                ...InboxNoticeFields
              }
            }
          }
        }
      }
    }
  `,
  [InboxNoticeFields],
);

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, UpgradeQuery, { id: event.params.id });
  // Another customer's upgrade, a draft, or not an upgrade at all: the same "not found".
  if (data.node?.__typename !== 'Upgrade') error(404, 'not-found');
  const { notices, ...upgrade } = data.node;
  return { upgrade, notices: nodesOf(notices) };
};
