// What each vendor role may do in the staff console: the pages show a form or a button only when
// the role may use it. The API is the authority and refuses the rest anyway (scope-auth); this
// table only keeps the screens from offering what would be refused.
import { INSTALLED_MODULE_MANAGER_ROLES } from '@upgrade-desk/domain/module-request-stages';
import { isCustomerRole, type Role } from '../api-types';

export interface ConsoleCapabilities {
  /** Customers, their users and account teams, the module catalog and versions. */
  administer: boolean;
  /** Install, uninstall, change the version and warranty of a customer's modules. */
  manageInstalledModules: boolean;
  /** Plan and run upgrades: save drafts, preview their notices, publish, edit, move and transition them. */
  planUpgrades: boolean;
  /** Edit and release the FIX advisories held for a customer's account team. */
  releaseAdvisories: boolean;
  /** Record a call about an overdue acknowledgement (to a customer the member looks after; an ADMIN to any). */
  recordCalls: boolean;
  /** Edit the notice policy of each kind of upgrade (and preview what an edit does). */
  editPolicies: boolean;
}

export function isStaffRole(role: Role): boolean {
  return !isCustomerRole(role);
}

export function consoleCapabilities(role: Role): ConsoleCapabilities {
  return {
    administer: role === 'ADMIN',
    manageInstalledModules: INSTALLED_MODULE_MANAGER_ROLES.includes(role),
    planUpgrades: role === 'ADMIN' || role === 'ENGINEER',
    // The account team (and admins) release advisories; the API also limits them to their customers'.
    releaseAdvisories: role === 'ADMIN' || role === 'IMPLEMENTATION' || role === 'CUSTOMER_CARE',
    recordCalls: role === 'ADMIN' || role === 'IMPLEMENTATION' || role === 'CUSTOMER_CARE',
    editPolicies: role === 'ADMIN',
  };
}

/** Where a user lands after logging in: customers their portal, staff the console. */
export function homePath(role: Role): '/' | '/console' {
  return isStaffRole(role) ? '/console' : '/';
}
