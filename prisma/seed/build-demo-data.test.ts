import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_POLICIES,
  highestModuleVersion,
  isPublishedVersion,
  MODULE_REQUEST_PATH,
  moduleRequestActor,
  moduleRequestTransition,
  NOTICE_STAGES,
  noticeRows,
  planNotices,
  toLocalClock,
  UPGRADE_KINDS,
  upgradeTargetVersionIssues,
  type ModuleRequestRole,
  type ModuleRequestStage,
  type NoticeStage,
} from '@upgrade-desk/domain';
import {
  accountTeamOf,
  buildDemoData,
  customerAdminEmail,
  ids,
  installedModulesOf,
  type DemoData,
} from './build-demo-data.ts';
import { CUSTOMERS } from './data/customers.ts';
import { MODULES } from './data/modules.ts';
import { UPGRADES } from './data/upgrades.ts';

// The demo is placed relative to `now`, so it must hold together whatever `now` is: any time
// of day in Hà Nội, month and year ends, and Berlin's daylight-saving switches.
const NOWS = [
  '2026-12-03T03:17:00Z', // 10:17 in Hà Nội
  '2026-12-01T03:00:00Z', // the API tests' clock
  '2026-12-02T17:05:00Z', // 00:05 in Hà Nội, still the 2nd in Berlin
  '2026-12-03T16:55:00Z', // 23:55 in Hà Nội
  '2026-12-31T12:00:00Z', // year end
  '2027-01-31T20:00:00Z', // month end, and 03:00 on 1 February in Hà Nội
  '2027-02-28T05:30:00Z',
  '2027-03-29T00:30:00Z', // the day after Berlin's spring switch (a window lands on it)
  '2026-10-25T00:30:00Z', // Berlin's repeated autumn hour
  '2026-06-15T11:45:00Z',
].map((text) => new Date(text));

const STATUSES = ['DRAFT', 'SCHEDULED', 'SANDBOX', 'READY', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];
const PRE_WINDOW_STAGES = new Set([
  'ANNOUNCEMENT',
  'REMINDER',
  'FINAL_REMINDER',
  'IMMINENT',
  'ADVISORY',
  'RESCHEDULED',
]);

const time = (value: Date | string | null | undefined): number => (value ? new Date(value).getTime() : Number.NaN);

function build(now: Date): DemoData {
  return buildDemoData({ now, passwordHash: 'test-hash' });
}

