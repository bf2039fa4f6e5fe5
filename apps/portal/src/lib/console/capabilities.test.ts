import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { consoleCapabilities, isStaffRole } from './capabilities';

describe('console capabilities', () => {
  it('follow the roles table: ADMIN administers, ENGINEER and ADMIN manage installed modules and run upgrades', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, consoleCapabilities(role)]));
    expect(table).toEqual({
      CUSTOMER_USER: { administer: false, manageInstalledModules: false, runUpgrades: false },
      CUSTOMER_ADMIN: { administer: false, manageInstalledModules: false, runUpgrades: false },
      CUSTOMER_CARE: { administer: false, manageInstalledModules: false, runUpgrades: false },
      IMPLEMENTATION: { administer: false, manageInstalledModules: false, runUpgrades: false },
      ENGINEER: { administer: false, manageInstalledModules: true, runUpgrades: true },
      ADMIN: { administer: true, manageInstalledModules: true, runUpgrades: true },
    });
  });

  it('the console is for vendor staff only', () => {
    expect(ROLES.filter(isStaffRole)).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN']);
  });
});
