// Hand-written mirrors of the parts of /shared/contract.graphql the portal reads.
// Safe to import from components: types only, no server code.
import type { Locale } from '@upgrade-desk/domain/enums';

// The domain's vocabulary (locales, upgrade kinds, notice stages): one list, in packages/domain.
export {
  LOCALES,
  NOTICE_STAGES,
  UPGRADE_KINDS,
  type Locale,
  type NoticeStage,
  type UpgradeKind,
} from '@upgrade-desk/domain/enums';

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
  | 'RATE_LIMITED'
  | 'LIMIT_REACHED';

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

// The vendor's ten steps and the request kinds: the one table in packages/domain, which the API
// enforces (that file is pure data and functions, safe in the browser bundle).
export {
  FINAL_MODULE_REQUEST_STAGES,
  isOpenModuleRequestStage as isOpenModuleRequest,
  MODULE_REQUEST_KINDS,
  MODULE_REQUEST_PATH,
  MODULE_REQUEST_STAGES,
  type ModuleRequestKind,
  type ModuleRequestStage,
} from '@upgrade-desk/domain/module-request-stages';
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
