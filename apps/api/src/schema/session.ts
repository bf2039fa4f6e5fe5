import { verifyPassword, hashPassword } from '@upgrade-desk/accounts';
import {
  clearLoginAttempts,
  countLoginAttempt,
  LOGIN_THROTTLE,
  releaseLoginAttempt,
  throttleKeys,
} from '../auth/login-throttle.ts';
import { createSession, invalidateSession } from '../auth/session.ts';
import { builder } from './builder.ts';
import { userError, UserErrorRef, type UserError } from './user-error.ts';

// Checked against when the email is unknown, so both failures cost the same time and look alike.
let dummyHash: Promise<string> | undefined;

const INVALID_CREDENTIALS = userError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
const RATE_LIMITED = userError('RATE_LIMITED', 'Too many login attempts. Wait a few minutes and try again.');

const SessionCreateInput = builder.inputType('SessionCreateInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

interface SessionCreateResult {
  token?: string;
  expiresAt?: Date;
  userId?: string;
  userErrors: UserError[];
}

const SessionCreatePayload = builder.objectRef<SessionCreateResult>('SessionCreatePayload').implement({
  fields: (t) => ({
    token: t.string({ nullable: true, resolve: (p) => p.token ?? null }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.expiresAt ?? null }),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, p, _args, ctx) =>
        p.userId ? ctx.prisma.user.findUnique({ ...query, where: { id: p.userId } }) : null,
    }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const SessionRevokePayload = builder.objectRef<{ revoked: boolean }>('SessionRevokePayload').implement({
  fields: (t) => ({ revoked: t.exposeBoolean('revoked') }),
});

builder.mutationFields((t) => ({
  sessionCreate: t.field({
    type: SessionCreatePayload,
    description: 'Log in; send the token as "Authorization: Bearer <token>"',
    skipTypeScopes: true,
    args: { input: t.arg({ type: SessionCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<SessionCreateResult> => {
      // One attempt per request: aliases or batching cannot multiply guesses.
      if (ctx.loginAttempted) return { userErrors: [RATE_LIMITED] };
      ctx.loginAttempted = true;
      const email = input.email.trim().toLowerCase();
      if (email.length === 0 || email.length > 320 || input.password.length === 0 || input.password.length > 1024) {
        return { userErrors: [INVALID_CREDENTIALS] };
      }
      const now = ctx.now();
      const addressKey = throttleKeys.address(ctx.clientIp);
      const accountAddressKey = throttleKeys.accountAddress(email, ctx.clientIp);
      if (!(await countLoginAttempt(ctx.prisma, addressKey, LOGIN_THROTTLE.address, now))) {
        return { userErrors: [RATE_LIMITED] };
      }
      if (!(await countLoginAttempt(ctx.prisma, accountAddressKey, LOGIN_THROTTLE.accountAddress, now))) {
        // Not tried, so not held against the address.
        await releaseLoginAttempt(ctx.prisma, addressKey, LOGIN_THROTTLE.address);
        return { userErrors: [RATE_LIMITED] };
      }

      const user = await ctx.prisma.user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, disabledAt: true, customer: { select: { deactivatedAt: true } } },
      });
      const passwordHash = user?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password')));
      const valid = await verifyPassword(passwordHash, input.password);
      // A disabled user, or one of a deactivated customer, gets the same answer as a wrong password.
      if (!user || !valid || user.disabledAt || user.customer?.deactivatedAt)
        return { userErrors: [INVALID_CREDENTIALS] };

      await clearLoginAttempts(ctx.prisma, accountAddressKey);
      await releaseLoginAttempt(ctx.prisma, addressKey, LOGIN_THROTTLE.address);
      const session = await createSession(ctx.prisma, user.id, { lifetimeDays: ctx.config.SESSION_DAYS }, now, {
        ip: ctx.clientIp,
        userAgent: ctx.userAgent,
      });
      return { ...session, userId: user.id, userErrors: [] };
    },
  }),
  sessionRevoke: t.field({
    type: SessionRevokePayload,
    description: 'Log out the calling session',
    skipTypeScopes: true,
    resolve: async (_root, _args, ctx) => {
      const credential = ctx.viewer?.credential;
      if (credential?.kind !== 'SESSION') return { revoked: false };
      const revoked = await invalidateSession(ctx.prisma, credential.sessionId);
      ctx.credentials.drop({ sessionId: credential.sessionId });
      return { revoked };
    },
  }),
}));
