import { ModuleRequestEventKind, type Prisma } from '@upgrade-desk/db';
import {
  FINAL_MODULE_REQUEST_STAGES,
  MODULE_REQUEST_LIMITS,
  MODULE_REQUEST_PATH,
  MODULE_REQUEST_MOVER_ROLES,
  moduleRequestActor,
  moduleRequestStepNumber,
  nextModuleRequestStages,
  showsModuleRequestWarranty,
  STAFF_ADVANCER_ROLES,
} from '@upgrade-desk/domain';
import { uniqueId, visibleModuleRequests } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import {
  assignModuleRequestTo,
  commentOnModuleRequest,
  requestModule,
  stepModuleRequest,
} from '../module-requests/service.ts';
import { builder, type ViewerContext } from './builder.ts';
import { ModuleRequestKindEnum, ModuleRequestStageEnum } from './enums.ts';
import { ModuleNode } from './module.ts';
import { UserNode } from './user.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';

const ModuleRequestEventKindEnum = builder.enumType(ModuleRequestEventKind, {
  name: 'ModuleRequestEventKind',
  description: 'STAGE: the request moved; COMMENT: someone wrote; ASSIGNMENT: a consultant was put in charge',
});

const EVENT_ORDER: Prisma.ModuleRequestEventOrderByWithRelationInput[] = [{ at: 'asc' }, { id: 'asc' }];

const ModuleRequestEventRef = builder.prismaObject('ModuleRequestEvent', {
  fields: (t) => ({
    kind: t.expose('kind', { type: ModuleRequestEventKindEnum }),
    stage: t.expose('stage', {
      type: ModuleRequestStageEnum,
      description: 'STAGE: the stage entered; else the stage the request was in',
    }),
    note: t.exposeString('note', { nullable: true, description: 'STAGE: the note on the step; COMMENT: the comment' }),
    at: t.expose('at', { type: 'DateTime' }),
    by: t.relation('by', { nullable: true }),
    assignee: t.relation('assignee', {
      nullable: true,
      description: 'ASSIGNMENT: who was put in charge (null: nobody)',
    }),
  }),
});

export const ModuleRequestNode = builder.prismaNode('ModuleRequest', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleModuleRequests(ctx.viewer)] }),
  fields: (t) => ({
    customer: t.relation('customer'),
    kind: t.expose('kind', { type: ModuleRequestKindEnum }),
    module: t.relation('module', { nullable: true, description: 'null for an extension described only in text' }),
    installedModule: t.relation('installedModule', {
      nullable: true,
      description: 'EXTENSION: the installation extended; NEW_MODULE: the one its closing created',
    }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    stage: t.expose('stage', { type: ModuleRequestStageEnum }),
    stageEnteredAt: t.expose('stageEnteredAt', { type: 'DateTime' }),
    step: t.int({
      nullable: true,
      description:
        "The step of the vendor's ten the customer sees: 0 once received (SUBMITTED), 1-8 CONSULTATION to TRAINING, 10 in WARRANTY and once CLOSED; null when rejected or withdrawn",
      select: { stage: true },
      resolve: (r) => moduleRequestStepNumber(r.stage),
    }),
    warrantyEndsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'From WARRANTY on: when the warranty of the delivered module (new or extended) ends',
      select: { stage: true, installedModule: { select: { warrantyEndsAt: true } } },
      resolve: (r) => (showsModuleRequestWarranty(r.stage) ? (r.installedModule?.warrantyEndsAt ?? null) : null),
    }),
    timeInStageSeconds: t.int({
      description: 'How long the request has been in its stage (for staff queues)',
      select: { stageEnteredAt: true },
      resolve: (r, _args, ctx) => Math.max(0, Math.floor((ctx.now().getTime() - r.stageEnteredAt.getTime()) / 1000)),
    }),
    nextStages: t.field({
      type: [ModuleRequestStageEnum],
      description: 'The stages the viewer may move the request to now',
      select: { stage: true },
      resolve: (r, _args, ctx) =>
        ctx.viewer ? nextModuleRequestStages(r.stage, moduleRequestActor(ctx.viewer.role)) : [],
    }),
    missingPrerequisites: t.exposeStringList('missingPrerequisites', {
      description: 'Keys of required modules the customer lacked when it asked',
    }),
    deliveredVersion: t.exposeString('deliveredVersion', {
      nullable: true,
      description: 'Once CLOSED: the version installed, or recorded on the extended module',
    }),
    assignee: t.relation('assignee', { nullable: true, description: 'The implementation consultant in charge' }),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    history: t.field({
      type: [ModuleRequestEventRef],
      description: `Every stage the request went through, oldest first: at most ${MODULE_REQUEST_PATH.length}, as a request only moves forward (SUBMITTED to CLOSED, or out to REJECTED or WITHDRAWN)`,
      // The same selection as `timeline`, filtered here: asked for together, they load in one query.
      select: (_args, _ctx, nestedSelection) => ({ events: nestedSelection({ orderBy: EVENT_ORDER }) }),
      resolve: (r) => r.events.filter((event) => event.kind === 'STAGE'),
    }),
    timeline: t.relation('events', {
      description: `Stages, comments and assignments, oldest first: at most ${MODULE_REQUEST_PATH.length + MODULE_REQUEST_LIMITS.conversationMax} (a request only moves forward, and takes at most ${MODULE_REQUEST_LIMITS.conversationMax} comments and assignments)`,
      query: { orderBy: EVENT_ORDER },
    }),
  }),
});
export const ModuleRequestConnection = builder.connectionObject({
  type: ModuleRequestNode,
  name: 'ModuleRequestConnection',
});

