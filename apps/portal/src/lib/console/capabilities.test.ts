import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { consoleCapabilities, isStaffRole } from './capabilities';

describe('console capabilities', () => {
  it('follow the roles table: ADMIN administers, ENGINEER and ADMIN manage installed modules and plan upgrades, the account team and ADMIN release advisories', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, consoleCapabilities(role)]));
    expect(table).toEqual({
      CUSTOMER_USER: {
        administer: false,
        manageInstalledModules: false,
        planUpgrades: false,
        releaseAdvisories: false,
      },
      CUSTOMER_ADMIN: {
        administer: false,
        manageInstalledModules: false,
        planUpgrades: false,
        releaseAdvisories: false,
      },
      CUSTOMER_CARE: { administer: false, manageInstalledModules: false, planUpgrades: false, releaseAdvisories: true },
      IMPLEMENTATION: {
        administer: false,
        manageInstalledModules: false,
        planUpgrades: false,
        releaseAdvisories: true,
      },
      ENGINEER: { administer: false, manageInstalledModules: true, planUpgrades: true, releaseAdvisories: false },
      ADMIN: { administer: true, manageInstalledModules: true, planUpgrades: true, releaseAdvisories: true },
    });
  });

  it('the console is for vendor staff only', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN']);
  });
});
