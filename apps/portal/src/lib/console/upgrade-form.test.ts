import { describe, expect, it } from 'vitest';
import {
  EMPTY_UPGRADE,
  fromVersionName,
  moduleVersionErrors,
  readUpgradeForm,
  targetChoices,
  targetVersionName,
  upgradeInput,
  type UpgradeValues,
} from './upgrade-form';

const CUSTOMERS = [
  { id: 'hanoi', moduleIds: ['accounting', 'water-billing'] },
  { id: 'seoul', moduleIds: ['warranty'] },
  { id: 'singapore', moduleIds: ['accounting', 'transport'] },
];

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const FILLED: UpgradeValues = {
  ...EMPTY_UPGRADE,
  kind: 'FEATURE',
  title: 'Nâng cấp kế toán',
  summary: 'Phiên bản mới',
  moduleIds: ['accounting'],
  windowStart: '2027-03-20T22:00',
  windowEnd: '2027-03-20T23:30',
  sandboxStart: '2027-03-10T09:00',
  expectedDowntimeMinutes: '30',
};

describe('upgrade form', () => {
  it('reads the texts trimmed, the kind, the emergency, the modules with their versions and the targets', () => {
    const values = readUpgradeForm(
      formOf([
        ['kind', 'SERVER'],
        ['title', '  Bảo trì máy chủ '],
        ['titleEn', 'Server maintenance'],
        ['summary', 'Tạm dừng hệ thống'],
        ['windowStart', '2027-03-10T22:00'],
        ['windowEnd', '2027-03-10T23:00'],
        ['expectedDowntimeMinutes', ' 45 '],
        ['emergency', 'on'],
        ['emergencyReason', 'Lỗ hổng bảo mật'],
        ['requiresRelogin', 'on'],
        ['firstNoticeAt', '2027-02-01T09:00'],
        ['moduleIds', 'accounting'],
        ['moduleIds', 'accounting'],
        [fromVersionName('accounting'), '4.1'],
        [targetVersionName('accounting'), ' 4.2 '],
        [fromVersionName('transport'), ''],
        [targetVersionName('transport'), ''],
        ['offeredCustomerIds', 'hanoi'],
        ['offeredCustomerIds', 'singapore'],
        ['customerIds', 'singapore'],
      ]),
    );
    expect(values).toEqual({
      ...EMPTY_UPGRADE,
      kind: 'SERVER',
      title: 'Bảo trì máy chủ',
      titleEn: 'Server maintenance',
      summary: 'Tạm dừng hệ thống',
      windowStart: '2027-03-10T22:00',
      windowEnd: '2027-03-10T23:00',
      expectedDowntimeMinutes: '45',
      emergency: true,
      emergencyReason: 'Lỗ hổng bảo mật',
      requiresRelogin: true,
      firstNoticeAt: '2027-02-01T09:00',
      moduleIds: ['accounting'],
      versions: {
        accounting: { fromVersion: '4.1', targetVersion: '4.2' },
        transport: { fromVersion: '', targetVersion: '' },
      },
      offeredCustomerIds: ['hanoi', 'singapore'],
      customerIds: ['singapore'],
    });
  });

  it('takes an unknown kind for a FEATURE and an absent emergency box for no emergency', () => {
    const values = readUpgradeForm(formOf([['kind', 'MAGIC']]));
    expect(values.kind).toBe('FEATURE');
    expect(values.emergency).toBe(false);
  });

  it('offers every customer running a chosen module; one offered before keeps its tick, a new one starts ticked', () => {
    const choices = targetChoices(CUSTOMERS, {
      moduleIds: ['accounting', 'warranty'],
      offeredCustomerIds: ['hanoi', 'singapore'],
      customerIds: ['singapore'],
    });
    expect(choices.map((choice) => [choice.customer.id, choice.ticked])).toEqual([
      ['hanoi', false],
      ['seoul', true],
      ['singapore', true],
    ]);
    expect(targetChoices(CUSTOMERS, { moduleIds: [], offeredCustomerIds: [], customerIds: [] })).toEqual([]);
  });

  it('turns window times typed in the staff member’s zone into instants, and versions into the API’s shape', () => {
    const offered = targetChoices(CUSTOMERS, { ...FILLED, offeredCustomerIds: ['hanoi'], customerIds: [] });
    const outcome = upgradeInput(
      { ...FILLED, versions: { accounting: { fromVersion: '4.1', targetVersion: '' } } },
      'America/New_York',
      offered,
    );
    expect(outcome).toEqual({
      ok: true,
      input: {
        kind: 'FEATURE',
        title: 'Nâng cấp kế toán',
        titleEn: null,
        summary: 'Phiên bản mới',
        summaryEn: null,
        changesVi: null,
        changesEn: null,
        moduleIds: ['accounting'],
        moduleVersions: [{ moduleId: 'accounting', fromVersion: '4.1', targetVersion: null }],
        // Hanoi unticked: the one customer left is named.
        customerIds: ['singapore'],
        // 22:00 in New York after the clocks moved on 14 March (UTC-4).
        windowStart: '2027-03-21T02:00:00.000Z',
        windowEnd: '2027-03-21T03:30:00.000Z',
        // Before they moved (UTC-5).
        sandboxStart: '2027-03-10T14:00:00.000Z',
        firstNoticeAt: null,
        expectedDowntimeMinutes: 30,
        requiresRelogin: false,
        important: false,
        emergency: false,
        emergencyReason: null,
      },
    });
  });

  it('sends the first notice of a SERVER upgrade and the importance of a FIX only for that kind', () => {
    const offered = targetChoices(CUSTOMERS, { ...FILLED, offeredCustomerIds: [], customerIds: [] });
    const typed = { ...FILLED, firstNoticeAt: '2027-03-01T09:00', important: true };
    const server = upgradeInput({ ...typed, kind: 'SERVER' }, 'Asia/Ho_Chi_Minh', offered);
    const fix = upgradeInput({ ...typed, kind: 'FIX' }, 'Asia/Ho_Chi_Minh', offered);
    const feature = upgradeInput(typed, 'Asia/Ho_Chi_Minh', offered);
    expect(server.ok && [server.input.firstNoticeAt, server.input.important]).toEqual([
      '2027-03-01T02:00:00.000Z',
      false,
    ]);
    expect(fix.ok && [fix.input.firstNoticeAt, fix.input.important]).toEqual([null, true]);
    expect(feature.ok && [feature.input.firstNoticeAt, feature.input.important]).toEqual([null, false]);
    expect(upgradeInput({ ...typed, kind: 'SERVER', firstNoticeAt: 'soon' }, 'Asia/Ho_Chi_Minh', offered)).toEqual({
      ok: false,
      errors: { firstNoticeAt: 'console.plan.error.firstNoticeAt' },
    });
  });

  it('asks for the API’s default targets when every offered customer stays ticked', () => {
    const offered = targetChoices(CUSTOMERS, { ...FILLED, offeredCustomerIds: [], customerIds: [] });
    const outcome = upgradeInput(FILLED, 'Asia/Ho_Chi_Minh', offered);
    expect(outcome.ok && outcome.input.customerIds).toBeNull();
    expect(outcome.ok && outcome.input.windowStart).toBe('2027-03-20T15:00:00.000Z');
  });

  it('says what to fix before asking the API', () => {
    const offered = targetChoices(CUSTOMERS, {
      moduleIds: ['accounting'],
      offeredCustomerIds: ['hanoi', 'singapore'],
      customerIds: [],
    });
    const outcome = upgradeInput(
      {
        ...EMPTY_UPGRADE,
        moduleIds: ['accounting'],
        windowStart: '2027-02-30T22:00',
        sandboxStart: 'tomorrow',
        expectedDowntimeMinutes: '-5',
        emergency: true,
      },
      'Asia/Ho_Chi_Minh',
      offered,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: {
        windowStart: 'console.plan.error.windowStart',
        windowEnd: 'console.plan.error.windowEnd',
        sandboxStart: 'console.plan.error.sandboxStart',
        title: 'console.plan.error.title',
        summary: 'console.plan.error.summary',
        expectedDowntimeMinutes: 'console.plan.error.downtime',
        emergencyReason: 'console.plan.error.emergencyReason',
        customerIds: 'console.plan.error.customerIds',
      },
    });
    expect(upgradeInput({ ...FILLED, moduleIds: [] }, 'Asia/Ho_Chi_Minh', [])).toEqual({
      ok: false,
      errors: { moduleIds: 'console.plan.error.moduleIds' },
    });
  });
});

describe('moduleVersionErrors', () => {
  it("puts each refused version beside its module, found by its place in the input's moduleVersions", () => {
    const moduleIds = ['accounting', 'water-billing', 'transport'];
    expect(
      moduleVersionErrors(
        [
          { code: 'UNKNOWN_MODULE_VERSION', field: ['input', 'moduleVersions', '1', 'targetVersion'] },
          { code: 'INVALID_INPUT', field: ['input', 'moduleVersions', '2', 'fromVersion'] },
          { code: 'WINDOW_INVALID', field: ['input', 'windowStart'] },
          { code: 'UNKNOWN_MODULE_VERSION', field: ['input', 'moduleVersions', '7', 'targetVersion'] },
          { code: 'INVALID_INPUT', field: null },
        ],
        moduleIds,
      ),
    ).toEqual({
      'water-billing': 'console.plan.error.unknownVersion',
      transport: 'console.plan.error.version',
    });
    expect(moduleVersionErrors([], moduleIds)).toEqual({});
  });
});
