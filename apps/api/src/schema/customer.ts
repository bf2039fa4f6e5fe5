import type { Prisma } from '@upgrade-desk/db';
import {
  uniqueId,
  visibleBlackoutWindows,
  visibleCustomers,
  visibleInstalledModules,
  visibleModuleRequests,
  visibleNotices,
  visibleUpgrades,
} from '../auth/visibility.ts';
import { InstalledModuleConnection } from './installed-module.ts';
import { ModuleRequestConnection } from './module-request.ts';
import type { Viewer } from '../auth/viewer.ts';
import { builder } from './builder.ts';
import { LocaleEnum } from './enums.ts';
import { NoticeConnection, noticeListArgs, noticeListQuery, unacknowledged } from './notice.ts';
import { UPGRADE_ORDER, UpgradeConnection, UpgradeNode, UpgradeFilterInput, upgradeFilterWhere } from './upgrade.ts';

export const CustomerNode = builder.prismaNode('Customer', {
  id: { field: 'id' },
  // Only the columns the asked fields need (every screen's viewer loads its customer).
  select: { id: true },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleCustomers(ctx.viewer)] }),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short unique code, e.g. "HANOI-WATER"' }),
    name: t.exposeString('name'),
    industry: t.exposeString('industry'),
    province: t.exposeString('province'),
    timeZone: t.exposeString('timeZone', { description: 'IANA name, e.g. Asia/Ho_Chi_Minh' }),
    locale: t.expose('locale', { type: LocaleEnum }),
    installedModules: t.relatedConnection(
      'installedModules',
      {
        cursor: 'id',
        totalCount: true,
        query: (_args, ctx) => ({
          where: visibleInstalledModules(ctx.viewer),
          orderBy: [{ installedAt: 'asc' }, { id: 'asc' }],
        }),
      },
      InstalledModuleConnection,
    ),
    blackoutWindows: t.relation('blackoutWindows', {
      description:
        'Every blackout window, past ones too, by start: at most MAX_BLACKOUT_WINDOWS_PER_CUSTOMER (default 100), as creating more is refused',
      query: (_args, ctx) => ({
        where: visibleBlackoutWindows(ctx.viewer),
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      }),
    }),
    upgrades: t.prismaConnection(
      {
        type: 'Upgrade',
        cursor: 'id',
        args: { filter: t.arg({ type: UpgradeFilterInput, required: false }) },
        totalCount: (customer, args, ctx) =>
          ctx.prisma.upgrade.count({ where: customerUpgrades(customer.id, args.filter, ctx.viewer) }),
        resolve: (query, customer, args, ctx) =>
          ctx.prisma.upgrade.findMany({
            ...query,
            where: customerUpgrades(customer.id, args.filter, ctx.viewer),
            orderBy: UPGRADE_ORDER,
          }),
      },
      UpgradeConnection,
    ),
    notices: t.relatedConnection(
      'notices',
      { cursor: 'id', totalCount: true, args: noticeListArgs, query: noticeListQuery },
      NoticeConnection,
    ),
    moduleRequests: t.relatedConnection(
      'moduleRequests',
      {
        cursor: 'id',
        totalCount: true,
        query: (_args, ctx) => ({
          where: visibleModuleRequests(ctx.viewer),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
      },
      ModuleRequestConnection,
    ),
    // Counted in the statement that loads the customer (no statement of its own, none per row of a list).
    unacknowledgedNoticeCount: t.relationCount('notices', {
      where: (_args, ctx) => ({ AND: [visibleNotices(ctx.viewer), unacknowledged] }),
    }),
  }),
});
export const CustomerConnection = builder.connectionObject({ type: CustomerNode, name: 'CustomerConnection' });

function customerUpgrades(
  customerId: string,
  filter: Parameters<typeof upgradeFilterWhere>[0],
  viewer: Parameters<typeof visibleUpgrades>[0],
): Prisma.UpgradeWhereInput {
  return { AND: [visibleUpgrades(viewer), { targets: { some: { customerId } } }, upgradeFilterWhere(filter)] };
}

// Declared here rather than in upgrade.ts so that the two types do not import each other.
builder.prismaObjectFields(UpgradeNode, (t) => ({
  targets: t.prismaConnection(
    {
      type: 'Customer',
      cursor: 'id',
      description: 'Vendor staff only',
      authScopes: { staff: true },
      totalCount: (upgrade, _args, ctx) => ctx.prisma.customer.count({ where: targetsOf(upgrade.id, ctx.viewer) }),
      resolve: (query, upgrade, _args, ctx) =>
        ctx.prisma.customer.findMany({
          ...query,
          where: targetsOf(upgrade.id, ctx.viewer),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    },
    CustomerConnection,
  ),
}));

function targetsOf(upgradeId: string, viewer: Viewer | null): Prisma.CustomerWhereInput {
  return { AND: [visibleCustomers(viewer), { upgradeTargets: { some: { upgradeId } } }] };
}

builder.queryField('customers', (t) =>
  t.prismaConnection(
    {
      type: 'Customer',
      cursor: 'id',
      description: 'Vendor staff only',
      authScopes: { staff: true },
      args: { search: t.arg.string({ required: false }) },
      totalCount: (_root, args, ctx) => ctx.prisma.customer.count({ where: customerSearch(args.search) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.customer.findMany({
          ...query,
          where: customerSearch(args.search),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    },
    CustomerConnection,
  ),
);

function customerSearch(search: string | null | undefined): Prisma.CustomerWhereInput {
  const term = search?.trim();
  if (!term) return {};
  const contains = { contains: term, mode: 'insensitive' as const };
  return { OR: [{ code: contains }, { name: contains }, { industry: contains }, { province: contains }] };
}
