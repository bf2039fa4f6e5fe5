// What people do to module requests, each as one call: check the input and the rules (from
// packages/domain), then write in one transaction. Refusals come back as problems whose fields
// are paths inside the caller's input; a request the viewer may not see is not found, exactly
// like a missing one.
import type { ModuleRequestKind, ModuleRequestStage, PrismaClient } from '@upgrade-desk/db';
import {
  acceptsModuleRequestWork,
  FINAL_MODULE_REQUEST_STAGES,
  MODULE_REQUEST_LIMITS,
  checkComment,
  checkModuleRequestDraft,
  checkStageNote,
  mayBeAssignedModuleRequests,
  moduleRequestActor,
  moduleRequestTransition,
  type ModuleRequestInputProblem,
} from '@upgrade-desk/domain';
import type { Viewer } from '../auth/viewer.ts';
import { visibleModuleRequests } from '../auth/visibility.ts';
import { lockCustomer } from '../customer-lock.ts';
import { done, limitReached, problem, refused, type Outcome, type Problem } from '../problem.ts';
import { advanceModuleRequest } from './advance.ts';
import { addModuleRequestComment, assignModuleRequest, conversationIsFull } from './conversation.ts';
import { draftFacts, submitModuleRequest } from './submit.ts';
import { tellAccountTeamOfComment, tellAccountTeamOfRequest } from './tell-account-team.ts';
import type { NoticeEvents } from '../notices/events.ts';
import { announceStaffAlerts, type RaisedStaffAlert } from '../staff-alerts/alert-account-team.ts';

/** Who acts and when. */
export interface Actor {
  viewer: Viewer;
  now: Date;
  /** Where live events go once the change commits (staff alerts). */
  events?: NoticeEvents;
}

/** The id of the request created or changed, or why not. */
export type ModuleRequestOutcome = Outcome<string>;

const inputProblems = (problems: readonly ModuleRequestInputProblem[]): ModuleRequestOutcome =>
  refused(...problems.map((p): Problem => problem(p.code, p.message, [p.field])));

const NOT_FOUND = refused(problem('NOT_FOUND', 'No such module request.', ['id']));

const CONVERSATION_FULL = refused(
  problem(
    'LIMIT_REACHED',
    `A request can hold at most ${MODULE_REQUEST_LIMITS.conversationMax} comments and assignments; open a new request to go on.`,
    ['id'],
  ),
);

function findVisibleRequest(prisma: PrismaClient, viewer: Viewer, id: string) {
  return prisma.moduleRequest.findFirst({
    where: { id, AND: [visibleModuleRequests(viewer)] },
    select: {
      id: true,
      stage: true,
      kind: true,
      customerId: true,
      moduleId: true,
      installedModuleId: true,
      deliveredVersion: true,
      assigneeId: true,
    },
  });
}

export interface RequestInput {
  kind: ModuleRequestKind;
  moduleId: string | null;
  title: string;
  description: string;
}

/**
 * A customer admin asks for a new module or an extension of an installed one, while the customer
 * has fewer than `maxOpenRequests` open.
 */
export async function requestModule(
  prisma: PrismaClient,
  actor: Actor & { maxOpenRequests: number },
  input: RequestInput,
): Promise<ModuleRequestOutcome> {
  const customerId = actor.viewer.customerId;
  if (!customerId) return refused(problem('FORBIDDEN', 'Only a customer can request a module.'));
  const raised: RaisedStaffAlert[] = [];
  const outcome = await prisma.$transaction(async (tx): Promise<ModuleRequestOutcome> => {
    // Two admins asking for the same module at once: the second waits, then sees the first's request.
    await lockCustomer(tx, customerId);
    const open = await tx.moduleRequest.count({
      where: { customerId, stage: { notIn: [...FINAL_MODULE_REQUEST_STAGES] } },
    });
    if (open >= actor.maxOpenRequests) {
      return refused(
        limitReached('open module requests', actor.maxOpenRequests, 'wait for one to close, or withdraw one first.'),
      );
    }
    const facts = await draftFacts(tx, customerId, input.moduleId);
    if (input.moduleId && !facts.module) {
      return inputProblems([{ code: 'INVALID_INPUT', field: 'moduleId', message: 'No such module.' }]);
    }
    const { module } = facts;
    const checked = checkModuleRequestDraft({
      ...facts,
      kind: input.kind,
      title: input.title,
      description: input.description,
      installed: new Set(facts.installed.keys()),
    });
    if (!checked.ok) return inputProblems(checked.problems);
    const installedModuleId = input.kind === 'EXTENSION' && module ? (facts.installed.get(module.key) ?? null) : null;
    const id = await submitModuleRequest(tx, {
      customerId,
      kind: input.kind,
      moduleId: module?.id ?? null,
      installedModuleId,
      ...checked.value,
      createdById: actor.viewer.userId,
      now: actor.now,
    });
    raised.push(...(await tellAccountTeamOfRequest(tx, id, actor.now)));
    return done(id);
  });
  announceStaffAlerts(actor.events, raised);
  return outcome;
}

