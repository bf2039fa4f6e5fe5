import type { ModuleRequestStage, Prisma } from '@upgrade-desk/db';
import { MODULE_REQUEST_LIMITS } from '@upgrade-desk/domain';
import { recordModuleRequestEvent } from './timeline.ts';

/**
 * Whether the request's conversation (comments and assignments) is at its cap. Locks the request's
 * row until the transaction ends, so concurrent writers cannot both slip under the cap.
 */
export async function conversationIsFull(tx: Prisma.TransactionClient, requestId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT 1 FROM "ModuleRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
  const said = await tx.moduleRequestEvent.count({ where: { requestId, kind: { in: ['COMMENT', 'ASSIGNMENT'] } } });
  return said >= MODULE_REQUEST_LIMITS.conversationMax;
}

export interface Comment {
  requestId: string;
  /** The stage the request is in: the comment belongs to it on the timeline. */
  stage: ModuleRequestStage;
  body: string;
  byId: string;
  now: Date;
}

/** A comment joins the request's timeline, from the customer's users or the vendor's staff; returns its event's id. */
export async function addModuleRequestComment(tx: Prisma.TransactionClient, comment: Comment): Promise<string> {
  const eventId = await recordModuleRequestEvent(
    tx,
    {
      requestId: comment.requestId,
      kind: 'COMMENT',
      stage: comment.stage,
      note: comment.body,
      at: comment.now,
      byId: comment.byId,
    },
    'module-request.comment',
  );
  // Bumps updatedAt, so lists sorted by activity see the conversation move.
  await tx.moduleRequest.update({ where: { id: comment.requestId }, data: { updatedAt: comment.now } });
  return eventId;
}

export interface Assignment {
  requestId: string;
  stage: ModuleRequestStage;
  previousAssigneeId: string | null;
  /** null unassigns. */
  assigneeId: string | null;
  note: string | null;
  byId: string;
  now: Date;
}

/** Puts an implementation consultant in charge of a request (or nobody), on the timeline too. */
export async function assignModuleRequest(tx: Prisma.TransactionClient, assignment: Assignment): Promise<void> {
  await tx.moduleRequest.update({
    where: { id: assignment.requestId },
    data: { assigneeId: assignment.assigneeId, updatedAt: assignment.now },
  });
  await recordModuleRequestEvent(
    tx,
    {
      requestId: assignment.requestId,
      kind: 'ASSIGNMENT',
      stage: assignment.stage,
      note: assignment.note,
      at: assignment.now,
      byId: assignment.byId,
      assigneeId: assignment.assigneeId,
    },
    'module-request.assign',
    { from: assignment.previousAssigneeId, to: assignment.assigneeId, note: assignment.note },
  );
}
