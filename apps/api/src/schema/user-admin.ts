// The administration of people over GraphQL: invitations, role changes, disabling and enabling
// (ADMIN; a customer's admins for their own customer's users), and the anonymous password-reset
// request and one-time-link redemption the portal's pages call. Rules: admin/users.ts.
import type { Prisma } from '@upgrade-desk/db';
import { uniqueId, visibleUsers } from '../auth/visibility.ts';
import {
  changeUserRole,
  inviteUser,
  NO_PASSWORD,
  requestPasswordReset,
  resendInvitation,
  setPasswordWithLink,
  setUserDisabled,
} from '../admin/users.ts';
import type { Context } from '../context.ts';
import { builder, type ViewerContext } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';
import { userPayload, UserNode } from './user.ts';
import { entityPayload, userError, userErrorsOf, UserErrorRef, type UserError } from './user-error.ts';

const ONE_PER_REQUEST = userError('RATE_LIMITED', 'One password change per request.');

const UserStatusEnum = builder.enumType('UserStatus', {
  values: {
    INVITED: { description: 'Invited; has not set a password yet' },
    ACTIVE: { description: 'May log in' },
    DISABLED: { description: 'Disabled by an administrator; cannot log in' },
  } as const,
});

builder.prismaObjectFields(UserNode, (t) => ({
  status: t.field({
    type: UserStatusEnum,
    select: { passwordHash: true, disabledAt: true },
    // Only whether a password is set is read here; the hash never leaves this resolver.
    resolve: (u) => (u.disabledAt ? 'DISABLED' : u.passwordHash === NO_PASSWORD ? 'INVITED' : 'ACTIVE'),
  }),
  disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
}));

const UserConnection = builder.connectionObject({ type: UserNode, name: 'UserConnection' });

const USER_ORDER: Prisma.UserOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];

builder.prismaObjectFields(CustomerNode, (t) => ({
  users: t.relatedConnection(
    'users',
    {
      cursor: 'id',
      totalCount: true,
      description: "The customer's users (its own users and vendor staff)",
      query: (_args, ctx) => ({ where: visibleUsers(ctx.viewer), orderBy: USER_ORDER }),
    },
    UserConnection,
  ),
}));

builder.queryField('staffMembers', (t) =>
  t.prismaConnection(
    {
      type: 'User',
      cursor: 'id',
      description: "Vendor staff only: the vendor's own people, e.g. to pick an account team",
      authScopes: { staff: true },
      args: { role: t.arg({ type: RoleEnum, required: false }) },
      totalCount: (_root, args, ctx) => ctx.prisma.user.count({ where: staffWhere(args.role) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.user.findMany({ ...query, where: staffWhere(args.role), orderBy: USER_ORDER }),
    },
    UserConnection,
  ),
);

function staffWhere(role: Prisma.UserWhereInput['role'] | null | undefined): Prisma.UserWhereInput {
  return { customerId: null, ...(role ? { role } : {}) };
}

const UserInviteInput = builder.inputType('UserInviteInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    customerId: t.globalID({
      required: false,
      for: [CustomerNode],
      description: "For customer roles; a customer admin's own customer when omitted. None for vendor staff.",
    }),
    locale: t.field({ type: LocaleEnum, required: false, description: "Default: the customer's locale, else VI" }),
  }),
});

const userIdInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ userId: t.globalID({ required: true, for: [UserNode] }) }) });

