import { roleTitle } from '@upgrade-desk/domain';
import { seesUserAccount, uniqueId, visibleUsers } from '../auth/visibility.ts';
import { audit } from '../audit.ts';
import { isStaff } from '../auth/viewer.ts';
import { builder } from './builder.ts';
import { userError, UserErrorRef, type EntityPayload } from './user-error.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  // Only the columns the asked fields need: never the password hash, which no field shows.
  select: { id: true },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleUsers(ctx.viewer)] }),
  fields: (t) => ({
    email: t.string({
      description:
        "Refused (FORBIDDEN) to a customer's users for vendor staff, whom they see as contacts: name and roleTitle",
      select: { email: true, customerId: true },
      authScopes: (user, _args, ctx) => seesUserAccount(ctx.viewer, user),
      resolve: (user) => user.email,
    }),
    name: t.exposeString('name'),
    role: t.field({
      type: RoleEnum,
      description: "Refused (FORBIDDEN) to a customer's users for vendor staff: roleTitle names it",
      select: { role: true, customerId: true },
      authScopes: (user, _args, ctx) => seesUserAccount(ctx.viewer, user),
      resolve: (user) => user.role,
    }),
    roleTitle: t.string({
      description:
        'The role\'s title in the viewer\'s language, e.g. "Triển khai (TK)"; readable by whoever sees the user',
      select: { role: true, locale: true },
      resolve: (user, _args, ctx) => roleTitle(user.role, ctx.viewer?.locale ?? user.locale),
    }),
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

const ViewerUpdateInput = builder.inputType('ViewerUpdateInput', {
  fields: (t) => ({
    locale: t.field({
      type: LocaleEnum,
      required: false,
      description: 'The language of the portal and of module names',
    }),
    emailNotifications: t.boolean({ required: false, description: 'Whether notices also come by email' }),
  }),
});

/** The payload of a mutation on one user: the user (null when refused) and the user errors. */
export function userPayload(name: string) {
  return builder.objectRef<EntityPayload>(name).implement({
    fields: (t) => ({
      user: t.prismaField({
        type: 'User',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.id ? ctx.prisma.user.findUnique({ ...query, where: { id: p.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
}

const ViewerUpdatePayload = userPayload('ViewerUpdatePayload');

builder.prismaObjectFields(UserNode, (t) => ({
  emailNotifications: t.exposeBoolean('emailNotifications', {
    description: 'Visible to the user and to vendor staff',
    authScopes: (user, _args, ctx) => user.id === ctx.viewer?.userId || isStaff(ctx.viewer),
  }),
}));

builder.mutationField('viewerUpdate', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ViewerUpdatePayload,
    description: "The logged-in user's own preferences: language and email notifications",
    args: { input: t.arg({ type: ViewerUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      const data = {
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.emailNotifications != null ? { emailNotifications: input.emailNotifications } : {}),
      };
      if (Object.keys(data).length === 0) {
        return {
          userErrors: [userError('INVALID_INPUT', 'Nothing to change: give locale or emailNotifications.', ['input'])],
        };
      }
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: viewer.userId }, data });
        await audit(tx, {
          actorId: viewer.userId,
          action: 'user.preferences',
          entityType: 'User',
          entityId: viewer.userId,
          at: ctx.now(),
          data,
        });
      });
      // The viewer carries the locale: its cached credentials must not keep the old one.
      if (data.locale) ctx.credentials.drop({ userId: viewer.userId });
      return { id: viewer.userId, userErrors: [] };
    },
  }),
);
