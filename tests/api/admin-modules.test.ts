// The module catalog (ADMIN) and installed modules (ENGINEER, ADMIN): permissions, version rules
// (the vendor's dotted numbers, ordered numerically), prerequisites, and nothing changed on refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';
import { ALL_ACCOUNTS, allowedAccounts, customerId, globalId } from './admin-support.ts';

let api: TestApi;
let admin: string;
let engineer: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login(ACCOUNTS.admin);
  engineer = await api.login(ACCOUNTS.engineer);
});
afterAll(() => api.close());

const CREATE = `mutation ($input: ModuleCreateInput!) {
  moduleCreate(input: $input) {
    module { id key name nameVi nameEn latestVersion requires { key } versions { version } }
    userErrors { code field message }
  }
}`;
const UPDATE = `mutation ($input: ModuleUpdateInput!) {
  moduleUpdate(input: $input) { module { id nameEn requires { key } } userErrors { code field message } }
}`;
const PUBLISH = `mutation ($input: ModuleVersionPublishInput!) {
  moduleVersionPublish(input: $input) {
    module { latestVersion versions { version notes } }
    moduleVersion { version notesVi notesEn releasedAt }
    userErrors { code field message }
  }
}`;
const INSTALL = `mutation ($input: InstalledModuleInstallInput!) {
  installedModuleInstall(input: $input) {
    installedModule { id version warrantyEndsAt module { key } customer { code } }
    userErrors { code field message }
  }
}`;
const CHANGE = `mutation ($input: InstalledModuleVersionChangeInput!) {
  installedModuleVersionChange(input: $input) { installedModule { id version } userErrors { code field message } }
}`;
const WARRANTY = `mutation ($input: InstalledModuleWarrantySetInput!) {
  installedModuleWarrantySet(input: $input) { installedModule { id warrantyEndsAt } userErrors { code field message } }
}`;
const UNINSTALL = `mutation ($input: InstalledModuleUninstallInput!) {
  installedModuleUninstall(input: $input) { deletedId userErrors { code field message } }
}`;

