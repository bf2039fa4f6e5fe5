import type { Prisma } from '@upgrade-desk/db';
import {
  DEFAULT_NOTICE_POLICIES,
  DEFAULT_WARRANTY_MONTHS,
  compareModuleVersions,
  deliveryRows,
  highestModuleVersion,
  renderStageChange,
  warrantyEndsAt as warrantyEnd,
  type DeliveryAudience,
  type Locale,
} from '@upgrade-desk/domain';
import { CARE_ROTA, CUSTOMERS, IMPLEMENTATION_ROTA, type CustomerSeed } from './data/customers.ts';
import { MODULES, type ModuleSeed } from './data/modules.ts';
import { STAFF } from './data/staff.ts';
import { UPGRADES, type UpgradeSeed, type WindowSeed } from './data/upgrades.ts';
import { blackoutsFor } from './demo-blackouts.ts';
import { DemoCalendar, plusDays, plusHours, plusMinutes } from './demo-calendar.ts';
import { MODULE_REQUESTS, requestTimeline } from './demo-module-requests.ts';
import { upgradeNotices, upgradeTimeline, type DemoNotice, type Window } from './demo-notices.ts';
import { stableFraction, stableHex, stableId } from './stable-id.ts';

// Builds every demo row in memory, with no I/O, so the data can be checked for consistency
// against many `now` values without a database, and written with a handful of createMany calls.

/** A version the demo publishes through the API's own publishModuleVersion (as moduleVersionPublish does). */
export interface DemoRelease {
  moduleId: string;
  version: string;
  releasedAt: Date;
  notesVi: string;
  notesEn: string;
  publishedById: string;
}

export interface DemoData {
  modules: Prisma.ModuleCreateManyInput[];
  moduleReleases: DemoRelease[];
  moduleDependencies: Prisma.ModuleDependencyCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  customerStaff: Prisma.CustomerStaffCreateManyInput[];
  installedModules: Prisma.InstalledModuleCreateManyInput[];
  blackoutWindows: Prisma.BlackoutWindowCreateManyInput[];
  webhookEndpoints: Prisma.WebhookEndpointCreateManyInput[];
  noticePolicies: Prisma.NoticePolicyCreateManyInput[];
  upgrades: Prisma.UpgradeCreateManyInput[];
  upgradeModules: Prisma.UpgradeModuleCreateManyInput[];
  upgradeTargets: Prisma.UpgradeTargetCreateManyInput[];
  notices: Prisma.NoticeCreateManyInput[];
  acknowledgements: Prisma.AcknowledgementCreateManyInput[];
  deliveries: Prisma.DeliveryCreateManyInput[];
  moduleRequests: Prisma.ModuleRequestCreateManyInput[];
  moduleRequestEvents: Prisma.ModuleRequestEventCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  auditLogs: Prisma.AuditLogCreateManyInput[];
}

export const ids = {
  module: (key: string) => stableId(`module:${key}`),
  customer: (code: string) => stableId(`customer:${code}`),
  user: (email: string) => stableId(`user:${email}`),
  installedModule: (code: string, moduleKey: string) => stableId(`installed-module:${code}:${moduleKey}`),
  upgrade: (key: string) => stableId(`upgrade:${key}`),
  notice: (upgradeKey: string, code: string, stage: string, sequence: number) =>
    stableId(`notice:${upgradeKey}:${code}:${stage}:${sequence}`),
  moduleRequest: (key: string) => stableId(`module-request:${key}`),
  webhookEndpoint: (code: string) => stableId(`webhook-endpoint:${code}`),
};

/** Demo customer users' addresses: admin@<domain> and user@<domain>. */
/**
 * A customer's account team as the API's plan-writer loads it for the notices' closing block:
 * enabled implementation and customer-care staff, in the database's role order, then by name.
 */
export function accountTeamOf(
  data: Pick<DemoData, 'customerStaff' | 'users'>,
  customerId: string,
): { name: string; role: 'IMPLEMENTATION' | 'CUSTOMER_CARE' }[] {
  const ROLE_ORDER = ['CUSTOMER_CARE', 'IMPLEMENTATION'] as const;
  return data.customerStaff
    .filter((row) => row.customerId === customerId)
    .map((row) => data.users.find((user) => user.id === row.userId))
    .flatMap((user) => {
      const role = ROLE_ORDER.find((r) => r === user?.role);
      return user && role && !user.disabledAt ? [{ name: user.name, role }] : [];
    })
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}