describe.each(NOWS)('the demo built at %s', (now) => {
  const data = build(now);
  const at = now.getTime();
  const upgradeById = new Map(data.upgrades.map((upgrade) => [upgrade.id, upgrade]));

  it('stores the default notice policies, and plans every upgrade with them', () => {
    expect(data.noticePolicies.map(({ updatedAt: _at, updatedById: _by, ...policy }) => policy)).toEqual(
      Object.values(DEFAULT_NOTICE_POLICIES),
    );
  });

  it('has, for every upgrade, the notices the planner gives for its current window', () => {
    const EVENT_STAGES = new Set(['RESCHEDULED', 'CANCELLED', 'COMPLETED', 'FAILED', 'OVERRUN']);
    const customerById = new Map(data.customers.map((row) => [row.id, row]));
    const moduleById = new Map(data.modules.map((row) => [row.id, row]));
    let compared = 0;
    for (const upgrade of data.upgrades.filter((row) => row.status !== 'DRAFT')) {
      const seed = UPGRADES.find((candidate) => ids.upgrade(candidate.key) === upgrade.id);
      const sequence = upgrade.sequence ?? 0;
      // Planned when it was scheduled, or when it last moved.
      const action = sequence === 0 ? 'upgrade.schedule' : 'upgrade.reschedule';
      const plannedAt = new Date(
        data.auditLogs.find((row) => row.entityId === upgrade.id && row.action === action)?.at ?? Number.NaN,
      );
      const targets = data.upgradeTargets
        .filter((row) => row.upgradeId === upgrade.id)
        .map(({ customerId }) => ({
          customerId,
          timeZone: customerById.get(customerId)?.timeZone ?? '',
          locale: customerById.get(customerId)?.locale ?? 'VI',
          blackouts: data.blackoutWindows
            .filter((row) => row.customerId === customerId)
            .map((row) => ({ startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) })),
          window: null,
          accountTeam: accountTeamOf(data, customerId),
          installedModules: installedModulesOf(data, customerId),
        }));
      const notices = data.notices.filter((row) => row.upgradeId === upgrade.id);
      // What customers had been sent before the move: the earlier plan's notices that were not dropped.
      const sent = new Map<string, Set<NoticeStage>>();
      for (const row of notices.filter((n) => (n.sequence ?? 0) < sequence && !n.supersededAt)) {
        sent.set(row.customerId, (sent.get(row.customerId) ?? new Set()).add(row.stage));
      }
      const window = {
        id: upgrade.id ?? '',
        kind: upgrade.kind,
        title: upgrade.title,
        summary: upgrade.summary,
        titleEn: upgrade.titleEn ?? null,
        summaryEn: upgrade.summaryEn ?? null,
        changesVi: upgrade.changesVi ?? null,
        changesEn: upgrade.changesEn ?? null,
        windowStart: new Date(upgrade.windowStart),
        windowEnd: new Date(upgrade.windowEnd),
        expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
        requiresRelogin: upgrade.requiresRelogin ?? false,
        sandboxStart: upgrade.sandboxStart ? new Date(upgrade.sandboxStart) : null,
        emergency: upgrade.emergency ?? false,
        emergencyReason: upgrade.emergencyReason ?? null,
        sequence,
        targetVersion: upgrade.targetVersion ?? null,
        modules: data.upgradeModules
          .filter((row) => row.upgradeId === upgrade.id)
          .map((row) => ({
            module: {
              id: row.moduleId,
              nameVi: moduleById.get(row.moduleId)?.nameVi ?? '',
              nameEn: moduleById.get(row.moduleId)?.nameEn ?? '',
            },
          })),
      };
      const firstNoticeAt =
        sequence === 0 && seed?.firstNoticeHoursBefore !== undefined
          ? new Date(time(upgrade.windowStart) - seed.firstNoticeHoursBefore * 3_600_000)
          : null;
      const planned = planNotices(
        { ...window, firstNoticeAt },
        DEFAULT_NOTICE_POLICIES[upgrade.kind],
        targets,
        plannedAt,
        sent,
      );
      const expected = noticeRows(window, planned, targets).map(({ channels: _channels, ...row }) => ({
        ...row,
        createdAt: plannedAt,
      }));
      const actual = notices
        .filter((row) => row.sequence === sequence && !EVENT_STAGES.has(row.stage))
        .map((row) => ({
          upgradeId: row.upgradeId,
          customerId: row.customerId,
          stage: row.stage,
          sequence: row.sequence,
          scheduledFor: new Date(row.scheduledFor),
          locale: row.locale,
          title: row.title,
          body: row.body,
          requiresAcknowledgement: row.requiresAcknowledgement,
          acknowledgeBy: row.acknowledgeBy ? new Date(row.acknowledgeBy) : null,
          // Held when planned: a released advisory no longer awaits release.
          awaitingRelease: (row.awaitingRelease ?? false) || Boolean(row.releasedAt),
          createdAt: new Date(row.createdAt ?? Number.NaN),
        }));
      const order = (a: { customerId: string; stage: string }, b: { customerId: string; stage: string }) =>
        `${a.customerId}:${a.stage}`.localeCompare(`${b.customerId}:${b.stage}`);
      expect(actual.sort(order), seed?.key).toEqual(expected.sort(order));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('published every version a customer runs, and each upgrade target before the upgrade was planned', () => {
    const releasesOf = (moduleId: string, by: number) =>
      data.moduleReleases
        .filter((release) => release.moduleId === moduleId && release.releasedAt.getTime() <= by)
        .map((release) => release.version);
    expect(data.moduleReleases.every((release) => release.releasedAt.getTime() <= at)).toBe(true);
    for (const module of data.modules) {
      expect(highestModuleVersion(releasesOf(module.id ?? '', at)), module.key).toBe(module.latestVersion);
    }
    const installed = [
      ...data.installedModules,
      ...data.moduleRequests.map((row) => ({ moduleId: row.moduleId ?? '', version: row.deliveredVersion })),
    ];
    for (const { moduleId, version } of installed) {
      if (version) expect(isPublishedVersion(version, releasesOf(moduleId, at)), `${moduleId} ${version}`).toBe(true);
    }
    const planned = data.upgrades.filter((upgrade) => upgrade.targetVersion);
    expect(planned.length).toBeGreaterThan(0);
    for (const upgrade of planned) {
      const moves = data.upgradeModules
        .filter((row) => row.upgradeId === upgrade.id)
        .map((row) => ({ moduleId: row.moduleId, fromVersion: null, targetVersion: null }));
      const createdAt = time(upgrade.createdAt);
      expect(
        upgradeTargetVersionIssues(upgrade.targetVersion ?? null, moves, (id) => releasesOf(id, createdAt)),
        upgrade.title,
      ).toEqual([]);
    }
  });

  it('has unique ids in every table', () => {
    for (const [table, rows] of Object.entries(data)) {
      const keys = (rows as Array<{ id?: string }>).filter((row) => row.id !== undefined).map((row) => row.id);
      expect(new Set(keys).size, table).toBe(keys.length);
    }
  });

  it('publishes only what was due, and schedules only the future', () => {
    for (const notice of data.notices) {
      if (notice.publishedAt) {
        expect(time(notice.publishedAt)).toBeLessThanOrEqual(at);
        expect(time(notice.publishedAt)).toBeGreaterThanOrEqual(time(notice.scheduledFor));
        expect(notice.supersededAt).toBeNull();
      } else if (notice.awaitingRelease) {
        // Due, but held for the customer's account team: only FIX advisories wait so.
        expect(notice.stage).toBe('ADVISORY');
        expect(notice.supersededAt ?? null).toBeNull();
      } else if (!notice.supersededAt) {
        expect(time(notice.scheduledFor), `${notice.stage} ${notice.title}`).toBeGreaterThan(at);
      }
      if (notice.supersededAt) expect(time(notice.supersededAt)).toBeLessThanOrEqual(at);
    }
  });

  it('never publishes a notice after its window has started, except outcome notices', () => {
    for (const notice of data.notices.filter((n) => n.publishedAt && PRE_WINDOW_STAGES.has(n.stage))) {
      const upgrade = upgradeById.get(notice.upgradeId);
      expect(time(notice.publishedAt), `${notice.stage} ${notice.title}`).toBeLessThan(time(upgrade?.windowStart));
    }
  });

  it('keeps statuses consistent with the windows and the clock', () => {
    for (const upgrade of data.upgrades) {
      const [start, end] = [time(upgrade.windowStart), time(upgrade.windowEnd)];
      expect(start).toBeLessThan(end);
      if (upgrade.status === 'IN_PROGRESS') expect(start <= at && at < end, upgrade.title).toBe(true);
      if (['COMPLETED', 'FAILED'].includes(upgrade.status ?? '')) expect(end, upgrade.title).toBeLessThanOrEqual(at);
      if (['DRAFT', 'SCHEDULED', 'SANDBOX', 'READY', 'CANCELLED'].includes(upgrade.status ?? '')) {
        expect(start, upgrade.title).toBeGreaterThan(at);
      }
      for (const instant of [
        upgrade.sandboxStart,
        upgrade.sandboxVerifiedAt,
        upgrade.completedAt,
        upgrade.createdAt,
        upgrade.updatedAt,
      ]) {
        if (instant) expect(time(instant), upgrade.title).toBeLessThanOrEqual(at);
      }
      if (upgrade.status === 'SANDBOX') expect(upgrade.sandboxStart).not.toBeNull();
      if (upgrade.status === 'READY' && upgrade.kind === 'FEATURE') expect(upgrade.sandboxVerifiedAt).not.toBeNull();
    }
  });

  it('places windows in the quiet hours (18:00-06:00) of the zone they were planned in', () => {
    for (const seed of UPGRADES) {
      if (!('day' in seed.window)) continue; // in-progress windows are placed around `now`
      const upgrade = data.upgrades.find((row) => row.id === ids.upgrade(seed.key));
      const { hour } = toLocalClock(new Date(upgrade?.windowStart ?? 0), seed.window.timeZone ?? 'Asia/Ho_Chi_Minh');
      expect(hour >= 18 || hour < 6, seed.key).toBe(true);
    }
  });

  it('has acknowledgements only of published notices, before the deadline and not in the future', () => {
    const noticeById = new Map(data.notices.map((notice) => [notice.id, notice]));
    for (const acknowledgement of data.acknowledgements) {
      const notice = noticeById.get(acknowledgement.noticeId);
      expect(notice?.publishedAt).toBeTruthy();
      expect(notice?.requiresAcknowledgement).toBe(true);
      expect(time(acknowledgement.at)).toBeLessThanOrEqual(at);
      expect(time(acknowledgement.at)).toBeGreaterThanOrEqual(time(notice?.publishedAt));
      if (notice?.acknowledgeBy) expect(time(acknowledgement.at)).toBeLessThanOrEqual(time(notice.acknowledgeBy));
      const user = data.users.find((row) => row.id === acknowledgement.userId);
      expect(user?.customerId).toBe(notice?.customerId);
    }
  });

  it('asks for acknowledgement of FEATURE announcements and SERVER first and final notices, due at the next notice (SERVER: 4 hours ahead at the latest)', () => {
    for (const notice of data.notices) {
      const kind = upgradeById.get(notice.upgradeId)?.kind;
      const needs =
        (kind === 'FEATURE' && notice.stage === 'ANNOUNCEMENT') ||
        (kind === 'SERVER' && (notice.stage === 'FINAL_REMINDER' || notice.stage === 'ANNOUNCEMENT'));
      expect(notice.requiresAcknowledgement, `${kind} ${notice.stage}`).toBe(needs);
      if (!needs) continue;
      const next = data.notices.find(
        (other) =>
          other.upgradeId === notice.upgradeId &&
          other.customerId === notice.customerId &&
          other.sequence === notice.sequence &&
          other.stage ===
            (kind === 'FEATURE' ? 'REMINDER' : notice.stage === 'ANNOUNCEMENT' ? 'FINAL_REMINDER' : 'IMMINENT'),
      );
      // SERVER: the account team needs time to call before the window, unless the notice itself came later.
      const windowStart = time(upgradeById.get(notice.upgradeId)?.windowStart);
      const callBy = windowStart - 4 * 3_600_000;
      const expected =
        kind === 'SERVER' && callBy > time(notice.scheduledFor)
          ? Math.min(callBy, time(next?.scheduledFor))
          : time(next?.scheduledFor);
      expect(time(notice.acknowledgeBy)).toBe(expected);
    }
  });

  it('follows each request step by step, in time order, up to its current stage', () => {
    for (const request of data.moduleRequests) {
      const events = data.moduleRequestEvents.filter((event) => event.requestId === request.id);
      const stages = events.filter((event) => event.kind === 'STAGE');
      const times = events.map((event) => time(event.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThanOrEqual(at);
      expect(stages[0]?.stage).toBe('SUBMITTED');
      expect(stages[stages.length - 1]?.stage).toBe(request.stage);
      expect(time(request.stageEnteredAt)).toBe(time(stages[stages.length - 1]?.at));
      const onPath = stages
        .map((event) => event.stage)
        .filter((stage) => stage !== 'REJECTED' && stage !== 'WITHDRAWN');
      expect(onPath).toEqual(MODULE_REQUEST_PATH.slice(0, onPath.length));
      for (const event of stages) expect(event.note).toBeTruthy();
    }
  });

  it('walks each request only through steps the rules allow, taken by someone allowed to take them', () => {
    const users = new Map(data.users.map((user) => [user.id, user]));
    for (const request of data.moduleRequests) {
      const events = data.moduleRequestEvents.filter((event) => event.requestId === request.id);
      const stages = events.filter((event) => event.kind === 'STAGE');
      expect(users.get(stages[0]?.byId ?? '')?.role, request.title).toBe('CUSTOMER_ADMIN');
      for (const [previous, event] of stages.slice(1).map((event, index) => [stages[index], event] as const)) {
        const by = users.get(event.byId ?? '');
        expect(by?.disabledAt ?? null, `${request.title}: ${event.stage}`).toBeNull();
        const verdict = moduleRequestTransition(
          previous?.stage as ModuleRequestStage,
          event.stage as ModuleRequestStage,
          moduleRequestActor(by?.role as ModuleRequestRole),
          event.note,
        );
        expect(verdict, `${request.title}: ${previous?.stage} -> ${event.stage} by ${by?.email}`).toEqual({ ok: true });
      }
      for (const event of events.filter((event) => event.kind === 'ASSIGNMENT')) {
        expect(event.assigneeId).toBe(request.assigneeId);
        expect(users.get(event.assigneeId ?? '')?.role).toBe('IMPLEMENTATION');
      }
      expect(request.deliveredVersion != null).toBe(request.stage === 'CLOSED');
    }
  });

  it('told each customer of every step of its requests, in its own locale', () => {
    const locales = new Map(data.customers.map((customer) => [customer.id, customer.locale]));
    for (const request of data.moduleRequests) {
      const steps = data.moduleRequestEvents.filter((e) => e.requestId === request.id && e.kind === 'STAGE');
      const told = data.activities.filter((activity) => activity.moduleRequestId === request.id);
      expect(told.map((activity) => time(activity.at))).toEqual(steps.map((step) => time(step.at)));
      for (const activity of told) {
        expect(activity.customerId).toBe(request.customerId);
        expect(activity.locale).toBe(locales.get(request.customerId));
      }
    }
  });

  it('keeps blackout windows well-formed', () => {
    for (const blackout of data.blackoutWindows) {
      expect(time(blackout.startsAt)).toBeLessThan(time(blackout.endsAt));
    }
  });

  it('has deliveries only for published notices, never sent in the future', () => {
    const published = new Set(data.notices.filter((notice) => notice.publishedAt).map((notice) => notice.id));
    for (const delivery of data.deliveries) {
      expect(published.has(delivery.noticeId)).toBe(true);
      if (delivery.sentAt) expect(time(delivery.sentAt)).toBeLessThanOrEqual(at);
    }
    const statuses = new Set(data.deliveries.map((delivery) => delivery.status));
    expect(statuses).toContain('SENT');
    expect(statuses).toContain('FAILED');
  });
});

describe('the demo content', () => {
  const now = NOWS[0] ?? new Date();
  const data = build(now);
  const at = now.getTime();

  it('covers every upgrade kind in every status', () => {
    const pairs = new Set(data.upgrades.map((upgrade) => `${upgrade.kind}:${upgrade.status}`));
    for (const kind of UPGRADE_KINDS) for (const status of STATUSES) expect(pairs).toContain(`${kind}:${status}`);
  });

  it('covers every notice stage, and notices published, scheduled, superseded, acknowledged and overdue', () => {
    expect(new Set(data.notices.map((notice) => notice.stage))).toEqual(new Set(NOTICE_STAGES));
    const acknowledged = new Set<string | undefined>(data.acknowledgements.map((row) => row.noticeId));
    const needing = data.notices.filter((notice) => notice.publishedAt && notice.requiresAcknowledgement);
    expect(needing.some((notice) => acknowledged.has(notice.id))).toBe(true);
    expect(needing.some((notice) => !acknowledged.has(notice.id) && time(notice.acknowledgeBy) > at)).toBe(true);
    expect(needing.some((notice) => !acknowledged.has(notice.id) && time(notice.acknowledgeBy) < at)).toBe(true);
    expect(data.notices.some((notice) => notice.supersededAt)).toBe(true);
    expect(data.notices.some((notice) => !notice.publishedAt && !notice.supersededAt)).toBe(true);
  });

  it('covers every module request stage, both kinds', () => {
    expect(new Set(data.moduleRequests.map((request) => request.stage))).toEqual(
      new Set([...MODULE_REQUEST_PATH, 'REJECTED', 'WITHDRAWN']),
    );
    expect(new Set(data.moduleRequests.map((request) => request.kind))).toEqual(new Set(['NEW_MODULE', 'EXTENSION']));
  });

  it('installs a module only with its prerequisites, and NEW_MODULE requests only for modules not yet installed', () => {
    const requires = new Map(MODULES.map((module) => [ids.module(module.key), module.requires.map(ids.module)]));
    const installedBy = new Map<string, Set<string>>();
    for (const row of data.installedModules) {
      installedBy.set(row.customerId, (installedBy.get(row.customerId) ?? new Set()).add(row.moduleId));
    }
    for (const row of data.installedModules) {
      for (const needed of requires.get(row.moduleId) ?? []) {
        expect(installedBy.get(row.customerId)?.has(needed), `${row.customerId} ${row.moduleId}`).toBe(true);
      }
    }
    for (const request of data.moduleRequests.filter((row) => row.kind === 'NEW_MODULE' && row.stage !== 'CLOSED')) {
      expect(installedBy.get(request.customerId)?.has(request.moduleId ?? '')).toBe(false);
    }
    const closedNew = data.moduleRequests.find((row) => row.kind === 'NEW_MODULE' && row.stage === 'CLOSED');
    const install = data.installedModules.find((row) => row.id === closedNew?.installedModuleId);
    expect(time(install?.warrantyEndsAt)).toBeGreaterThan(at);
  });

  it('has warranties both lapsed and running', () => {
    expect(data.installedModules.some((row) => time(row.warrantyEndsAt) < at)).toBe(true);
    expect(data.installedModules.some((row) => time(row.warrantyEndsAt) > at)).toBe(true);
  });

  it('schedules inside the minimum notice only in an emergency, with a reason', () => {
    const minimum = new Map(
      Object.values(DEFAULT_NOTICE_POLICIES).map((policy) => [policy.kind, policy.minimumNoticeHours]),
    );
    for (const seed of UPGRADES.filter((upgrade) => upgrade.status !== 'DRAFT')) {
      if (seed.scheduledHoursBefore < (minimum.get(seed.kind) ?? 0))
        expect(seed.emergencyReason, seed.key).toBeTruthy();
    }
    expect(data.upgrades.filter((upgrade) => upgrade.emergency).every((upgrade) => upgrade.emergencyReason)).toBe(true);
  });

  it('writes notices in the customer locale and time zone', () => {
    for (const seed of CUSTOMERS.filter((customer) =>
      ['HANOI-WATER', 'KESSLER-VIETNAM', 'HANBIT-VINA'].includes(customer.code),
    )) {
      const notices = data.notices.filter((notice) => notice.customerId === ids.customer(seed.code));
      expect(notices.length).toBeGreaterThan(0);
      for (const notice of notices) {
        expect(notice.locale).toBe(seed.locale);
        expect(notice.body).toContain(seed.locale === 'VI' ? 'Kính gửi Quý khách hàng' : 'Dear Customer');
      }
    }
    const berlin = data.notices.filter((notice) => notice.customerId === ids.customer('KESSLER-VIETNAM'));
    expect(berlin.every((notice) => /\(GMT\+[12]\)/.test(notice.body))).toBe(true);
    const seoul = data.notices.filter((notice) => notice.customerId === ids.customer('HANBIT-VINA'));
    expect(seoul.every((notice) => notice.body.includes('(GMT+9)'))).toBe(true);
  });

  it('is identical for the same `now`', () => {
    expect(build(now)).toEqual(data);
  });

  it('gives each customer an admin and a user at its own domain, and an implementation and a care person', () => {
    for (const seed of CUSTOMERS) {
      const customerId = ids.customer(seed.code);
      const users = data.users.filter((user) => user.customerId === customerId);
      expect(users.find((user) => user.email === customerAdminEmail(seed))?.role).toBe('CUSTOMER_ADMIN');
      expect(users.some((user) => user.role === 'CUSTOMER_USER' && user.email.endsWith(`@${seed.domain}`))).toBe(true);
      const staff = data.customerStaff.filter((row) => row.customerId === customerId).map((row) => row.userId);
      const roles = data.users.filter((user) => staff.includes(user.id ?? '')).map((user) => user.role);
      expect(roles.sort()).toEqual(['CUSTOMER_CARE', 'IMPLEMENTATION']);
    }
  });
});
