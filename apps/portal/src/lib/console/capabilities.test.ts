import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { consoleCapabilities, isStaffRole } from './capabilities';

describe('console capabilities', () => {
  it('follow the roles table: ADMIN administers, ENGINEER and ADMIN manage installed modules and plan upgrades', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, consoleCapabilities(role)]));
    expect(table).toEqual({
      CUSTOMER_USER: { administer: false, manageInstalledModules: false, planUpgrades: false },
      CUSTOMER_ADMIN: { administer: false, manageInstalledModules: false, planUpgrades: false },
      CUSTOMER_CARE: { administer: false, manageInstalledModules: false, planUpgrades: false },
      IMPLEMENTATION: { administer: false, manageInstalledModules: false, planUpgrades: false },
      ENGINEER: { administer: false, manageInstalledModules: true, planUpgrades: true },
      ADMIN: { administer: true, manageInstalledModules: true, planUpgrades: true },
    });
  });

  it('the console is for vendor staff only', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN']);
  });
});
