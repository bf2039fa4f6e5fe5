// Field lists that several documents select, typed from the schema. Components import their
// types only (`import type`), so these documents stay out of the pages' JavaScript.
import { graphql, type ResultOf } from './graphql';

/** The payload's business errors, in every mutation. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
  }
`);
export type UserError = ResultOf<typeof UserErrorFields>;
export type UserErrorCode = UserError['code'];

/** A module named in a list or a choice: what links to it and what it is called. */
export const ModuleNameFields = graphql(`
  fragment ModuleNameFields on Module {
    id
    name
  }
`);

/** A request as the lists (dashboard, /requests) show it. */
export const RequestListFields = graphql(
  `
    fragment RequestListFields on ModuleRequest {
      id
      kind
      title
      stage
      createdAt
      stageEnteredAt
      module {
        ...ModuleNameFields
      }
    }
  `,
  [ModuleNameFields],
);
export type RequestListItem = ResultOf<typeof RequestListFields>;

/** An upgrade as the dashboard and the maintenance list show it. */
export const UpgradeListFields = graphql(
  `
    fragment UpgradeListFields on Upgrade {
      id
      kind
      status
      title
      windowStart
      windowEnd
      expectedDowntimeMinutes
      requiresRelogin
      modules {
        ...ModuleNameFields
      }
    }
  `,
  [ModuleNameFields],
);
export type UpgradeListItem = ResultOf<typeof UpgradeListFields>;

/** A notice as the inbox shows it; also what the live stream delivers. */
export const InboxNoticeFields = graphql(`
  fragment InboxNoticeFields on Notice {
    id
    stage
    title
    body
    publishedAt
    requiresAcknowledgement
    acknowledgeBy
    acknowledgedAt
    acknowledgedBy {
      name
    }
    upgrade {
      id
      title
      kind
    }
  }
`);
export type InboxNotice = ResultOf<typeof InboxNoticeFields>;

/** A customer as a notice addresses it: its name, and the zone and language its notices are written in. */
export const CustomerAddressFields = graphql(`
  fragment CustomerAddressFields on Customer {
    id
    code
    name
    timeZone
    locale
  }
`);

/** The signed-in user, as the session hook loads it on every request. */
export const ViewerFields = graphql(
  `
    fragment ViewerFields on User {
      id
      name
      email
      role
      locale
      unreadStaffAlertCount
      customer {
        ...CustomerAddressFields
        unacknowledgedNoticeCount
      }
    }
  `,
  [CustomerAddressFields],
);
export type Viewer = ResultOf<typeof ViewerFields>;

/** A request as its page shows it, to the customer and in the console: the list's fields and more. */
export const RequestDetailFields = graphql(
  `
    fragment RequestDetailFields on ModuleRequest {
      ...RequestListFields
      description
      missingPrerequisites
      nextStages
      deliveredVersion
      assignee {
        id
        name
      }
      createdBy {
        name
      }
      timeline {
        kind
        stage
        note
        at
        by {
          name
        }
        assignee {
          name
        }
      }
    }
  `,
  [RequestListFields],
);
export type RequestDetail = ResultOf<typeof RequestDetailFields>;

/** A staff alert as the console's inbox lists it; also what its live stream delivers. */
export const StaffAlertFields = graphql(`
  fragment StaffAlertFields on StaffAlert {
    id
    kind
    title
    body
    createdAt
    read
    customer {
      id
      name
      code
    }
    moduleRequest {
      id
    }
    upgrade {
      id
    }
  }
`);
export type StaffAlertItem = ResultOf<typeof StaffAlertFields>;

/** A customer's own details, as its console page shows them and its edit form starts from. */
export const CustomerDetailFields = graphql(`
  fragment CustomerDetailFields on Customer {
    id
    code
    name
    industry
    province
    address
    contactPhone
    contactEmail
    timeZone
    locale
  }
`);

/** A module installed at a customer: which version since when, and the warranty's end. */
export const InstallationFields = graphql(`
  fragment InstallationFields on InstalledModule {
    id
    version
    installedAt
    warrantyEndsAt
  }
`);

/** The catalog's modules by name: what a module may require, or a customer may get installed. */
export const ModuleChoices = graphql(
  `
    fragment ModuleChoices on Query {
      modules(first: 100) {
        edges {
          node {
            ...ModuleNameFields
          }
        }
      }
    }
  `,
  [ModuleNameFields],
);

/** A catalog module as a customer reads about it: the catalog and the request form. */
export const CatalogModuleFields = graphql(`
  fragment CatalogModuleFields on Module {
    id
    key
    name
    description
    latestVersion
    requires {
      id
      key
      name
    }
  }
`);
