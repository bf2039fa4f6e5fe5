import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { consoleCapabilities, isStaffRole } from './capabilities';

describe('console capabilities', () => {
  it('follow the roles table: ADMIN administers and edits the policies, ENGINEER and ADMIN manage installed modules', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, consoleCapabilities(role)]));
    expect(table).toEqual({
      CUSTOMER_USER: { administer: false, manageInstalledModules: false, editPolicies: false },
      CUSTOMER_ADMIN: { administer: false, manageInstalledModules: false, editPolicies: false },
      CUSTOMER_CARE: { administer: false, manageInstalledModules: false, editPolicies: false },
      IMPLEMENTATION: { administer: false, manageInstalledModules: false, editPolicies: false },
      ENGINEER: { administer: false, manageInstalledModules: true, editPolicies: false },
      ADMIN: { administer: true, manageInstalledModules: true, editPolicies: true },
    });
  });

  it('the console is for vendor staff only', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN']);
  });
});