/** What a customer has installed, as the plan-writer loads it (by module id). */
export function installedModulesOf(
  data: Pick<DemoData, 'installedModules'>,
  customerId: string,
): { moduleId: string; version: string }[] {
  return data.installedModules
    .filter((row) => row.customerId === customerId)
    .map((row) => ({ moduleId: row.moduleId, version: row.version }))
    .sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
}

export function customerAdminEmail(customer: CustomerSeed): string {
  return `admin@${customer.domain}`;
}
export function customerUserEmail(customer: CustomerSeed): string {
  return `user@${customer.domain}`;
}

/** Extra users for a couple of customers, so not every customer looks the same. */
const EXTRA_CUSTOMER_USERS: ReadonlyArray<{
  customer: string;
  email: string;
  name: string;
  role: 'CUSTOMER_USER' | 'CUSTOMER_ADMIN';
  emailNotifications: boolean;
}> = [
  {
    customer: 'HANOI-WATER',
    email: 'ketoan@hanoi-water.example',
    name: 'Đỗ Văn Bình',
    role: 'CUSTOMER_USER',
    emailNotifications: false,
  },
  {
    customer: 'SAIGON-GARMENT',
    email: 'it@saigon-garment.example',
    name: 'Nguyễn Hữu Phát',
    role: 'CUSTOMER_ADMIN',
    emailNotifications: true,
  },
];

/** An address whose mailbox is full: deliveries to it fail, and are retried or abandoned. */
const BOUNCING_RECIPIENT = 'user@taman-hospital.example';

/** The release before `version`: 3.3.2 -> 3.3.1, 4.8.0 -> 4.7.0. */
function previousVersion(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((part) => Number(part));
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  return `${Math.max(major - 1, 0)}.9.0`;
}

function resolveWindow(window: WindowSeed, calendar: DemoCalendar): Window {
  const start =
    'startsMinutesFromNow' in window
      ? calendar.aroundNow(window.startsMinutesFromNow)
      : calendar.day(window.day, window.at[0], window.at[1], window.timeZone);
  return { start, end: plusMinutes(start, window.minutes) };
}

function earliest(...instants: Date[]): Date {
  return new Date(Math.min(...instants.map((instant) => instant.getTime())));
}

