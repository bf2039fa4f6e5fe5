import type { ApiTokenScope, Locale, Role } from '@upgrade-desk/db';

/** Who is calling: resolved once per request from the bearer token. */
export interface Viewer {
  userId: string;
  role: Role;
  locale: Locale;
  /** null for vendor staff. */
  customerId: string | null;
  credential: { kind: 'SESSION'; sessionId: string } | { kind: 'API_TOKEN'; tokenId: string; scopes: ApiTokenScope[] };
}

export const STAFF_ROLES: readonly Role[] = ['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN'];
export const CUSTOMER_ROLES: readonly Role[] = ['CUSTOMER_USER', 'CUSTOMER_ADMIN'];

export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && STAFF_ROLES.includes(viewer.role);
}

/** A READ-scoped API token may query but never mutate; sessions always may. */
export function canWrite(viewer: Viewer | null): boolean {
  if (!viewer) return false;
  return viewer.credential.kind === 'SESSION' || viewer.credential.scopes.includes('WRITE');
}
