import { uniqueId, visibleModuleRequests } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { ModuleRequestKindEnum, ModuleRequestStageEnum } from './enums.ts';

const ModuleRequestEventRef = builder.prismaObject('ModuleRequestEvent', {
  fields: (t) => ({
    stage: t.expose('stage', { type: ModuleRequestStageEnum }),
    note: t.exposeString('note', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    by: t.relation('by', { nullable: true }),
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
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    stage: t.expose('stage', { type: ModuleRequestStageEnum }),
    stageEnteredAt: t.expose('stageEnteredAt', { type: 'DateTime' }),
    missingPrerequisites: t.exposeStringList('missingPrerequisites', {
      description: 'Keys of required modules the customer lacked when it asked',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    history: t.field({
      type: [ModuleRequestEventRef],
      description: 'Every stage the request went through, oldest first',
      select: (_args, _ctx, nestedSelection) => ({
        events: { ...nestedSelection(true), where: { kind: 'STAGE' }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      }),
      resolve: (r) => r.events,
    }),
  }),
});
export const ModuleRequestConnection = builder.connectionObject({
  type: ModuleRequestNode,
  name: 'ModuleRequestConnection',
});

builder.queryField('moduleRequests', (t) =>
  t.prismaConnection(
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
);
