// Overrun notices: when a server maintenance still in progress runs past the end its customers were
// told, they are told at once (the domain's windowOverrun says when). One notice per customer and
// announced window: the row's unique key (upgrade, customer, stage, sequence) makes a second round,
// or a second process, a no-op. The dispatcher then publishes them like any other due notice.
import { type PrismaClient } from '@upgrade-desk/db';
import { EVENT_STAGE, eventNotices, noticeRows, windowOverrun, type VendorContact } from '@upgrade-desk/domain';
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
  const candidates = await prisma.upgrade.findMany({
    where: {
      kind: 'SERVER',
      status: 'IN_PROGRESS',
      windowEnd: { lt: now },
      // An upgrade in progress cannot be moved any more, so its overrun is told once.
      NOT: { notices: { some: { stage: EVENT_STAGE.overran } } },
    },
    select: PLAN_SELECT,
    orderBy: { windowEnd: 'asc' },
  });
  let created = 0;
  for (const upgrade of candidates.filter((u) => windowOverrun(u, now))) {
    created += await prisma.$transaction(async (tx) => {
      // Only customers who were told of the window hear that it overran.
      const told = [...(await sentStages(tx, upgrade.id)).keys()];
      if (told.length === 0) return 0;
      const targets = await loadPlanTargets(tx, told, upgrade.id);
      const rows = noticeRows(upgrade, eventNotices(EVENT_STAGE.overran, told, now), targets, { vendor });
      const { count } = await tx.notice.createMany({ data: rows, skipDuplicates: true });
      return count;
    });
  }
  return created;
}
