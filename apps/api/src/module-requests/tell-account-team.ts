// The customer's account team hears of a new request and of the customer's comments on its
// requests (staff's own comments are their conversation, not news to them), in the transaction of
// the request or the comment.
import type { Prisma } from '@upgrade-desk/db';
import { alertAccountTeam, type RaisedStaffAlert } from '../staff-alerts/alert-account-team.ts';

const MODULE_NAME = { select: { nameVi: true, nameEn: true } } as const;

export async function tellAccountTeamOfRequest(
  tx: Prisma.TransactionClient,
  requestId: string,
  at: Date,
): Promise<RaisedStaffAlert[]> {
  const request = await tx.moduleRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      customerId: true,
      title: true,
      kind: true,
      missingPrerequisites: true,
      module: MODULE_NAME,
      createdBy: { select: { name: true } },
    },
  });
  const prerequisites =
    request.missingPrerequisites.length > 0
      ? await tx.module.findMany({
          where: { key: { in: request.missingPrerequisites } },
          ...MODULE_NAME,
          orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
        })
      : [];
  return alertAccountTeam(tx, {
    customerId: request.customerId,
    sourceKey: `module-request:${requestId}`,
    at,
    moduleRequestId: requestId,
    event: {
      kind: 'MODULE_REQUEST_CREATED',
      by: request.createdBy?.name,
      title: request.title,
      requestKind: request.kind,
      module: request.module,
      missingPrerequisites: prerequisites,
    },
  });
}

export async function tellAccountTeamOfComment(
  tx: Prisma.TransactionClient,
  comment: { requestId: string; eventId: string; body: string; byId: string; at: Date },
): Promise<RaisedStaffAlert[]> {
  const [request, author] = await Promise.all([
    tx.moduleRequest.findUniqueOrThrow({
      where: { id: comment.requestId },
      select: { customerId: true, title: true },
    }),
    tx.user.findUniqueOrThrow({ where: { id: comment.byId }, select: { name: true, customerId: true } }),
  ]);
  if (author.customerId !== request.customerId) return [];
  return alertAccountTeam(tx, {
    customerId: request.customerId,
    sourceKey: `module-request-comment:${comment.eventId}`,
    at: comment.at,
    moduleRequestId: comment.requestId,
    event: { kind: 'CUSTOMER_COMMENT', by: author.name, title: request.title, comment: comment.body },
  });
}
