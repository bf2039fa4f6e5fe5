// Overrun notices: when a server maintenance still in progress runs past the end its customers were
// told (each customer's own window where staff moved it), they are told at once (the domain's
// windowOverrun says when). One notice per customer and
// announced window: the row's unique key (upgrade, customer, stage, sequence) makes a second round,
// or a second process, a no-op. The dispatcher then publishes them like any other due notice.
import { type PrismaClient } from '@upgrade-desk/db';
import {
  EVENT_STAGE,
  eventNotices,
  noticeRows,
  windowFor,
  windowOverrun,
  type VendorContact,
} from '@upgrade-desk/domain';
import { PLAN_SELECT } from '../upgrades/lifecycle.ts';
import { loadPlanTargets, sentStages } from './plan-writer.ts';

export async function announceOverruns({
  prisma,
  now,
  vendor,
}: {
  prisma: PrismaClient;
  now: Date;
  vendor?: VendorContact;
}): Promise<number> {
  // Each customer's own end counts (staff may have moved the window for that customer alone): an
  // upgrade is a candidate once its window, or any target's own window, has ended.
  const candidates = await prisma.upgrade.findMany({
    where: {
      kind: 'SERVER',
      status: 'IN_PROGRESS',
      OR: [{ windowEnd: { lt: now } }, { targets: { some: { windowEnd: { lt: now } } } }],
    },
    select: PLAN_SELECT,
    orderBy: { windowEnd: 'asc' },
  });
  let created = 0;
  for (const upgrade of candidates) {
    created += await prisma.$transaction(async (tx) => {
      // Only customers who were told of the window hear that it overran, each once (an upgrade in
      // progress cannot be moved any more): not those with an overrun notice, sent or not yet.
      const already = await tx.notice.findMany({
        where: { upgradeId: upgrade.id, stage: EVENT_STAGE.overran },
        select: { customerId: true },
      });
      const done = new Set(already.map((n) => n.customerId));
      const told = [...(await sentStages(tx, upgrade.id)).keys()].filter((customerId) => !done.has(customerId));
      if (told.length === 0) return 0;
      const targets = (await loadPlanTargets(tx, told, upgrade.id)).filter((target) =>
        windowOverrun(windowFor(upgrade, target), now),
      );
      if (targets.length === 0) return 0;
      const overran = eventNotices(
        EVENT_STAGE.overran,
        targets.map((t) => t.customerId),
        now,
      );
      const rows = noticeRows(upgrade, overran, targets, { vendor });
      const { count } = await tx.notice.createMany({ data: rows, skipDuplicates: true });
      return count;
    });
  }
  return created;
}
