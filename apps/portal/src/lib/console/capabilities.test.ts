import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { consoleCapabilities, isStaffRole } from './capabilities';

describe('console capabilities', () => {
  it('follow the roles table: ADMIN administers and edits the policies, ENGINEER and ADMIN manage installed modules and plan and move upgrades, the account team and ADMIN release advisories and record calls', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, consoleCapabilities(role)]));
    const none = {
      administer: false,
      manageInstalledModules: false,
      planUpgrades: false,
      releaseAdvisories: false,
      recordCalls: false,
      editPolicies: false,
    };
    expect(table).toEqual({
      CUSTOMER_USER: none,
      CUSTOMER_ADMIN: none,
      CUSTOMER_CARE: { ...none, releaseAdvisories: true, recordCalls: true },
      IMPLEMENTATION: { ...none, releaseAdvisories: true, recordCalls: true },
      ENGINEER: { ...none, manageInstalledModules: true, planUpgrades: true },
      ADMIN: {
        administer: true,
        manageInstalledModules: true,
        planUpgrades: true,
        releaseAdvisories: true,
        recordCalls: true,
        editPolicies: true,
      },
    });
  });

  it('the console is for vendor staff only', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN']);
  });
});