function latest(...instants: Date[]): Date {
  return new Date(Math.max(...instants.map((instant) => instant.getTime())));
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function required<T>(value: T | undefined, what: string): T {
  // The seed data is hand-written: a dangling reference is a bug in it, reported loudly.
  if (value === undefined) throw new Error(`Demo seed data refers to an unknown ${what}`);
  return value;
}

export interface BuildDemoDataOptions {
  now: Date;
  /** One argon2id hash of the demo password, shared by every demo account. */
  passwordHash: string;
}

export function buildDemoData({ now, passwordHash }: BuildDemoDataOptions): DemoData {
  const calendar = new DemoCalendar(now);
  const moduleByKey = byKey(MODULES, (module) => module.key);
  const customerByCode = byKey(CUSTOMERS, (customer) => customer.code);
  const module = (key: string): ModuleSeed => required(moduleByKey.get(key), `module "${key}"`);
  const customer = (code: string): CustomerSeed => required(customerByCode.get(code), `customer "${code}"`);
  const moduleName = (key: string, locale: Locale): string =>
    locale === 'VI' ? module(key).nameVi : module(key).nameEn;

  const data: DemoData = {
    modules: [],
    moduleReleases: [],
    moduleDependencies: [],
    customers: [],
    users: [],
    customerStaff: [],
    installedModules: [],
    blackoutWindows: [],
    webhookEndpoints: [],
    noticePolicies: [],
    upgrades: [],
    upgradeModules: [],
    upgradeTargets: [],
    notices: [],
    acknowledgements: [],
    deliveries: [],
    moduleRequests: [],
    moduleRequestEvents: [],
    activities: [],
    auditLogs: [],
  };

  // Modules and their releases (published by the catalog's admin) --------------------------
  const adminId = ids.user('admin@vendor.example');
  const latestOf = (seed: ModuleSeed): string =>
    required(highestModuleVersion(seed.releases.map((release) => release.version)) ?? undefined, 'release');
  MODULES.forEach((seed, index) => {
    data.modules.push({
      id: ids.module(seed.key),
      key: seed.key,
      nameVi: seed.nameVi,
      nameEn: seed.nameEn,
      descriptionVi: seed.descriptionVi,
      descriptionEn: seed.descriptionEn,
      category: seed.category,
      latestVersion: latestOf(seed),
      sortOrder: (index + 1) * 10,
    });
    for (const release of seed.releases) {
      data.moduleReleases.push({
        moduleId: ids.module(seed.key),
        version: release.version,
        releasedAt: calendar.daysAgo(release.releasedDaysAgo),
        notesVi: release.notesVi,
        notesEn: release.notesEn,
        publishedById: adminId,
      });
    }
    for (const requirement of seed.requires) {
      data.moduleDependencies.push({ moduleId: ids.module(seed.key), requiresId: ids.module(module(requirement).key) });
    }
  });

  // Vendor staff ----------------------------------------------------------------------------
  const staffByEmail = byKey(STAFF, (staff) => staff.email);
  const staffName = (email: string): string => required(staffByEmail.get(email), `staff "${email}"`).name;
  for (const staff of STAFF) {
    data.users.push({
      id: ids.user(staff.email),
      email: staff.email,
      name: staff.name,
      passwordHash,
      role: staff.role,
      locale: staff.locale,
      createdAt: calendar.daysAgo(staff.joinedDaysAgo),
      disabledAt: staff.disabledDaysAgo === undefined ? null : calendar.daysAgo(staff.disabledDaysAgo),
    });
  }

  // Upgrade windows first: installed versions depend on which upgrades are still to come.
  const upgradeWindows = new Map(UPGRADES.map((upgrade) => [upgrade.key, resolveWindow(upgrade.window, calendar)]));

  // Customers, their users, staff, installed modules and blackout windows ---------------------
  const installed = new Map<string, Set<string>>();
  const blackoutsOf = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  CUSTOMERS.forEach((seed, index) => {
    const customerId = ids.customer(seed.code);
    const since = calendar.daysAgo(seed.sinceDaysAgo);
    data.customers.push({
      id: customerId,
      code: seed.code,
      name: seed.name,
      industry: seed.industry,
      province: seed.province,
      timeZone: seed.timeZone,
      locale: seed.locale,
      createdAt: since,
    });
    const users = [
      {
        email: customerAdminEmail(seed),
        name: seed.adminName,
        role: 'CUSTOMER_ADMIN' as const,
        emailNotifications: true,
      },
      { email: customerUserEmail(seed), name: seed.userName, role: 'CUSTOMER_USER' as const, emailNotifications: true },
      ...EXTRA_CUSTOMER_USERS.filter((extra) => extra.customer === seed.code),
    ];
    users.forEach((user, userIndex) => {
      data.users.push({
        id: ids.user(user.email),
        email: user.email,
        name: user.name,
        passwordHash,
        role: user.role,
        locale: seed.locale,
        customerId,
        emailNotifications: user.emailNotifications,
        createdAt: plusDays(since, 1 + userIndex * 30),
      });
    });
    const implementation = seed.implementation ?? IMPLEMENTATION_ROTA[index % IMPLEMENTATION_ROTA.length];
    const care = seed.care ?? CARE_ROTA[index % CARE_ROTA.length];
    for (const email of [required(implementation, 'implementation rota'), required(care, 'care rota')]) {
      staffName(email); // fails loudly on a typo in the rota
      data.customerStaff.push({ customerId, userId: ids.user(email) });
    }
    installed.set(seed.code, new Set(seed.modules));
    const blackouts = blackoutsFor(seed, now);
    blackoutsOf.set(seed.code, blackouts);
    for (const blackout of blackouts) {
      data.blackoutWindows.push({
        id: stableId(`blackout:${seed.code}:${blackout.kind}:${blackout.occurrence}`),
        customerId,
        reason: blackout.reason,
        startsAt: blackout.startsAt,
        endsAt: blackout.endsAt,
        createdAt: earliest(now, plusDays(blackout.startsAt, -20)),
        createdById: ids.user(customerAdminEmail(seed)),
      });
    }
    if (seed.webhook) {
      data.webhookEndpoints.push({
        id: ids.webhookEndpoint(seed.code),
        customerId,
        url: `https://erp-bridge.${seed.domain}/hooks/upgrade-desk`,
        // Demo data only: derived from the customer code, so it is not a secret.
        secret: stableHex(`webhook-secret:${seed.code}`, 64),
        description:
          seed.locale === 'VI' ? 'Đồng bộ lịch bảo trì sang phần mềm điều phối kho' : 'Maintenance calendar sync',
        createdAt: calendar.daysAgo(200),
      });
    }
  });

  // Module requests: closing a NEW_MODULE request installs the module, so they come before
  // targets are worked out.
  const timelines = MODULE_REQUESTS.map((request) => {
    const owner = customer(request.customer);
    const assignee = request.assignee ? staffName(request.assignee) : undefined;
    const preliminary = requestTimeline(request, calendar, owner.locale, {
      assignee,
      moduleName: moduleName(request.module, owner.locale),
    });
    // As closing the request through the API does: the default warranty, from the day it closed.
    const warrantyEndsAt =
      request.kind === 'NEW_MODULE' && request.stage === 'CLOSED'
        ? warrantyEnd(preliminary.stageEnteredAt, DEFAULT_WARRANTY_MONTHS, owner.timeZone)
        : undefined;
    const timeline = warrantyEndsAt
      ? requestTimeline(request, calendar, owner.locale, {
          assignee,
          moduleName: moduleName(request.module, owner.locale),
          warrantyEndsAt,
        })
      : preliminary;
    if (warrantyEndsAt) required(installed.get(request.customer), 'customer').add(request.module);
    return { timeline, warrantyEndsAt };
  });
  const closedInstalls = new Map(
    timelines
      .filter(({ warrantyEndsAt }) => warrantyEndsAt)
      .map(({ timeline, warrantyEndsAt }) => [
        `${timeline.seed.customer}:${timeline.seed.module}`,
        { at: timeline.stageEnteredAt, warrantyEndsAt: required(warrantyEndsAt, 'warranty') },
      ]),
  );

  const targetsOf = (upgrade: UpgradeSeed): string[] =>
    upgrade.targets
      ? [...upgrade.targets]
      : CUSTOMERS.filter((seed) => upgrade.modules.some((key) => installed.get(seed.code)?.has(key))).map(
          (seed) => seed.code,
        );
  const upgradeTargets = new Map(UPGRADES.map((upgrade) => [upgrade.key, targetsOf(upgrade)]));

  // A customer still waiting for (or let down by) an upgrade of a module runs the release
  // before it; everyone else runs the latest.
  const installedVersion = (code: string, key: string): string => {
    const pending = UPGRADES.filter(
      (upgrade) =>
        upgrade.status !== 'COMPLETED' &&
        upgrade.targetVersion !== undefined &&
        upgrade.modules.includes(key) &&
        upgradeTargets.get(upgrade.key)?.includes(code),
    ).map((upgrade) => required(upgrade.targetVersion, 'target version'));
    if (pending.length === 0) return latestOf(module(key));
    return previousVersion(pending.sort(compareModuleVersions)[0] ?? latestOf(module(key)));
  };

  for (const seed of CUSTOMERS) {
    const keys = [...required(installed.get(seed.code), 'customer')];
    keys.forEach((key, index) => {
      const closed = closedInstalls.get(`${seed.code}:${key}`);
      // Modules arrive over the years: the first with the go-live, the others spread after it.
      const installedDaysAgo = Math.round(seed.sinceDaysAgo - (index * seed.sinceDaysAgo * 0.8) / keys.length);
      const installedAt = closed ? closed.at : calendar.daysAgo(installedDaysAgo, 3);
      const warrantyYears = 1 + Math.floor(stableFraction(`warranty:${seed.code}:${key}`) * 3);
      let warrantyEndsAt = closed ? closed.warrantyEndsAt : plusDays(installedAt, 365 * warrantyYears);
      // About half the customers renew support every year: their warranty runs to the next
      // anniversary of the installation; the others' warranty has lapsed.
      if (warrantyEndsAt.getTime() < now.getTime() && stableFraction(`renewed:${seed.code}:${key}`) < 0.5) {
        const yearsSince = Math.ceil((now.getTime() - installedAt.getTime()) / (365 * 24 * 60 * 60 * 1000));
        warrantyEndsAt = plusDays(installedAt, 365 * yearsSince);
      }
      data.installedModules.push({
        id: ids.installedModule(seed.code, key),
        customerId: ids.customer(seed.code),
        moduleId: ids.module(key),
        version: installedVersion(seed.code, key),
        installedAt,
        warrantyEndsAt,
      });
    });
  }

  // Notice policies -------------------------------------------------------------------------
  for (const policy of Object.values(DEFAULT_NOTICE_POLICIES)) {
    data.noticePolicies.push({ ...policy, updatedAt: calendar.daysAgo(60), updatedById: adminId });
  }
  data.auditLogs.push({
    id: stableId('audit:notice-policy:FEATURE'),
    at: calendar.daysAgo(60),
    actorId: adminId,
    action: 'noticePolicy.update',
    entityType: 'NoticePolicy',
    entityId: 'FEATURE',
    data: { announcementLeadDays: { from: 10, to: 14 }, reminderLeadHours: { from: 24, to: 48 } },
  });
  data.auditLogs.push({
    id: stableId('audit:user-disable:huu.phuoc@vendor.example'),
    at: calendar.daysAgo(90),
    actorId: adminId,
    action: 'user.disable',
    entityType: 'User',
    entityId: ids.user('huu.phuoc@vendor.example'),
    data: { reason: 'Nghỉ việc' },
  });

  // Upgrades, their notices, acknowledgements and deliveries ---------------------------------
  const usersOf = new Map<string, Prisma.UserCreateManyInput[]>();
  for (const user of data.users) {
    if (!user.customerId) continue;
    const list = usersOf.get(user.customerId) ?? [];
    list.push(user);
    usersOf.set(user.customerId, list);
  }
  const codeOf = new Map(CUSTOMERS.map((seed) => [ids.customer(seed.code), seed.code]));
  // Who the dispatcher reaches (as deliveryRowsFor loads it): enabled users, ordered by address.
  const enabledByEmail = data.users
    .filter((user) => !user.disabledAt)
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const audience: DeliveryAudience = {
    emailsOf: groupBy(
      enabledByEmail.filter((user) => user.customerId && user.emailNotifications !== false),
      (user) => user.customerId ?? '',
      (user) => user.email,
    ),
    staffEmailsOf: groupBy(
      enabledByEmail.flatMap((user) =>
        data.customerStaff.filter((row) => row.userId === user.id).map((row) => ({ ...row, email: user.email })),
      ),
      (row) => row.customerId,
      (row) => row.email,
    ),
    endpointsOf: groupBy(
      data.webhookEndpoints.filter((endpoint) => !endpoint.disabledAt),
      (endpoint) => endpoint.customerId,
      (endpoint) => ({ id: required(endpoint.id, 'webhook endpoint id'), url: endpoint.url }),
    ),
  };

  for (const upgrade of UPGRADES) {
    const upgradeId = ids.upgrade(upgrade.key);
    const window = required(upgradeWindows.get(upgrade.key), 'window');
    const previousWindow = upgrade.rescheduled ? resolveWindow(upgrade.rescheduled.from, calendar) : undefined;
    const timeline = upgradeTimeline(upgrade, window, calendar);
    const targets = required(upgradeTargets.get(upgrade.key), 'targets');
    const createdById = ids.user(upgrade.createdBy);
    staffName(upgrade.createdBy); // fails loudly on a typo in the upgrade data

    const sandboxStart = upgrade.sandbox ? plusHours(window.start, -upgrade.sandbox.startedHoursBefore) : null;
    const verified =
      upgrade.sandbox?.verifiedAfterHours !== undefined &&
      ['READY', 'IN_PROGRESS', 'COMPLETED', 'FAILED'].includes(upgrade.status) &&
      sandboxStart
        ? plusHours(sandboxStart, upgrade.sandbox.verifiedAfterHours)
        : null;
    const createdAt = upgrade.status === 'DRAFT' ? calendar.daysAgo(3) : plusDays(timeline.scheduledAt, -2);
    const changes = [
      createdAt,
      timeline.scheduledAt,
      sandboxStart,
      verified,
      timeline.rescheduledAt,
      timeline.cancelledAt,
    ]
      .concat(upgrade.status === 'IN_PROGRESS' ? [window.start] : [])
      .concat(timeline.finishedAt ? [timeline.finishedAt] : [])
      .filter((instant): instant is Date => instant instanceof Date);
    // What the notice planner reads of the upgrade row.
    const planned = {
      id: upgradeId,
      kind: upgrade.kind,
      title: upgrade.title,
      summary: upgrade.summary,
      titleEn: null,
      summaryEn: null,
      changesVi: null,
      changesEn: null,
      windowStart: window.start,
      windowEnd: window.end,
      expectedDowntimeMinutes: upgrade.expectedDowntimeMinutes,
      requiresRelogin: upgrade.requiresRelogin ?? false,
      sandboxStart,
      emergency: upgrade.emergencyReason !== undefined,
      emergencyReason: upgrade.emergencyReason ?? null,
      sequence: upgrade.rescheduled ? 1 : 0,
      targetVersion: upgrade.targetVersion ?? null,
      // SERVER: the earlier first notice staff set when scheduling, stored on the upgrade.
      firstNoticeAt:
        upgrade.firstNoticeHoursBefore === undefined
          ? null
          : plusHours(previousWindow?.start ?? window.start, -upgrade.firstNoticeHoursBefore),
    };
    data.upgrades.push({
      ...planned,
      status: upgrade.status,
      targetVersion: upgrade.targetVersion ?? null,
      sandboxVerifiedAt: verified,
      createdById,
      createdAt,
      updatedAt: earliest(now, latest(...changes)),
      completedAt: upgrade.status === 'COMPLETED' ? (timeline.finishedAt ?? null) : null,
    });
    for (const key of upgrade.modules) {
      data.upgradeModules.push({ upgradeId, moduleId: ids.module(module(key).key) });
    }

    const audit = (action: string, at: Date, extra: Record<string, string> = {}): void => {
      data.auditLogs.push({
        id: stableId(`audit:${upgrade.key}:${action}`),
        at,
        actorId: createdById,
        action,
        entityType: 'Upgrade',
        entityId: upgradeId,
        data: { title: upgrade.title, ...extra },
      });
    };
    if (upgrade.status !== 'DRAFT') audit('upgrade.schedule', timeline.scheduledAt);
    if (upgrade.rescheduled && timeline.rescheduledAt) {
      audit('upgrade.reschedule', timeline.rescheduledAt, { reason: upgrade.rescheduled.reason });
    }
    if (upgrade.cancelled && timeline.cancelledAt)
      audit('upgrade.cancel', timeline.cancelledAt, { reason: upgrade.cancelled.reason });
    if (timeline.finishedAt)
      audit(upgrade.status === 'COMPLETED' ? 'upgrade.complete' : 'upgrade.fail', timeline.finishedAt);

    for (const code of targets) {
      required(installed.get(code), `target customer "${code}"`); // an explicit target must exist
      data.upgradeTargets.push({ upgradeId, customerId: ids.customer(code) });
    }
    const notices = upgradeNotices({
      seed: upgrade,
      upgrade: {
        ...planned,
        modules: upgrade.modules.map((key) => ({
          module: { id: ids.module(key), nameVi: module(key).nameVi, nameEn: module(key).nameEn },
        })),
      },
      policy: DEFAULT_NOTICE_POLICIES[upgrade.kind],
      targets: targets.map((code) => ({
        customerId: ids.customer(code),
        timeZone: customer(code).timeZone,
        locale: customer(code).locale,
        blackouts: blackoutsOf.get(code) ?? [],
        window: null,
        accountTeam: accountTeamOf(data, ids.customer(code)),
        installedModules: installedModulesOf(data, ids.customer(code)),
      })),
      previousWindow,
      timeline,
    });
    for (const notice of notices) {
      const target = customer(required(codeOf.get(notice.customerId), 'target'));
      const releasers = data.customerStaff.filter((row) => row.customerId === notice.customerId).map((r) => r.userId);
      pushNotice(data, { upgrade, notice, target, now, usersOf, audience, windowStart: window.start, releasers });
    }
  }

  // Module requests and their events ---------------------------------------------------------
  for (const { timeline, warrantyEndsAt: warranty } of timelines) {
    const request = timeline.seed;
    const owner = customer(request.customer);
    const care = data.customerStaff.find(
      (row) =>
        row.customerId === ids.customer(owner.code) &&
        STAFF.find((staff) => ids.user(staff.email) === row.userId)?.role === 'CUSTOMER_CARE',
    );
    const actor = {
      'customer-admin': ids.user(customerAdminEmail(owner)),
      assignee: request.assignee ? ids.user(request.assignee) : null,
      care: care?.userId ?? null,
    };
    const requestId = ids.moduleRequest(request.key);
    const ownModules = required(installed.get(owner.code), 'customer');
    const installedModuleId =
      request.kind === 'EXTENSION' || (request.kind === 'NEW_MODULE' && request.stage === 'CLOSED')
        ? ids.installedModule(owner.code, request.module)
        : null;
    if (request.kind === 'EXTENSION' && !ownModules.has(request.module)) {
      throw new Error(`Demo request ${request.key} extends a module its customer does not have`);
    }
    // Judged against what the customer had when it asked (before any install by this request).
    const missingPrerequisites =
      request.kind === 'NEW_MODULE'
        ? module(request.module).requires.filter((key) => !customer(owner.code).modules.includes(key))
        : [];
    data.moduleRequests.push({
      id: requestId,
      customerId: ids.customer(owner.code),
      kind: request.kind,
      moduleId: ids.module(module(request.module).key),
      installedModuleId,
      title: request.title,
      description: request.description,
      stage: request.stage,
      stageEnteredAt: timeline.stageEnteredAt,
      missingPrerequisites,
      assigneeId: actor.assignee,
      // Closing records what was delivered: the version the customer now runs.
      deliveredVersion: request.stage === 'CLOSED' ? installedVersion(owner.code, request.module) : null,
      createdById: actor['customer-admin'],
      createdAt: timeline.submittedAt,
      updatedAt: timeline.events[timeline.events.length - 1]?.at ?? timeline.stageEnteredAt,
    });
    timeline.events.forEach((event, index) => {
      data.moduleRequestEvents.push({
        id: stableId(`module-request-event:${request.key}:${index}`),
        requestId,
        kind: event.kind,
        stage: event.stage,
        note: event.note,
        at: event.at,
        byId: actor[event.by],
        assigneeId: event.assignsAssignee ? actor.assignee : null,
      });
    });
    // The customer was told of every step in its activity feed, as the API tells it.
    const byName = (by: keyof typeof actor): string | undefined =>
      data.users.find((user) => user.id === actor[by])?.name;
    timeline.events
      .filter((event) => event.kind === 'STAGE')
      .forEach((event) => {
        const closing = event.stage === 'CLOSED';
        const { activity } = renderStageChange({
          locale: owner.locale,
          timeZone: owner.timeZone,
          title: request.title,
          kind: request.kind,
          module: moduleName(request.module, owner.locale),
          stage: event.stage,
          at: event.at,
          by: byName(event.by),
          // The submission's note is the request's own description: not repeated.
          note: event.stage === 'SUBMITTED' ? null : event.note,
          missingPrerequisites:
            event.stage === 'SUBMITTED' ? missingPrerequisites.map((key) => moduleName(key, owner.locale)) : [],
          deliveredVersion: closing ? installedVersion(owner.code, request.module) : null,
          warrantyEndsAt: closing ? warranty : null,
        });
        data.activities.push({
          id: stableId(`activity:${request.key}:${event.stage}`),
          customerId: ids.customer(owner.code),
          kind: 'MODULE_REQUEST_STAGE',
          moduleRequestId: requestId,
          actorId: actor[event.by],
          locale: owner.locale,
          title: activity.title,
          body: activity.body,
          at: event.at,
        });
      });
  }

  data.auditLogs.sort((a, b) => new Date(a.at ?? 0).getTime() - new Date(b.at ?? 0).getTime());
  return data;
}

interface NoticeContext {
  upgrade: UpgradeSeed;
  notice: DemoNotice;
  target: CustomerSeed;
  now: Date;
  usersOf: Map<string, Prisma.UserCreateManyInput[]>;
  /** Who the notice's deliveries go to. */
  audience: DeliveryAudience;
  windowStart: Date;
  /** The customer's account team, who release its held FIX advisories. */
  releasers: readonly string[];
}

/**
 * When the account team released a held advisory: within two hours of its planning, and well
 * before the window; null while it still awaits release (the recent ones, for the staff console).
 */
function advisoryRelease(notice: DemoNotice, windowStart: Date, now: Date, key: string): Date | null {
  const room = windowStart.getTime() - notice.scheduledFor.getTime() - 15 * 60_000;
  const at = new Date(
    notice.scheduledFor.getTime() + Math.floor(Math.max(0, Math.min(room, 2 * 3_600_000)) * stableFraction(key)),
  );
  return at.getTime() <= now.getTime() ? at : null;
}

/** One customer's notice, published if due, with its acknowledgement and deliveries if published. */
function pushNotice(data: DemoData, context: NoticeContext): void {
  const { upgrade, notice, target, now, usersOf, audience } = context;
  const { customerId } = notice;
  const noticeKey = `${upgrade.key}:${target.code}:${notice.stage}:${notice.sequence}`;
  const id = ids.notice(upgrade.key, target.code, notice.stage, notice.sequence);
  // A held FIX advisory is due only once its customer's account team released it.
  const releasedAt =
    notice.awaitingRelease && !notice.supersededAt && !upgrade.advisoryAwaitingReleaseFor?.includes(target.code)
      ? advisoryRelease(notice, context.windowStart, now, `release:${noticeKey}`)
      : null;
  const dueAt = notice.awaitingRelease ? releasedAt : notice.scheduledFor;
  const due = !notice.supersededAt && dueAt !== null && dueAt.getTime() <= now.getTime();
  // The dispatcher picks a due notice up within a minute.
  const publishedAt =
    due && dueAt
      ? earliest(now, new Date(dueAt.getTime() + 5_000 + Math.floor(stableFraction(`publish:${noticeKey}`) * 50_000)))
      : null;
  const release = releasedAt
    ? {
        awaitingRelease: false,
        releasedAt,
        releasedById:
          context.releasers[Math.floor(stableFraction(`released-by:${noticeKey}`) * context.releasers.length)] ?? null,
      }
    : {};

  let acknowledgedAt: Date | undefined;
  if (publishedAt && notice.requiresAcknowledgement) {
    const chance = stableFraction(`ack:${noticeKey}`);
    const acknowledges = upgrade.acknowledgedBy?.includes(target.code)
      ? true
      : upgrade.unacknowledgedBy?.includes(target.code)
        ? false
        : chance < (upgrade.acknowledgementRate ?? 0.7);
    if (acknowledges) {
      const limit = earliest(now, notice.acknowledgeBy ?? now);
      const span = Math.max(limit.getTime() - publishedAt.getTime(), 0);
      acknowledgedAt = new Date(
        publishedAt.getTime() + Math.floor(span * (0.05 + 0.6 * stableFraction(`ack-at:${noticeKey}`))),
      );
    }
  }
  const overdue =
    publishedAt !== null &&
    notice.requiresAcknowledgement &&
    !acknowledgedAt &&
    notice.acknowledgeBy !== null &&
    notice.acknowledgeBy.getTime() < now.getTime();
  // Escalations older than an hour have been handled by the worker; newer ones are left for it.
  const escalatedAt =
    overdue && notice.acknowledgeBy && notice.acknowledgeBy.getTime() < now.getTime() - 60 * 60 * 1000
      ? plusMinutes(notice.acknowledgeBy, 5)
      : null;

  const row = { ...notice, ...release, id, publishedAt, supersededAt: notice.supersededAt ?? null, escalatedAt };
  data.notices.push(row);
  if (!publishedAt) return;

  const users = usersOf.get(customerId) ?? [];
  if (acknowledgedAt) {
    const pick = users[Math.floor(stableFraction(`ack-by:${noticeKey}`) * Math.min(users.length, 2))];
    data.acknowledgements.push({
      id: stableId(`acknowledgement:${noticeKey}`),
      noticeId: id,
      userId: pick?.id ?? null,
      at: acknowledgedAt,
    });
  }
  const recentlyPublished = now.getTime() - publishedAt.getTime() < 3 * 24 * 60 * 60 * 1000;
  const deliveries = deliveryRows([{ id, customerId, stage: notice.stage }], audience);
  for (const delivery of deliveries) {
    if (delivery.channel === 'WEBHOOK') {
      data.deliveries.push({
        ...delivery,
        id: stableId(`delivery:${noticeKey}:WEBHOOK`),
        status: 'SENT',
        attempts: 1,
        nextAttemptAt: publishedAt,
        sentAt: earliest(now, plusMinutes(publishedAt, 1)),
        createdAt: publishedAt,
      });
      continue;
    }
    const { recipient } = delivery;
    const deliveryKey = `${noticeKey}:EMAIL:${recipient}`;
    const bounces = recipient === BOUNCING_RECIPIENT || stableFraction(`bounce:${deliveryKey}`) < 0.02;
    const base = { ...delivery, id: stableId(`delivery:${deliveryKey}`), createdAt: publishedAt };
    if (!bounces) {
      data.deliveries.push({
        ...base,
        status: 'SENT',
        attempts: 1,
        nextAttemptAt: publishedAt,
        sentAt: earliest(now, plusMinutes(publishedAt, 1)),
      });
    } else if (recentlyPublished) {
      // Still being retried with backoff.
      data.deliveries.push({
        ...base,
        status: 'FAILED',
        attempts: 3,
        nextAttemptAt: plusMinutes(now, 20),
        lastError: '452 4.2.2 Mailbox full',
      });
    } else {
      data.deliveries.push({
        ...base,
        status: 'ABANDONED',
        attempts: 6,
        nextAttemptAt: plusHours(publishedAt, 24),
        lastError: recipient === BOUNCING_RECIPIENT ? '452 4.2.2 Mailbox full' : '550 5.1.1 Recipient address rejected',
      });
    }
  }
  // As the dispatcher records it: in the app, plus every channel the notice has deliveries on.
  row.channels = ['IN_APP', ...new Set(deliveries.map((delivery) => delivery.channel))];
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), value(item)]);
  return groups;
}
