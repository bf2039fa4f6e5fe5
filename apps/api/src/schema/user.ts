import { uniqueId, visibleUsers } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleUsers(ctx.viewer)] }),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    locale: t.expose('locale', { type: LocaleEnum }),
    customer: t.relation('customer', { nullable: true, description: 'null for vendor staff' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The logged-in user, or null for an anonymous caller.',
    skipTypeScopes: true,
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
);