/**
 * Staff move a request one step (or reject it, or send it back to DEVELOPMENT); engineers move it
 * through DEVELOPMENT and SANDBOX_TESTING; its customer's admin may withdraw it early.
 */
export async function stepModuleRequest(
  prisma: PrismaClient,
  actor: Actor & { warrantyMonths: number },
  input: { id: string; to: ModuleRequestStage; note: string | null | undefined },
): Promise<ModuleRequestOutcome> {
  const note = checkStageNote(input.note);
  if (!note.ok) return inputProblems(note.problems);
  const request = await findVisibleRequest(prisma, actor.viewer, input.id);
  if (!request) return NOT_FOUND;
  const verdict = moduleRequestTransition(request.stage, input.to, moduleRequestActor(actor.viewer.role), note.value);
  if (!verdict.ok) {
    const field = verdict.code === 'INVALID_INPUT' ? verdict.field : 'to';
    return refused(problem(verdict.code, verdict.message, [field]));
  }
  const moved = await prisma.$transaction((tx) =>
    advanceModuleRequest(tx, request, {
      to: input.to,
      note: note.value,
      actorId: actor.viewer.userId,
      now: actor.now,
      warrantyMonths: actor.warrantyMonths,
    }),
  );
  if (!moved) {
    return refused(problem('CONFLICT', 'The request changed stage meanwhile; reload it and try again.', ['id']));
  }
  return done(request.id);
}

/** The customer's users and vendor staff write on an open request's timeline. */
export async function commentOnModuleRequest(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; body: string },
): Promise<ModuleRequestOutcome> {
  const body = checkComment(input.body);
  if (!body.ok) return inputProblems(body.problems);
  const request = await findVisibleRequest(prisma, actor.viewer, input.id);
  if (!request) return NOT_FOUND;
  if (!acceptsModuleRequestWork(request.stage)) {
    return refused(problem('CONFLICT', `The request is ${request.stage}; its conversation is over.`, ['id']));
  }
  const outcome = await prisma.$transaction(async (tx) => {
    if (await conversationIsFull(tx, request.id)) return null;
    const eventId = await addModuleRequestComment(tx, {
      requestId: request.id,
      stage: request.stage,
      body: body.value,
      byId: actor.viewer.userId,
      now: actor.now,
    });
    return tellAccountTeamOfComment(tx, {
      requestId: request.id,
      eventId,
      body: body.value,
      byId: actor.viewer.userId,
      at: actor.now,
    });
  });
  if (outcome === null) return CONVERSATION_FULL;
  announceStaffAlerts(actor.events, outcome);
  return done(request.id);
}

/** Staff put an implementation consultant in charge of an open request, or nobody (`assigneeId` null). */
export async function assignModuleRequestTo(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; assigneeId: string | null; note: string | null | undefined },
): Promise<ModuleRequestOutcome> {
  const note = checkStageNote(input.note);
  if (!note.ok) return inputProblems(note.problems);
  const request = await findVisibleRequest(prisma, actor.viewer, input.id);
  if (!request) return NOT_FOUND;
  if (!acceptsModuleRequestWork(request.stage)) {
    return refused(problem('CONFLICT', `The request is ${request.stage} and cannot be reassigned.`, ['id']));
  }
  const { assigneeId } = input;
  if (assigneeId) {
    const assignee = await prisma.user.findUnique({
      where: { id: assigneeId },
      select: { role: true, disabledAt: true },
    });
    if (!assignee || !mayBeAssignedModuleRequests({ role: assignee.role, disabled: assignee.disabledAt !== null })) {
      return inputProblems([
        {
          code: 'INVALID_INPUT',
          field: 'assigneeId',
          message: 'The assignee must be an active implementation consultant.',
        },
      ]);
    }
  }
  if (assigneeId === request.assigneeId) return done(request.id);
  return prisma.$transaction(async (tx): Promise<ModuleRequestOutcome> => {
    if (await conversationIsFull(tx, request.id)) return CONVERSATION_FULL;
    await assignModuleRequest(tx, {
      requestId: request.id,
      stage: request.stage,
      previousAssigneeId: request.assigneeId,
      assigneeId,
      note: note.value,
      byId: actor.viewer.userId,
      now: actor.now,
    });
    return done(request.id);
  });
}
