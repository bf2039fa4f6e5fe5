// An upgrade moves its modules only to versions the vendor has published: planning, scheduling,
// previewing, editing and publishing a draft refuse an unknown version, another module's version
// and one not above the from-version, on the field that holds it, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from './admin-support.ts';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

const HOUR = 3_600_000;
/** 19:00 in Hà Nội, `days` after the test clock's day. */
const hanoiEvening = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 12, 0));

let api: TestApi;
let engineer: string;
/** Global ids of two demo modules: water billing (3.3.1, 3.4.0, 3.3.2 published) and e-invoicing (3.2.0, 3.2.1, 3.3.0). */
let water: string;
let invoice: string;

const USER_ERRORS = 'userErrors { code field message }';
const SCHEDULE = `mutation ($input: UpgradeScheduleInput!) { upgradeSchedule(input: $input) { upgrade { id } ${USER_ERRORS} } }`;
const CREATE = `mutation ($input: UpgradeCreateInput!) { upgradeCreate(input: $input) { upgrade { id } ${USER_ERRORS} } }`;
const PREVIEW = `query ($input: UpgradeCreateInput!) { upgradePlanPreview(input: $input) { plan { customer { code } } ${USER_ERRORS} } }`;
const UPDATE = `mutation ($input: UpgradeUpdateInput!) { upgradeUpdate(input: $input) { upgrade { id } ${USER_ERRORS} } }`;
const TRANSITION = `mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { upgrade { status } ${USER_ERRORS} } }`;

interface Payload {
  upgrade?: { id: string } | null;
  plan?: unknown[] | null;
  userErrors: { code: string; field: string[]; message: string }[];
}

function form(overrides: Record<string, unknown> = {}) {
  const start = hanoiEvening(10);
  return {
    kind: 'FIX',
    title: 'Sửa lỗi tính tiền nước bậc thang',
    summary: 'Tính đúng tiền nước khi đổi kỳ ghi chỉ số.',
    moduleIds: [water],
    moduleVersions: [{ moduleId: water, fromVersion: '3.3.1', targetVersion: '3.4.0' }],
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + HOUR).toISOString(),
    expectedDowntimeMinutes: 5,
    ...overrides,
  };
}

/** The payload of `operation` run by the engineer (no GraphQL error: a refusal is a userError, never a 500). */
async function run(operation: string, input: Record<string, unknown>): Promise<Payload> {
  const result = await api.gql(operation, { input }, { token: engineer });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data as Record<string, Payload>)[0]!;
}

const countUpgrades = () => api.db.prisma.upgrade.count();

beforeAll(async () => {
  api = await startTestApi();
  engineer = await api.login(ACCOUNTS.engineer);
  const idOf = async (key: string) =>
    globalId('Module', (await api.db.prisma.module.findUniqueOrThrow({ where: { key }, select: { id: true } })).id);
  water = await idOf('water-billing');
  invoice = await idOf('e-invoice');
});
afterAll(() => api.close());