const moduleId = async (key: string) =>
  (await api.db.prisma.module.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;

function newModule(key: string, extra: Record<string, unknown> = {}) {
  return {
    key,
    nameVi: 'Cổ phần người lao động',
    nameEn: 'Employee shares',
    descriptionVi: 'Cổ phần thưởng cho người lao động.',
    descriptionEn: 'Shares granted to employees.',
    category: 'finance',
    version: '1.0.0',
    ...extra,
  };
}

describe('permissions', () => {
  it('catalog: ADMIN only; installed modules: ENGINEER and ADMIN', async () => {
    const accounting = globalId('Module', await moduleId('accounting'));
    let n = 0;
    expect(await allowedAccounts(api, ALL_ACCOUNTS, CREATE, () => ({ input: newModule(`perm-${n++}`) }))).toEqual([
      'admin',
    ]);
    expect(
      await allowedAccounts(api, ALL_ACCOUNTS, UPDATE, () => ({ input: { id: accounting, sortOrder: 1 } })),
    ).toEqual(['admin']);
    let v = 0;
    expect(
      await allowedAccounts(api, ALL_ACCOUNTS, PUBLISH, () => ({
        input: {
          moduleId: accounting,
          version: `7.0.${v++}`,
          releasedAt: '2026-12-01T00:00:00Z',
          notesVi: 'Sửa lỗi',
          notesEn: 'Fixes',
        },
      })),
    ).toEqual(['admin']);

    // Installing into a brand-new customer, refused for everyone but engineers and admins.
    const created = await api.gql(
      'mutation { customerCreate(input: { code: "PERM-INSTALL", name: "Perm" }) { customer { id } } }',
      {},
      { token: admin },
    );
    const customer = created.data.customerCreate.customer.id as string;
    const others = ALL_ACCOUNTS.filter((a) => a !== 'admin' && a !== 'engineer');
    expect(
      await allowedAccounts(api, others, INSTALL, () => ({ input: { customerId: customer, moduleId: accounting } })),
    ).toEqual([]);
    const installed = await api.gql(
      INSTALL,
      { input: { customerId: customer, moduleId: accounting } },
      { token: engineer },
    );
    const id = installed.data.installedModuleInstall.installedModule.id as string;
    expect(await allowedAccounts(api, others, CHANGE, () => ({ input: { id, version: '6.4.0' } }))).toEqual([]);
    expect(await allowedAccounts(api, others, WARRANTY, () => ({ input: { id, warrantyEndsAt: null } }))).toEqual([]);
    expect(await allowedAccounts(api, others, UNINSTALL, () => ({ input: { id } }))).toEqual([]);
    expect(await api.db.prisma.installedModule.count({ where: { customer: { code: 'PERM-INSTALL' } } })).toBe(1);
    const gone = await api.gql(UNINSTALL, { input: { id } }, { token: admin });
    expect(gone.data.installedModuleUninstall).toEqual({ deletedId: id, userErrors: [] });
  });
});

describe('catalog', () => {
  it('creates a bilingual entry with its prerequisites and first version', async () => {
    const accounting = globalId('Module', await moduleId('accounting'));
    const { data } = await api.gql(
      CREATE,
      { input: newModule('Employee-Shares', { requiresIds: [accounting] }) },
      { token: admin },
    );
    expect(data.moduleCreate.userErrors).toEqual([]);
    expect(data.moduleCreate.module).toMatchObject({
      key: 'employee-shares',
      name: 'Cổ phần người lao động',
      nameEn: 'Employee shares',
      latestVersion: '1.0.0',
      requires: [{ key: 'accounting' }],
      versions: [{ version: '1.0.0' }],
    });
  });

  it('refuses a bad version, a missing English name, an unknown category and a duplicate code', async () => {
    const before = await api.db.prisma.module.count();
    const bad = await api.gql(
      CREATE,
      { input: newModule('bad-one', { version: '1.0.0-beta.1', nameEn: ' ', category: 'misc' }) },
      { token: admin },
    );
    const errors = bad.data.moduleCreate.userErrors as { field: string[]; message: string }[];
    expect(errors.map((e) => e.field[1]).sort()).toEqual(['category', 'nameEn', 'version']);
    expect(errors.find((e) => e.field[1] === 'version')!.message).toMatch(/dot-separated numbers/);
    const dup = await api.gql(CREATE, { input: newModule('accounting') }, { token: admin });
    expect(dup.data.moduleCreate.userErrors).toMatchObject([{ code: 'CONFLICT', field: ['input', 'key'] }]);
    expect(await api.db.prisma.module.count()).toBe(before);
  });

  it('refuses a prerequisite cycle and keeps the old prerequisites', async () => {
    const accounting = await moduleId('accounting');
    const eInvoice = await moduleId('e-invoice'); // requires accounting
    const { data } = await api.gql(
      UPDATE,
      { input: { id: globalId('Module', accounting), requiresIds: [globalId('Module', eInvoice)] } },
      { token: admin },
    );
    expect(data.moduleUpdate.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'requiresIds'] }]);
    expect(await api.db.prisma.moduleDependency.count({ where: { moduleId: accounting } })).toBe(0);
  });

  it('publishes versions in numeric order: latestVersion is the highest, an older line patch does not lower it', async () => {
    const id = globalId('Module', await moduleId('employee-shares'));
    const publish = (version: string) =>
      api.gql(
        PUBLISH,
        {
          input: {
            moduleId: id,
            version,
            releasedAt: '2026-12-01T00:00:00Z',
            notesVi: `Bản ${version}`,
            notesEn: `Release ${version}`,
          },
        },
        { token: admin },
      );
    expect((await publish('1.9.0')).data.moduleVersionPublish.userErrors).toEqual([]);
    const ten = await publish('1.10.0');
    expect(ten.data.moduleVersionPublish).toMatchObject({
      module: { latestVersion: '1.10.0' },
      moduleVersion: { version: '1.10.0', notesVi: 'Bản 1.10.0', notesEn: 'Release 1.10.0' },
      userErrors: [],
    });
    const patch = await publish('1.0.1');
    expect(patch.data.moduleVersionPublish.module.latestVersion).toBe('1.10.0');
    expect(patch.data.moduleVersionPublish.module.versions.map((v: { version: string }) => v.version)).toEqual([
      '1.10.0',
      '1.9.0',
      '1.0.1',
      '1.0.0',
    ]);

    const before = await api.db.prisma.moduleVersion.count();
    for (const [version, code] of [
      ['v2', 'INVALID_INPUT'],
      ['2.0.0-rc.1', 'INVALID_INPUT'],
      ['1.10.0', 'CONFLICT'],
      ['1.10', 'CONFLICT'],
    ] as const) {
      const answer = await publish(version);
      expect(answer.data.moduleVersionPublish, version).toMatchObject({
        module: null,
        userErrors: [{ code, field: ['input', 'version'] }],
      });
    }
    expect(await api.db.prisma.moduleVersion.count()).toBe(before);
    const row = await api.db.prisma.module.findUniqueOrThrow({ where: { key: 'employee-shares' } });
    expect(row.latestVersion).toBe('1.10.0');
  });
});

