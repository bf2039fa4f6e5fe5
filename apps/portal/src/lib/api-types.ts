// Hand-written mirrors of the parts of /shared/contract.graphql the portal reads.
// Safe to import from components: types only, no server code.

export const LOCALES = ['VI', 'EN'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = [
  'CUSTOMER_USER',
  'CUSTOMER_ADMIN',
  'CUSTOMER_CARE',
  'IMPLEMENTATION',
  'ENGINEER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export type UserErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'NOTICE_PERIOD_TOO_SHORT'
  | 'WINDOW_INVALID'
  | 'CONFLICT'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED';

export interface UserError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
}

export interface ViewerCustomer {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  locale: Locale;
  /** Published notices that need an acknowledgement and have none yet (the navigation's badge). */
  unacknowledgedNoticeCount: number;
}

/** The signed-in user, as the session hook loads it on every request. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  /** null for vendor staff */
  customer: ViewerCustomer | null;
}

export const CUSTOMER_ROLES: readonly Role[] = ['CUSTOMER_USER', 'CUSTOMER_ADMIN'];

export const UPGRADE_KINDS = ['FEATURE', 'FIX', 'SERVER'] as const;
export type UpgradeKind = (typeof UPGRADE_KINDS)[number];

export const UPGRADE_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'SANDBOX',
  'READY',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const;
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

export const NOTICE_STAGES = [
  'ANNOUNCEMENT',
  'REMINDER',
  'FINAL_REMINDER',
  'IMMINENT',
  'ADVISORY',
  'RESCHEDULED',
  'CANCELLED',
  'COMPLETED',
  'FAILED',
] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

/**
 * The vendor's ten steps, from the customer's submission to the warranty, then CLOSED (the same
 * order as MODULE_REQUEST_PATH in packages/domain, which the API enforces).
 */
export const MODULE_REQUEST_PATH = [
  'SUBMITTED',
  'CONSULTATION',
  'ANALYSIS',
  'CONTRACT',
  'DEVELOPMENT',
  'SANDBOX_TESTING',
  'VERIFICATION',
  'INSTALLATION',
  'TRAINING',
  'WARRANTY',
  'CLOSED',
] as const;
export const MODULE_REQUEST_STAGES = [...MODULE_REQUEST_PATH, 'REJECTED', 'WITHDRAWN'] as const;
export type ModuleRequestStage = (typeof MODULE_REQUEST_STAGES)[number];
export const FINAL_MODULE_REQUEST_STAGES: readonly ModuleRequestStage[] = ['CLOSED', 'REJECTED', 'WITHDRAWN'];

export const MODULE_REQUEST_KINDS = ['NEW_MODULE', 'EXTENSION'] as const;
export type ModuleRequestKind = (typeof MODULE_REQUEST_KINDS)[number];
export type ModuleRequestEventKind = 'STAGE' | 'COMMENT' | 'ASSIGNMENT';

export const API_TOKEN_SCOPES = ['READ', 'WRITE'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** The list pages' GraphQL connections, as far as the portal reads them. */
export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

export function nodesOf<T>(connection: { edges: { node: T }[] } | null | undefined): T[] {
  return connection ? connection.edges.map((edge) => edge.node) : [];
}

export function isCustomerRole(role: Role): boolean {
  return CUSTOMER_ROLES.includes(role);
}

export function isOpenModuleRequest(stage: ModuleRequestStage): boolean {
  return !FINAL_MODULE_REQUEST_STAGES.includes(stage);
}