describe('target versions', () => {
  it('plans, previews and schedules an upgrade to published versions above where each module is', async () => {
    const input = form({
      moduleIds: [water, invoice],
      moduleVersions: [
        { moduleId: water, fromVersion: '3.3.1', targetVersion: '3.4.0' },
        // The same version as the published 3.3.0.
        { moduleId: invoice, targetVersion: '3.3' },
      ],
    });
    expect((await run(PREVIEW, input)).userErrors).toEqual([]);
    expect((await run(CREATE, input)).userErrors).toEqual([]);
    expect((await run(SCHEDULE, input)).userErrors).toEqual([]);
    // The upgrade's own target serves every module without one.
    const shared = await run(SCHEDULE, form({ moduleVersions: [], targetVersion: '3.3.2' }));
    expect(shared.userErrors).toEqual([]);
  });

  it.each([
    [
      'an unknown version',
      { moduleVersions: [{ moduleId: 'water', targetVersion: '9.9.9' }] },
      'UNKNOWN_MODULE_VERSION',
      ['moduleVersions', '0', 'targetVersion'],
      /water-billing has no published version 9\.9\.9 \(its latest: 3\.3\.1, 3\.3\.2, 3\.4\.0\)/,
    ],
    [
      "another module's version",
      { moduleVersions: [{ moduleId: 'water', targetVersion: '3.3.0' }] },
      'UNKNOWN_MODULE_VERSION',
      ['moduleVersions', '0', 'targetVersion'],
      /water-billing has no published version 3\.3\.0/,
    ],
    [
      'a version not above the from-version',
      { moduleVersions: [{ moduleId: 'water', fromVersion: '3.4.0', targetVersion: '3.3.2' }] },
      'INVALID_INPUT',
      ['moduleVersions', '0', 'targetVersion'],
      /water-billing cannot move to version 3\.3\.2: it must be higher/,
    ],
    [
      'a from-version that is not a version',
      { moduleVersions: [{ moduleId: 'water', fromVersion: 'latest', targetVersion: '3.4.0' }] },
      'INVALID_INPUT',
      ['moduleVersions', '0', 'fromVersion'],
      /water-billing: "latest" is not a version/,
    ],
    [
      'an upgrade target that is not a version of a module it serves',
      { moduleIds: ['water', 'invoice'], moduleVersions: [], targetVersion: '3.3.0' },
      'UNKNOWN_MODULE_VERSION',
      ['targetVersion'],
      /water-billing has no published version 3\.3\.0/,
    ],
    [
      'an upgrade target no module moves to, yet announced, that is a version of none',
      { targetVersion: '9.9.9' },
      'UNKNOWN_MODULE_VERSION',
      ['targetVersion'],
      /9\.9\.9 is not a published version of any of the upgrade's modules/,
    ],
    [
      'a hostile version text',
      { moduleVersions: [{ moduleId: 'water', targetVersion: `3.4.0'; DROP TABLE "Upgrade";--<script>` }] },
      'UNKNOWN_MODULE_VERSION',
      ['moduleVersions', '0', 'targetVersion'],
      /water-billing has no published version/,
    ],
  ] as const)(
    'refuses %s on its field, in every way of planning, writing nothing',
    async (_, change, code, field, message) => {
      const ids: Record<string, string> = { water, invoice };
      const resolved = {
        ...change,
        ...('moduleIds' in change ? { moduleIds: change.moduleIds.map((key) => ids[key]) } : {}),
        ...('moduleVersions' in change
          ? { moduleVersions: change.moduleVersions.map((v) => ({ ...v, moduleId: ids[v.moduleId] })) }
          : {}),
      };
      const before = await countUpgrades();
      for (const operation of [SCHEDULE, CREATE, PREVIEW]) {
        const payload = await run(operation, form(resolved));
        expect(payload.upgrade ?? payload.plan ?? null).toBeNull();
        expect(payload.userErrors).toEqual([
          { code, field: ['input', ...field], message: expect.stringMatching(message) },
        ]);
      }
      expect(await countUpgrades()).toBe(before);
    },
  );

  it("checks a draft's new versions and a published upgrade's new target when they are edited", async () => {
    const draft = (await run(CREATE, form())).upgrade!.id;
    const edit = await run(UPDATE, {
      id: draft,
      moduleVersions: [{ moduleId: water, fromVersion: '3.3.1', targetVersion: '3.5.0' }],
    });
    expect(edit.userErrors).toMatchObject([
      { code: 'UNKNOWN_MODULE_VERSION', field: ['input', 'moduleVersions', '0', 'targetVersion'] },
    ]);
    expect(
      (await run(UPDATE, { id: draft, moduleVersions: [{ moduleId: water, targetVersion: '3.3.2' }] })).userErrors,
    ).toEqual([]);

    const published = (await run(SCHEDULE, form({ moduleVersions: [], targetVersion: '3.4.0' }))).upgrade!.id;
    expect((await run(UPDATE, { id: published, targetVersion: '9.9.9' })).userErrors).toMatchObject([
      { code: 'UNKNOWN_MODULE_VERSION', field: ['input', 'targetVersion'] },
    ]);
    expect((await run(UPDATE, { id: published, targetVersion: '3.3.2' })).userErrors).toEqual([]);
    const row = await api.db.prisma.upgrade.findFirstOrThrow({
      where: { id: Buffer.from(published, 'base64').toString('utf8').split(':')[1]! },
      select: { targetVersion: true },
    });
    expect(row.targetVersion).toBe('3.3.2');
  });

  it('will not publish a draft that targets an unpublished version (saved before versions were checked)', async () => {
    const draft = (await run(CREATE, form())).upgrade!.id;
    const upgradeId = Buffer.from(draft, 'base64').toString('utf8').split(':')[1]!;
    await api.db.prisma.upgradeModule.updateMany({ where: { upgradeId }, data: { targetVersion: '9.9.9' } });
    const publish = await run(TRANSITION, { id: draft, to: 'SCHEDULED' });
    expect(publish.userErrors).toMatchObject([{ code: 'UNKNOWN_MODULE_VERSION', field: ['input', 'id'] }]);
    expect(publish.userErrors[0]!.message).toMatch(/water-billing has no published version 9\.9\.9/);
    const row = await api.db.prisma.upgrade.findUniqueOrThrow({ where: { id: upgradeId }, select: { status: true } });
    expect(row.status).toBe('DRAFT');
    expect(await api.db.prisma.notice.count({ where: { upgradeId } })).toBe(0);
  });
});
