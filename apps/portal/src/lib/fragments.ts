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

/** A request as the lists (dashboard, /requests) show it. */
export const RequestListFields = graphql(`
  fragment RequestListFields on ModuleRequest {
    id
    kind
    title
    stage
    createdAt
    stageEnteredAt
    module {
      id
      name
    }
  }
`);
export type RequestListItem = ResultOf<typeof RequestListFields>;

/** An upgrade as the dashboard and the maintenance list show it. */
export const UpgradeListFields = graphql(`
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
      id
      name
    }
  }
`);
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

/** The signed-in user, as the session hook loads it on every request. */
export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    name
    email
    role
    locale
    unreadStaffAlertCount
    customer {
      id
      code
      name
      timeZone
      locale
      unacknowledgedNoticeCount
    }
  }
`);
export type Viewer = ResultOf<typeof ViewerFields>;

/** A request as its page shows it, to the customer and in the console. */
export const RequestDetailFields = graphql(`
  fragment RequestDetailFields on ModuleRequest {
    id
    kind
    title
    description
    stage
    createdAt
    stageEnteredAt
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
    module {
      id
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
`);
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
