import { error } from '@sveltejs/kit';
import { gql } from '@urql/core';
import { nodesOf, type Connection, type UpgradeKind, type UpgradeStatus } from '$lib/api-types';
import { INBOX_NOTICE_FIELDS, type InboxNotice } from '$lib/live/live-notice';
import { loadQuery } from '$lib/server/api';
import type { PageServerLoad } from './$types';

interface UpgradeDetail {
  __typename: 'Upgrade';
  id: string;
  kind: UpgradeKind;
  status: UpgradeStatus;
  title: string;
  summary: string;
  targetVersion: string | null;
  windowStart: string;
  windowEnd: string;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  sandboxStart: string | null;
  sandboxVerifiedAt: string | null;
  modules: { id: string; name: string }[];
  notices: Connection<InboxNotice>;
}

const UpgradeQuery = gql<{ node: UpgradeDetail | { __typename: string } | null }, { id: string }>`
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
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ${INBOX_NOTICE_FIELDS}
            }
          }
        }
      }
    }
  }
`;

function isUpgrade(node: UpgradeDetail | { __typename: string } | null): node is UpgradeDetail {
  return node?.__typename === 'Upgrade';
}

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, UpgradeQuery, { id: event.params.id });
  // Another customer's upgrade, a draft, or not an upgrade at all: the same "not found".
  if (!isUpgrade(data.node)) error(404, 'not-found');
  const { notices, ...upgrade } = data.node;
  return { upgrade, notices: nodesOf(notices) };
};
