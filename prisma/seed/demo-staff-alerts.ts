// The account teams' inboxes in the demo: the alerts the API raised when customers sent their recent
// requests and comments, written by the API's own producers (tellAccountTeamOfRequest,
// tellAccountTeamOfComment), so they read exactly as live ones do. The emails those producers queue
// went out at the time: they are recorded as sent, not left for the worker to send days late.
import type { Prisma } from '@upgrade-desk/db';
import {
  tellAccountTeamOfComment,
  tellAccountTeamOfRequest,
} from '../../apps/api/src/module-requests/tell-account-team.ts';
import { plusDays } from './demo-calendar.ts';

/** Requests and comments this recent still wait on the account team in the demo. */
const RECENT_DAYS = 21;

/** Raises the account teams' alerts for recent demo requests and customer comments; returns how many. */
export async function raiseDemoStaffAlerts(tx: Prisma.TransactionClient, now: Date): Promise<number> {
  const since = plusDays(now, -RECENT_DAYS);
  let raised = 0;
  const requests = await tx.moduleRequest.findMany({
    where: { createdAt: { gte: since } },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const request of requests) raised += (await tellAccountTeamOfRequest(tx, request.id, request.createdAt)).length;

  const comments = await tx.moduleRequestEvent.findMany({
    where: { kind: 'COMMENT', at: { gte: since }, by: { customerId: { not: null } } },
    select: { id: true, requestId: true, note: true, byId: true, at: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  for (const comment of comments) {
    if (!comment.byId || !comment.note) continue;
    raised += (
      await tellAccountTeamOfComment(tx, {
        requestId: comment.requestId,
        eventId: comment.id,
        body: comment.note,
        byId: comment.byId,
        at: comment.at,
      })
    ).length;
  }

  await tx.$executeRaw`
    UPDATE "EmailMessage" SET "status" = 'SENT', "attempts" = 1, "sentAt" = "createdAt"
    WHERE "status" = 'PENDING'`;
  return raised;
}
