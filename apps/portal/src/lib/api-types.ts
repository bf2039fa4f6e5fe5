// The API's vocabulary as the portal uses it at run time (lists for forms and filters). Result
// types come from the schema (see ./graphql.ts and ./fragments.ts); safe to import from
// components: no server code.
import type { UserError, UserErrorCode, Viewer, UpgradeListItem } from './fragments';
import type { graphql } from './graphql';

export type { UserError, UserErrorCode, Viewer };

// The domain's vocabulary (locales, upgrade kinds, notice stages): one list, in packages/domain.
export {
  LOCALES,
  NOTICE_STAGES,
  UPGRADE_KINDS,
  type Locale,
  type NoticeStage,
  type UpgradeKind,
} from '@upgrade-desk/domain/enums';

export type Role = Viewer['role'];
export const ROLES = [
  'CUSTOMER_USER',
  'CUSTOMER_ADMIN',
  'CUSTOMER_CARE',
  'IMPLEMENTATION',
  'ENGINEER',
  'ADMIN',
] as const satisfies readonly Role[];

export const CUSTOMER_ROLES: readonly Role[] = ['CUSTOMER_USER', 'CUSTOMER_ADMIN'];

export type UpgradeStatus = UpgradeListItem['status'];
export { UPGRADE_STATUSES } from '@upgrade-desk/domain/upgrade-status';

// The vendor's ten steps and the request kinds: the one table in packages/domain, which the API
// enforces (that file is pure data and functions, safe in the browser bundle).
export {
  FINAL_MODULE_REQUEST_STAGES,
  isOpenModuleRequestStage as isOpenModuleRequest,
  MODULE_REQUEST_KINDS,
  MODULE_REQUEST_PATH,
  MODULE_REQUEST_STAGES,
  moduleRequestStepNumber,
  type ModuleRequestKind,
  type ModuleRequestStage,
} from '@upgrade-desk/domain/module-request-stages';

export type ApiTokenScope = ReturnType<typeof graphql.scalar<'ApiTokenScope'>>;
export type PolicyWarning = ReturnType<typeof graphql.scalar<'PolicyWarning'>>;
export const API_TOKEN_SCOPES = ['READ', 'WRITE'] as const satisfies readonly ApiTokenScope[];

export function nodesOf<T>(connection: { edges: { node: T }[] } | null | undefined): T[] {
  return connection ? connection.edges.map((edge) => edge.node) : [];
}

export function isCustomerRole(role: Role): boolean {
  return CUSTOMER_ROLES.includes(role);
}
