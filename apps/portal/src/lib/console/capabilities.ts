// What each vendor role may do in the staff console: the pages show a form or a button only when
// the role may use it. The API is the authority and refuses the rest anyway (scope-auth); this
// table only keeps the screens from offering what would be refused.
import { isCustomerRole, type Role } from '../api-types';

export interface ConsoleCapabilities {
  /** Customers, their users and account teams, the module catalog and versions. */
  administer: boolean;
  /** Install, uninstall, change the version and warranty of a customer's modules. */
  manageInstalledModules: boolean;
  /** Plan upgrades: save drafts, preview their notices, publish them. */
  planUpgrades: boolean;
  /** Edit and release the FIX advisories held for a customer's account team. */
  releaseAdvisories: boolean;
}

export function isStaffRole(role: Role): boolean {
  return !isCustomerRole(role);
}

export function consoleCapabilities(role: Role): ConsoleCapabilities {
  return {
    administer: role === 'ADMIN',
    manageInstalledModules: role === 'ADMIN' || role === 'ENGINEER',
    planUpgrades: role === 'ADMIN' || role === 'ENGINEER',
    // The account team (and admins) release advisories; the API also limits them to their customers'.
    releaseAdvisories: role === 'ADMIN' || role === 'IMPLEMENTATION' || role === 'CUSTOMER_CARE',
  };
}

/** Where a user lands after logging in: customers their portal, staff the console. */
export function homePath(role: Role): '/' | '/console' {
  return isStaffRole(role) ? '/console' : '/';
}
