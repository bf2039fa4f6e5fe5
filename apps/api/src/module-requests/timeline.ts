import type { ModuleRequestEventKind, ModuleRequestStage, Prisma } from '@upgrade-desk/db';
import { audit } from '../audit.ts';

/** One entry of a request's timeline: a step, a comment or an assignment. */
export interface TimelineEntry {
  requestId: string;
  kind: ModuleRequestEventKind;
  /** The stage the request is in (after a step: the one it entered). */
  stage: ModuleRequestStage;
  note?: string | null;
  at: Date;
  byId: string;
  /** ASSIGNMENT: who was put in charge (null unassigns). */
  assigneeId?: string | null;
}

/**
 * Adds `entry` to the request's timeline and audits it as `action`, in the caller's transaction:
 * whatever a request's history shows, the audit log shows too, with the event's id to find it by.
 * Returns the event's id.
 */
export async function recordModuleRequestEvent(
  tx: Prisma.TransactionClient,
  entry: TimelineEntry,
  action: string,
  data: Prisma.InputJsonObject = {},
): Promise<string> {
  const event = await tx.moduleRequestEvent.create({ data: entry, select: { id: true } });
  await audit(tx, {
    actorId: entry.byId,
    action,
    entityType: 'ModuleRequest',
    entityId: entry.requestId,
    data: { eventId: event.id, ...data },
    at: entry.at,
  });
  return event.id;
}