describe('installed modules', () => {
  it('installs into a new customer (prerequisites first), changes version, sets the warranty, uninstalls', async () => {
    const created = await api.gql(
      'mutation { customerCreate(input: { code: "HUE-HOSPITAL", name: "Bệnh viện Huế" }) { customer { id } } }',
      {},
      { token: admin },
    );
    const customer = created.data.customerCreate.customer.id as string;
    const shares = globalId('Module', await moduleId('employee-shares'));
    const accounting = globalId('Module', await moduleId('accounting'));

    const early = await api.gql(INSTALL, { input: { customerId: customer, moduleId: shares } }, { token: engineer });
    expect(early.data.installedModuleInstall.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'moduleId'] },
    ]);
    expect(early.data.installedModuleInstall.userErrors[0].message).toMatch(/accounting/);

    const acc = await api.gql(INSTALL, { input: { customerId: customer, moduleId: accounting } }, { token: engineer });
    expect(acc.data.installedModuleInstall.userErrors).toEqual([]);
    const unknown = await api.gql(
      INSTALL,
      { input: { customerId: customer, moduleId: shares, version: '9.9.9' } },
      { token: engineer },
    );
    expect(unknown.data.installedModuleInstall.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'version'] },
    ]);
    expect(unknown.data.installedModuleInstall.userErrors[0].message).toMatch(/1\.10\.0/);

    const sh = await api.gql(
      INSTALL,
      {
        input: {
          customerId: customer,
          moduleId: shares,
          version: '1.9.0',
          warrantyEndsAt: '2027-12-31T17:00:00Z',
        },
      },
      { token: engineer },
    );
    expect(sh.data.installedModuleInstall).toMatchObject({
      installedModule: {
        version: '1.9.0',
        warrantyEndsAt: '2027-12-31T17:00:00.000Z',
        customer: { code: 'HUE-HOSPITAL' },
      },
      userErrors: [],
    });
    const id = sh.data.installedModuleInstall.installedModule.id as string;

    const again = await api.gql(INSTALL, { input: { customerId: customer, moduleId: shares } }, { token: engineer });
    expect(again.data.installedModuleInstall.userErrors).toMatchObject([{ code: 'CONFLICT' }]);

    const bad = await api.gql(CHANGE, { input: { id, version: '1.9' + '.x' } }, { token: engineer });
    expect(bad.data.installedModuleVersionChange.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'version'] },
    ]);
    expect(bad.data.installedModuleVersionChange.userErrors[0].message).toMatch(/not a version/);
    const up = await api.gql(CHANGE, { input: { id, version: '1.10.0' } }, { token: engineer });
    expect(up.data.installedModuleVersionChange).toMatchObject({
      installedModule: { version: '1.10.0' },
      userErrors: [],
    });

    const cleared = await api.gql(WARRANTY, { input: { id, warrantyEndsAt: null } }, { token: engineer });
    expect(cleared.data.installedModuleWarrantySet).toMatchObject({
      installedModule: { warrantyEndsAt: null },
      userErrors: [],
    });

    // Accounting is required by the installed employee-shares module.
    const accId = acc.data.installedModuleInstall.installedModule.id as string;
    const blocked = await api.gql(UNINSTALL, { input: { id: accId } }, { token: engineer });
    expect(blocked.data.installedModuleUninstall).toMatchObject({
      deletedId: null,
      userErrors: [{ code: 'INVALID_INPUT' }],
    });
    expect(
      (await api.gql(UNINSTALL, { input: { id } }, { token: engineer })).data.installedModuleUninstall.deletedId,
    ).toBe(id);
    expect(
      (await api.gql(UNINSTALL, { input: { id: accId } }, { token: engineer })).data.installedModuleUninstall
        .userErrors,
    ).toEqual([]);
    expect(
      await api.db.prisma.installedModule.count({ where: { customerId: await customerId(api, 'HUE-HOSPITAL') } }),
    ).toBe(0);
  });
});