const UserRoleChangeInput = builder.inputType('UserRoleChangeInput', {
  fields: (t) => ({
    userId: t.globalID({ required: true, for: [UserNode] }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

const UserPasswordResetRequestInput = builder.inputType('UserPasswordResetRequestInput', {
  fields: (t) => ({ email: t.string({ required: true }) }),
});

const UserPasswordResetRequestPayload = builder
  .objectRef<{ userErrors: UserError[] }>('UserPasswordResetRequestPayload')
  .implement({
    description: 'The same answer whether or not the email has an account',
    fields: (t) => ({ userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }),
  });

const UserPasswordSetInput = builder.inputType('UserPasswordSetInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'From the one-time link (invitation or password reset)' }),
    password: t.string({ required: true, description: 'At least 12 characters' }),
  }),
});

const UserPasswordSetPayload = builder
  .objectRef<{ email?: string; userErrors: UserError[] }>('UserPasswordSetPayload')
  .implement({
    fields: (t) => ({
      email: t.string({
        nullable: true,
        description: 'The account whose password was set, to log in with',
        resolve: (p) => p.email ?? null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const linkOptions = (ctx: Context) => ({ portalOrigin: ctx.config.ORIGIN, now: ctx.now() });

/** Disables (true) or enables (false) the user the input names. */
const setDisabled =
  (disabled: boolean) =>
  async (_root: unknown, { input }: { input: { userId: { id: string } } }, ctx: ViewerContext) =>
    entityPayload(
      await setUserDisabled(ctx.prisma, ctx.credentials, ctx.viewer, uniqueId(input.userId.id), disabled, ctx.now()),
    );

builder.mutationFields((t) => {
  const userManagers = t.withAuth({ role: ['ADMIN', 'CUSTOMER_ADMIN'] });
  return {
    userInvite: userManagers.field({
      type: userPayload('UserInvitePayload'),
      description:
        "ADMIN (anyone), customer admins (their own customer's users): creates the account and emails a one-time link, valid 72 hours, to set a password",
      args: { input: t.arg({ type: UserInviteInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await inviteUser(
            ctx.prisma,
            ctx.viewer,
            {
              email: input.email,
              name: input.name,
              role: input.role,
              customerId: input.customerId ? uniqueId(input.customerId.id) : null,
              locale: input.locale ?? null,
            },
            linkOptions(ctx),
          ),
        ),
    }),
    userInviteResend: userManagers.field({
      type: userPayload('UserInviteResendPayload'),
      description: 'Emails a new invitation link; the previous one stops working',
      args: { input: t.arg({ type: userIdInput('UserInviteResendInput'), required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(await resendInvitation(ctx.prisma, ctx.viewer, uniqueId(input.userId.id), linkOptions(ctx))),
    }),
    userRoleChange: t.withAuth({ role: ['ADMIN'] }).field({
      type: userPayload('UserRoleChangePayload'),
      description: 'ADMIN: a customer user between CUSTOMER_USER and CUSTOMER_ADMIN, staff between staff roles',
      args: { input: t.arg({ type: UserRoleChangeInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await changeUserRole(
            ctx.prisma,
            ctx.credentials,
            ctx.viewer,
            { userId: uniqueId(input.userId.id), role: input.role },
            ctx.now(),
          ),
        ),
    }),
    userDisable: userManagers.field({
      type: userPayload('UserDisablePayload'),
      description: 'The user cannot log in; their sessions and API tokens end at once',
      args: { input: t.arg({ type: userIdInput('UserDisableInput'), required: true }) },
      resolve: setDisabled(true),
    }),
    userEnable: userManagers.field({
      type: userPayload('UserEnablePayload'),
      args: { input: t.arg({ type: userIdInput('UserEnableInput'), required: true }) },
      resolve: setDisabled(false),
    }),
    userPasswordResetRequest: t.field({
      type: UserPasswordResetRequestPayload,
      description: 'Anyone: emails a one-time link (72 hours) to set a new password, if the address has an account',
      skipTypeScopes: true,
      args: { input: t.arg({ type: UserPasswordResetRequestInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        await requestPasswordReset(ctx.prisma, input.email, linkOptions(ctx));
        return { userErrors: [] };
      },
    }),
    userPasswordSet: t.field({
      type: UserPasswordSetPayload,
      description: "Anyone holding a one-time link: sets the account's password and uses the link up",
      skipTypeScopes: true,
      args: { input: t.arg({ type: UserPasswordSetInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        // One password operation per request, as for logins: aliases cannot pack many argon2 hashes into one.
        if (ctx.loginAttempted) return { userErrors: [ONE_PER_REQUEST] };
        ctx.loginAttempted = true;
        const outcome = await setPasswordWithLink(ctx.prisma, ctx.credentials, input, ctx.now());
        return outcome.ok ? { email: outcome.value, userErrors: [] } : { userErrors: userErrorsOf(outcome.problems) };
      },
    }),
  };
});
