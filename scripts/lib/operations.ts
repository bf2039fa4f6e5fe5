// The GraphQL operations that benchmarks, the load test and the SQL-statement-count tests measure:
// one place, so a figure and a test always talk about the same document.

/**
 * The customer dashboard as issue 6 defines it: the viewer, the next 10 maintenance windows, the
 * latest 20 notices with their upgrades and modules, and the counts.
 */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard($upgrades: Int!, $notices: Int!) {
    viewer {
      id
      name
      role
      customer {
        id
        name
        timeZone
        unacknowledgedNoticeCount
      }
    }
    upcomingMaintenance(first: $upgrades) {
      totalCount
      edges {
        node {
          id
          kind
          status
          title
          windowStart
          windowEnd
          expectedDowntimeMinutes
          requiresRelogin
          modules {
            id
            name
          }
        }
      }
    }
    notices(first: $notices) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          stage
          title
          publishedAt
          requiresAcknowledgement
          acknowledgeBy
          acknowledgedAt
          upgrade {
            id
            kind
            title
            windowStart
            windowEnd
            modules {
              id
              name
            }
          }
        }
      }
    }
  }
`;
export const DASHBOARD_VARIABLES = { upgrades: 10, notices: 20 };

/** The notices inbox (the portal's /notices page): unacknowledged ones and a page of all. */
export const NOTICES_INBOX = /* GraphQL */ `
  query Inbox($first: Int!) {
    awaiting: notices(first: $first, filter: { unacknowledgedOnly: true }) {
      totalCount
      edges {
        node {
          id
          stage
          title
          body
          publishedAt
          requiresAcknowledgement
          acknowledgeBy
          acknowledgedAt
          upgrade {
            id
            kind
            title
            windowStart
            windowEnd
          }
        }
      }
    }
    all: notices(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          stage
          title
          publishedAt
          acknowledgedAt
          upgrade {
            id
            title
          }
        }
      }
    }
  }
`;

/** A partner tool's notices listing over an API token. */
export const PARTNER_NOTICES = /* GraphQL */ `
  query PartnerNotices($first: Int!, $after: String) {
    notices(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          stage
          title
          scheduledFor
          publishedAt
          acknowledgedAt
          customer {
            id
            code
          }
          upgrade {
            id
            kind
            status
            windowStart
            windowEnd
          }
        }
      }
    }
  }
`;

/** Staff: one upgrade with its modules and a page of its target customers. */
export const UPGRADE_DETAIL = /* GraphQL */ `
  query UpgradeDetail($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on Upgrade {
        id
        kind
        status
        title
        windowStart
        windowEnd
        modules {
          id
          name
        }
        targets(first: $first) {
          totalCount
          edges {
            node {
              id
              code
              name
              timeZone
            }
          }
        }
      }
    }
  }
`;

/** Staff: a page of customers with their installed modules. */
export const CUSTOMERS_WITH_MODULES = /* GraphQL */ `
  query CustomersWithModules($first: Int!) {
    customers(first: $first) {
      totalCount
      edges {
        node {
          id
          code
          name
          installedModules(first: 20) {
            edges {
              node {
                id
                version
                warrantyEndsAt
                module {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const TYPENAME = '{ __typename }';
