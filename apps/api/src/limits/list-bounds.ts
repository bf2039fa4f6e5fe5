// The most items each list field without pagination can hold, for the operation cost estimate
// (operation-cost.ts). Connections are not here: their `edges` count the page size asked for, and
// `Query.nodes` counts the IDs given. A test (tests/api/limits.test.ts) fails when a list field of
// the schema has no entry, so a new unbounded list cannot slip past the estimate.
//
// Only lists of objects are here: a list of scalars or enums is one field of the response, costed 1.
//
// Three kinds of bound:
// - enforced by the schema (an enum's values, an input list's validated maximum, a per-customer cap);
// - enforced by the product's data (the few policies, the module catalog);
// - ASSUMED: nothing stops the list from growing past it today. The estimate then undercounts a
//   list longer than its bound; each of these should become a connection or get a cap where rows are
//   created (noted in the README's limits section).
/** IDs `nodes(ids:)` accepts in one call; more are refused before anything runs. */
export const MAX_NODES_IDS = 100;

/** Items of a connection page when neither `first` nor `last` is given (the builder's default). */
export const DEFAULT_PAGE_SIZE = 20;

/** Errors one payload reports at most: one per input field, and inputs have fewer than 20 fields. */
const USER_ERRORS = 20;

export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  // Enforced by the schema.
  'Query.noticePolicies': 3, // one per upgrade kind
  'NoticeAcknowledgePayload.notices': 100, // noticeAcknowledge takes at most 100 IDs
  'StaffAlertMarkReadPayload.staffAlerts': 100, // the ids named (at most 100); none for `all`
  'Upgrade.modules': 50, // upgradeDraft takes at most 50 modules
  'Upgrade.acknowledgementProgress': 100, // a page of customers (`first` at most 100)
  'NoticePolicyPreview.upgrades': 100, // MAX_EFFECTS_SHOWN (schema/notice-policy.ts)
  'NoticePolicyUpgradeEffect.shifts': 50, // MAX_SHIFTS_SHOWN
  'Customer.accountTeam': 2, // customerAssignTeam sets one implementation and one customer-care member
  // The field answers at most 100 (the active ones, then the most recently deleted).
  'Customer.webhookEndpoints': 100,
  // Bounded by the module catalog the vendor maintains (a few dozen modules).
  'Module.requires': 50,
  // Capped where rows are created (config.ts, the defaults; a deployment that raises a cap makes
  // the estimate undercount that list).
  'User.apiTokens': 20, // MAX_API_TOKENS_PER_CUSTOMER
  'Customer.blackoutWindows': 100, // MAX_BLACKOUT_WINDOWS_PER_CUSTOMER
  'ModuleRequest.history': 11, // a request only moves forward through its stages
  'ModuleRequest.timeline': 311, // stage changes plus at most 300 comments and assignments
  'Notice.calls': 50, // MAX_CALLS_PER_NOTICE
  'Customer.windowProposals': 20, // the field answers at most 20
  // ASSUMED (no cap where rows are created).
  'Upgrade.policyWarnings': 500, // up to four per target customer
  'Module.versions': 200, // published versions of one module, a few a year
  'Upgrade.moduleVersions': 50, // as Upgrade.modules
  'Upgrade.windowProposals': 100, // customers' answers to one upgrade's announcement
  'CustomerNoticePlan.notices': 20, // the policy's stages (at most five) and the event notices of one upgrade
  'Upgrade.noticePlan': 100, // a page of customers (`first` at most 100)
  'UpgradePlanPreviewPayload.plan': 100, // the same
  // The stages asking one customer for an acknowledgement (a SERVER upgrade's ANNOUNCEMENT and
  // FINAL_REMINDER), each sent once: a new plan replaces only notices not yet sent.
  'CustomerAcknowledgement.by': 2,
};

/** The bound of a list field that is not a connection's `edges`, or undefined when it has none. */
export function listBound(typeName: string, fieldName: string): number | undefined {
  if (fieldName === 'userErrors') return USER_ERRORS;
  return LIST_BOUNDS[`${typeName}.${fieldName}`];
}
