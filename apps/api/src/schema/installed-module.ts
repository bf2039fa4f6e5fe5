import { uniqueId, visibleInstalledModules } from '../auth/visibility.ts';
import { builder } from './builder.ts';

export const InstalledModuleNode = builder.prismaNode('InstalledModule', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleInstalledModules(ctx.viewer)] }),
  fields: (t) => ({
    customer: t.relation('customer'),
    module: t.relation('module'),
    version: t.exposeString('version'),
    installedAt: t.expose('installedAt', { type: 'DateTime' }),
    warrantyEndsAt: t.expose('warrantyEndsAt', { type: 'DateTime', nullable: true }),
  }),
});
export const InstalledModuleConnection = builder.connectionObject({
  type: InstalledModuleNode,
  name: 'InstalledModuleConnection',
});