builder.queryFields((t) => ({
  moduleRequests: t.prismaConnection(
    {
      type: 'ModuleRequest',
      cursor: 'id',
      authScopes: { loggedIn: true },
      totalCount: (_root, _args, ctx) => ctx.prisma.moduleRequest.count({ where: visibleModuleRequests(ctx.viewer) }),
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.moduleRequest.findMany({
          ...query,
          where: visibleModuleRequests(ctx.viewer),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    ModuleRequestConnection,
  ),
  openModuleRequests: t.prismaConnection(
    {
      type: 'ModuleRequest',
      cursor: 'id',
      description: 'Vendor staff: the queue of open requests, longest in their stage first',
      authScopes: { staff: true },
      args: {
        stage: t.arg({ type: ModuleRequestStageEnum, required: false }),
        assigneeId: t.arg.globalID({ required: false, for: [UserNode] }),
        unassigned: t.arg.boolean({ required: false, description: 'Only requests nobody is in charge of' }),
      },
      totalCount: (_root, args, ctx) => ctx.prisma.moduleRequest.count({ where: openQueue(ctx.viewer, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.moduleRequest.findMany({
          ...query,
          where: openQueue(ctx.viewer, args),
          orderBy: [{ stageEnteredAt: 'asc' }, { id: 'asc' }],
        }),
    },
    ModuleRequestConnection,
  ),
}));

function openQueue(
  viewer: Viewer | null,
  filter: {
    stage?: Prisma.ModuleRequestWhereInput['stage'] | null;
    assigneeId?: { id: string } | null;
    unassigned?: boolean | null;
  },
): Prisma.ModuleRequestWhereInput {
  return {
    AND: [
      visibleModuleRequests(viewer),
      { stage: { notIn: [...FINAL_MODULE_REQUEST_STAGES] } },
      filter.stage ? { stage: filter.stage } : {},
      filter.assigneeId ? { assigneeId: uniqueId(filter.assigneeId.id) } : {},
      filter.unassigned ? { assigneeId: null } : {},
    ],
  };
}

// Mutations ---------------------------------------------------------------------------------

function payload(name: string) {
  return builder.objectRef<EntityPayload>(name).implement({
    fields: (t) => ({
      moduleRequest: t.prismaField({
        type: 'ModuleRequest',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.id ? ctx.prisma.moduleRequest.findUnique({ ...query, where: { id: p.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
}

const ModuleRequestCreateInput = builder.inputType('ModuleRequestCreateInput', {
  fields: (t) => ({
    kind: t.field({ type: ModuleRequestKindEnum, required: true }),
    moduleId: t.globalID({
      required: false,
      for: [ModuleNode],
      description: 'Required for NEW_MODULE (a module the customer lacks); for EXTENSION, an installed module or none',
    }),
    title: t.string({ required: true, description: '1-200 characters' }),
    description: t.string({ required: true, description: 'Up to 10,000 characters' }),
  }),
});

const ModuleRequestAdvanceInput = builder.inputType('ModuleRequestAdvanceInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ModuleRequestNode] }),
    to: t.field({ type: ModuleRequestStageEnum, required: true }),
    note: t.string({
      required: false,
      description: `Required to reject and to send back to DEVELOPMENT; up to ${MODULE_REQUEST_LIMITS.noteMax} characters`,
    }),
  }),
});

const ModuleRequestCommentInput = builder.inputType('ModuleRequestCommentInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ModuleRequestNode] }),
    body: t.string({ required: true, description: `1-${MODULE_REQUEST_LIMITS.commentMax} characters` }),
  }),
});

const ModuleRequestAssignInput = builder.inputType('ModuleRequestAssignInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ModuleRequestNode] }),
    assigneeId: t.globalID({ required: false, for: [UserNode], description: 'An IMPLEMENTATION user; null unassigns' }),
    note: t.string({ required: false, description: `Up to ${MODULE_REQUEST_LIMITS.noteMax} characters` }),
  }),
});

const actor = (ctx: ViewerContext) => ({ viewer: ctx.viewer, now: ctx.now(), events: ctx.events });

builder.mutationFields((t) => ({
  moduleRequestCreate: t.withAuth({ customerAdmin: true }).field({
    type: payload('ModuleRequestCreatePayload'),
    description: 'Customer admins: ask for a new module or an extension of an installed one',
    args: { input: t.arg({ type: ModuleRequestCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await requestModule(
          ctx.prisma,
          { ...actor(ctx), maxOpenRequests: ctx.config.MAX_OPEN_MODULE_REQUESTS_PER_CUSTOMER },
          {
            kind: input.kind,
            moduleId: input.moduleId ? uniqueId(input.moduleId.id) : null,
            title: input.title,
            description: input.description,
          },
        ),
      ),
  }),

  moduleRequestAdvance: t.withAuth({ role: [...MODULE_REQUEST_MOVER_ROLES, 'CUSTOMER_ADMIN'] }).field({
    type: payload('ModuleRequestAdvancePayload'),
    description:
      'Vendor staff move a request one step, reject it, or send it back to DEVELOPMENT from SANDBOX_TESTING or VERIFICATION (with a note); engineers move it through DEVELOPMENT and SANDBOX_TESTING; the customer admin may withdraw it before DEVELOPMENT',
    args: { input: t.arg({ type: ModuleRequestAdvanceInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await stepModuleRequest(
          ctx.prisma,
          { ...actor(ctx), warrantyMonths: ctx.config.WARRANTY_MONTHS },
          { id: uniqueId(input.id.id), to: input.to, note: input.note },
        ),
      ),
  }),

  moduleRequestComment: t.withAuth({ customer: true, staff: true }).field({
    type: payload('ModuleRequestCommentPayload'),
    description: "The customer's users and vendor staff write on an open request's timeline",
    args: { input: t.arg({ type: ModuleRequestCommentInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await commentOnModuleRequest(ctx.prisma, actor(ctx), { id: uniqueId(input.id.id), body: input.body }),
      ),
  }),

  moduleRequestAssign: t.withAuth({ role: [...STAFF_ADVANCER_ROLES] }).field({
    type: payload('ModuleRequestAssignPayload'),
    description: 'Vendor staff put an implementation consultant in charge of an open request (or nobody)',
    args: { input: t.arg({ type: ModuleRequestAssignInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await assignModuleRequestTo(ctx.prisma, actor(ctx), {
          id: uniqueId(input.id.id),
          assigneeId: input.assigneeId ? uniqueId(input.assigneeId.id) : null,
          note: input.note,
        }),
      ),
  }),
}));
