// Reads and writes around the notice plan: the targets the planner needs (with each customer's own
// window), the stages already sent, superseding what a new plan replaces. The rows themselves come
// from planRows / noticeRows in the domain.
import type { Prisma } from '@upgrade-desk/db';
import { ACCOUNT_TEAM_ROLES, type NoticeStage, type TargetToPlan } from '@upgrade-desk/domain';

export {
  eventNotices,
  noticeRows,
  planRows,
  windowFor,
  type EventNoticeOptions,
  type TargetToPlan,
  type UpgradeToPlan,
} from '@upgrade-desk/domain';

type Tx = Pick<Prisma.TransactionClient, 'customer' | 'notice'>;

const NO_UPGRADE = '00000000-0000-0000-0000-000000000000';

/**
 * The targets of an upgrade with what the planner and the renderer need: zone, locale, blackouts,
 * the account team named in every notice, the installed modules a FIX advisory names and
 * (given the upgrade's id) each customer's own window where staff set one.
 */
export async function loadPlanTargets(
  tx: Tx,
  customerIds: readonly string[],
  upgradeId?: string,
): Promise<TargetToPlan[]> {
  const customers = await tx.customer.findMany({
    where: { id: { in: [...customerIds] } },
    select: {
      id: true,
      timeZone: true,
      locale: true,
      blackoutWindows: { select: { startsAt: true, endsAt: true } },
      upgradeTargets: { where: { upgradeId: upgradeId ?? NO_UPGRADE }, select: { windowStart: true, windowEnd: true } },
      installedModules: { select: { moduleId: true, version: true }, orderBy: { moduleId: 'asc' } },
      staffAssignments: {
        where: { user: { disabledAt: null, role: { in: [...ACCOUNT_TEAM_ROLES] } } },
        select: { user: { select: { name: true, role: true } } },
        orderBy: [{ user: { role: 'asc' } }, { user: { name: 'asc' } }],
      },
    },
    orderBy: { id: 'asc' },
  });
  return customers.map((c) => {
    const own = c.upgradeTargets[0];
    return {
      customerId: c.id,
      timeZone: c.timeZone,
      locale: c.locale,
      blackouts: c.blackoutWindows,
      window: own?.windowStart && own.windowEnd ? { start: own.windowStart, end: own.windowEnd } : null,
      installedModules: c.installedModules,
      accountTeam: c.staffAssignments.map(({ user }) => ({
        name: user.name,
        // Narrowed by the query's role filter.
        role: user.role as (typeof ACCOUNT_TEAM_ROLES)[number],
      })),
    };
  });
}

/** The stages each customer has already been sent for an upgrade: a replanned window does not repeat them. */
export async function sentStages(tx: Tx, upgradeId: string): Promise<Map<string, Set<NoticeStage>>> {
  const sent = await tx.notice.findMany({
    where: { upgradeId, publishedAt: { not: null } },
    select: { customerId: true, stage: true },
  });
  const byCustomer = new Map<string, Set<NoticeStage>>();
  for (const { customerId, stage } of sent) {
    const stages = byCustomer.get(customerId) ?? new Set<NoticeStage>();
    stages.add(stage);
    byCustomer.set(customerId, stages);
  }
  return byCustomer;
}

/**
 * Pending notices of an upgrade (of one customer, when given) stop standing: a new plan replaces
 * them, or the upgrade ended.
 */
export async function supersedePending(tx: Tx, upgradeId: string, now: Date, customerId?: string): Promise<number> {
  const { count } = await tx.notice.updateMany({
    where: { upgradeId, publishedAt: null, supersededAt: null, ...(customerId ? { customerId } : {}) },
    data: { supersededAt: now },
  });
  return count;
}
