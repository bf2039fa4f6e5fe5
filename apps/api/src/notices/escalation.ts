// Escalation: a notice that needed an acknowledgement and is past its deadline without one is
// escalated once to the customer's account team (its implementation and customer-care staff): an
// alert in each member's inbox and an email, through the staff alerts.
import { sqlTimestamp, type PrismaClient } from '@upgrade-desk/db';
import { alertAccountTeam, announceStaffAlerts, type RaisedStaffAlert } from '../staff-alerts/alert-account-team.ts';
import type { NoticeEvents } from './events.ts';

/** Escalates every overdue acknowledgement not escalated yet; safe to run from several processes at once. */
export async function escalateOverdue({
  prisma,
  now,
  events,
  batchSize = 500,
}: {
  prisma: PrismaClient;
  now: Date;
  /** Where the staff alerts' live events go after the commit. */
  events?: NoticeEvents;
  batchSize?: number;
}): Promise<number> {
  const raised: RaisedStaffAlert[] = [];
  const escalated = await prisma.$transaction(
    async (tx) => {
      const overdue = await tx.$queryRaw<{ id: string }[]>`
        SELECT n."id" FROM "Notice" n
        WHERE n."requiresAcknowledgement" AND n."publishedAt" IS NOT NULL AND n."supersededAt" IS NULL
          AND n."escalatedAt" IS NULL AND n."acknowledgeBy" < ${sqlTimestamp(now)}
          AND NOT EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."noticeId" = n."id")
        ORDER BY n."acknowledgeBy" LIMIT ${batchSize}
        FOR UPDATE OF n SKIP LOCKED`;
      if (overdue.length === 0) return 0;
      const notices = await tx.notice.findMany({
        where: { id: { in: overdue.map((n) => n.id) } },
        select: { id: true, title: true, acknowledgeBy: true, customerId: true, upgradeId: true },
      });
      await tx.notice.updateMany({ where: { id: { in: notices.map((n) => n.id) } }, data: { escalatedAt: now } });
      for (const notice of notices) {
        raised.push(
          ...(await alertAccountTeam(tx, {
            customerId: notice.customerId,
            sourceKey: `escalation:${notice.id}`,
            at: now,
            noticeId: notice.id,
            upgradeId: notice.upgradeId,
            event: { kind: 'ACKNOWLEDGEMENT_OVERDUE', noticeTitle: notice.title, acknowledgeBy: notice.acknowledgeBy! },
          })),
        );
      }
      return notices.length;
    },
    { timeout: 60_000 },
  );
  announceStaffAlerts(events, raised);
  return escalated;
}
