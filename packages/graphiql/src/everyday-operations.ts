// Vendor staff's everyday operations, the default document of the portal's GraphiQL (/graphiql).
// Adding one is one entry here; tests/api/graphiql.test.ts validates every entry
// against the schema and runs it as an admin, so none of them rots when the schema moves.

export interface EverydayOperation {
  /** The operation's name in the document; also the tab's title in GraphiQL. */
  name: string;
  /**
   * One GraphQL document holding exactly that operation. Comments at the top explain it in the
   * editor. Example values are the variables' defaults in the document itself (GraphiQL 5 does not
   * load a default tab's variables editor reliably); a placeholder such as "<module id>" says what
   * to paste where.
   */
  document: string;
}

/** The documents are indented to sit in this file; the editor shows them flush left. */
function flushLeft(text: string): string {
  const lines = text
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const common = Math.min(...indents);
  return `${lines.map((line) => line.slice(common)).join('\n')}\n`;
}

const operations: readonly EverydayOperation[] = [
  {
    name: 'CustomersWithModules',
    document: /* GraphQL */ `
      # Customers (search by code or name) with the modules they run and their warranties.
      query CustomersWithModules($search: String = null) {
        customers(first: 20, search: $search) {
          totalCount
          edges {
            node {
              id
              code
              name
              timeZone
              locale
              installedModules(first: 30) {
                edges {
                  node {
                    module {
                      key
                      name
                    }
                    version
                    warrantyEndsAt
                  }
                }
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'ModuleCatalog',
    document: /* GraphQL */ `
      # The module catalog with the IDs that UpgradeSchedule needs, and each module's published
      # versions: an upgrade may only move a module to one of them.
      query ModuleCatalog($search: String = null) {
        modules(first: 50, search: $search) {
          edges {
            node {
              id
              key
              name
              latestVersion
              versions {
                version
              }
              requires {
                key
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'UpgradeSchedule',
    document: /* GraphQL */ `
      # Plan an upgrade: schedules it and plans its notices by the policy. Read policyWarnings and the
      # planned notices in the answer; while it is SCHEDULED, upgradeReschedule or upgradeTransition
      # (to CANCELLED) undo it before any notice is due. Module IDs: see the ModuleCatalog tab.
      mutation UpgradeSchedule(
        $input: UpgradeScheduleInput! = {
          kind: FEATURE
          title: "Accounting 5.2"
          summary: "New VAT invoice layout and faster period closing."
          moduleIds: ["<module id>"]
          windowStart: "2027-01-15T12:00:00Z"
          windowEnd: "2027-01-15T14:00:00Z"
          expectedDowntimeMinutes: 20
          sandboxStart: "2027-01-08T02:00:00Z"
        }
      ) {
        upgradeSchedule(input: $input) {
          upgrade {
            id
            title
            kind
            status
            windowStart
            windowEnd
            policyWarnings
            targets(first: 50) {
              totalCount
              edges {
                node {
                  code
                  name
                }
              }
            }
            notices(first: 50) {
              edges {
                node {
                  stage
                  scheduledFor
                  customer {
                    code
                  }
                }
              }
            }
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
  {
    name: 'UpgradePlanPreview',
    document: /* GraphQL */ `
      # Before saving anything: for each target customer, every notice the upgrade would send if
      # published now, with its time (UTC and the customer's own), channels, recipients, the exact
      # title and body in the customer's language, and the warnings that customer raises. The same
      # planner and renderer as the dispatcher: this is what customers will read.
      query UpgradePlanPreview(
        $input: UpgradeCreateInput! = {
          kind: FEATURE
          title: "Kế toán 6.4: hóa đơn điện tử"
          titleEn: "Accounting 6.4: e-invoices"
          summary: "Mẫu hóa đơn GTGT mới và khóa sổ nhanh hơn."
          summaryEn: "New VAT invoice layout and faster period closing."
          changesVi: "Hóa đơn được ký số từ xa; màn hình khóa sổ mới."
          changesEn: "Invoices are signed remotely; a new period-closing screen."
          moduleIds: ["<module id>"]
          moduleVersions: [{ moduleId: "<module id>", fromVersion: "6.3.0", targetVersion: "6.4.0" }]
          windowStart: "2027-01-15T12:00:00Z"
          windowEnd: "2027-01-15T14:00:00Z"
          expectedDowntimeMinutes: 20
          requiresRelogin: true
          sandboxStart: "2027-01-08T02:00:00Z"
        }
      ) {
        upgradePlanPreview(input: $input) {
          plan(first: 5) {
            customer {
              code
              name
            }
            timeZone
            locale
            windowLocal
            warnings
            notices {
              stage
              state
              scheduledFor
              scheduledForLocal
              channels
              recipients
              title
              body
              requiresAcknowledgement
              acknowledgeBy
            }
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
  {
    name: 'UpgradeCreateDraft',
    document: /* GraphQL */ `
      # Save an upgrade as a DRAFT: nothing is planned or shown to customers. Read its noticePlan,
      # edit it with upgradeUpdate, then publish it with upgradeTransition(to: SCHEDULED), which
      # checks the notice policy as upgradeSchedule does. Module IDs: see the ModuleCatalog tab.
      mutation UpgradeCreateDraft(
        $input: UpgradeCreateInput! = {
          kind: FEATURE
          title: "Kế toán 6.4: báo cáo thuế"
          titleEn: "Accounting 6.4: tax reports"
          summary: "Báo cáo thuế mới theo Thông tư 80."
          changesVi: "Thêm mẫu báo cáo thuế; đổi vị trí menu Báo cáo."
          moduleIds: ["<module id>"]
          moduleVersions: [{ moduleId: "<module id>", fromVersion: "6.3.0", targetVersion: "6.4.0" }]
          windowStart: "2027-01-22T12:00:00Z"
          windowEnd: "2027-01-22T14:00:00Z"
          expectedDowntimeMinutes: 20
          sandboxStart: "2027-01-15T02:00:00Z"
        }
      ) {
        upgradeCreate(input: $input) {
          upgrade {
            id
            status
            title
            changes
            moduleVersions {
              module {
                key
              }
              fromVersion
              targetVersion
            }
            policyWarnings
            noticePlan(first: 5) {
              customer {
                code
              }
              warnings
              notices {
                stage
                scheduledForLocal
                title
              }
            }
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
  {
    name: 'UpcomingUpgradesWithWarnings',
    document: /* GraphQL */ `
      # Upgrades not yet finished, with where their window breaks the notice policy and how
      # acknowledgements stand.
      query UpcomingUpgradesWithWarnings {
        upgrades(first: 50, filter: { statuses: [DRAFT, SCHEDULED, SANDBOX, READY, IN_PROGRESS] }) {
          edges {
            node {
              id
              title
              kind
              status
              windowStart
              windowEnd
              policyWarnings
              acknowledgement {
                noticesRequiringAck
                acknowledged
                overdue
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'OverdueAcknowledgements',
    document: /* GraphQL */ `
      # Published notices past their acknowledgement deadline and still unacknowledged, oldest first.
      query OverdueAcknowledgements($assignedToMe: Boolean = false) {
        overdueAcknowledgements(first: 50, assignedToMe: $assignedToMe) {
          totalCount
          edges {
            node {
              id
              stage
              title
              acknowledgeBy
              escalatedAt
              customer {
                code
                name
              }
              upgrade {
                title
                windowStart
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'CustomerCreate',
    document: /* GraphQL */ `
      # A new customer. Replace the placeholders first (run as they are, they are refused, so an
      # accidental click creates nothing). Then give it an account team (CustomerAssignTeam) and
      # invite its first admin (UserInvite), both with the customer's id from the answer.
      mutation CustomerCreate(
        $input: CustomerCreateInput! = {
          code: "<CUSTOMER-CODE>"
          name: "<customer name>"
          timeZone: "Asia/Ho_Chi_Minh"
          locale: VI
          province: "Hà Nội"
        }
      ) {
        customerCreate(input: $input) {
          customer {
            id
            code
            name
            timeZone
            locale
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
  {
    name: 'StaffMembers',
    document: /* GraphQL */ `
      # Vendor staff with their IDs, e.g. to pick a customer's account team (one IMPLEMENTATION
      # and one CUSTOMER_CARE member).
      query StaffMembers($role: Role = null) {
        staffMembers(first: 100, role: $role) {
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
      }
    `,
  },
  {
    name: 'CustomerAssignTeam',
    document: /* GraphQL */ `
      # Put an IMPLEMENTATION and a CUSTOMER_CARE member in charge of a customer (it replaces the
      # previous team); FIX advisories, escalations and alerts go to them. IDs: see CustomersWithModules
      # and StaffMembers.
      mutation CustomerAssignTeam(
        $input: CustomerAssignTeamInput! = {
          customerId: "<customer id>"
          implementationId: "<implementation staff id>"
          customerCareId: "<customer care staff id>"
        }
      ) {
        customerAssignTeam(input: $input) {
          customer {
            code
            accountTeam {
              role
              name
            }
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
  {
    name: 'UserInvite',
    document: /* GraphQL */ `
      # Invite a person: creates the account and emails a one-time link (72 hours) to set a password.
      # A customer's users take the customer's id (see CustomersWithModules); vendor staff take none.
      mutation UserInvite(
        $input: UserInviteInput! = {
          email: "<email>"
          name: "<full name>"
          role: CUSTOMER_ADMIN
          customerId: "<customer id>"
        }
      ) {
        userInvite(input: $input) {
          user {
            id
            email
            role
            status
          }
          userErrors {
            code
            field
            message
          }
        }
      }
    `,
  },
];

export const EVERYDAY_OPERATIONS: readonly EverydayOperation[] = operations.map((operation) => ({
  ...operation,
  document: flushLeft(operation.document),
}));

/**
 * The operations as one document, GraphiQL's default: its Run button lists them by name (or
 * Ctrl-Enter runs the one under the cursor). One document rather than one tab each: GraphiQL 5
 * stops switching between tabs given as `defaultTabs` after the first switch.
 */
export function everydayDocument(operations: readonly EverydayOperation[] = EVERYDAY_OPERATIONS): string {
  const guide = [
    '# Everyday operations. Pick one from the Run button, or put the cursor in one and press Ctrl-Enter.',
    '# The Docs button (top left) describes every type and field.',
  ].join('\n');
  return [`${guide}\n`, ...operations.map((operation) => operation.document)].join('\n');
}
