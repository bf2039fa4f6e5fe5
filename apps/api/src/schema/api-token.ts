import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ApiToken } from '@upgrade-desk/db';
import { z } from 'zod';
import { cappedApiTokens, createApiToken } from '../auth/api-token.ts';
import { uniqueId, visibleApiTokens } from '../auth/visibility.ts';
import { lockCustomer } from '../customer-lock.ts';
import { limitReached } from '../problem.ts';
import { builder } from './builder.ts';
import { ApiTokenScopeEnum } from './enums.ts';
import { UserNode } from './user.ts';
import { userError, UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';

export const ApiTokenNode = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleApiTokens(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    scopes: t.expose('scopes', { type: [ApiTokenScopeEnum] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObjectField(UserNode, 'apiTokens', (t) =>
  t.relation('apiTokens', {
    description:
      "The user's own API tokens not revoked (visible to that user only); at most MAX_API_TOKENS_PER_CUSTOMER (default 20), as creating more is refused",
    authScopes: (user, _args, ctx) => user.id === ctx.viewer?.userId,
    query: (_args, ctx) => ({
      where: { revokedAt: null, ...visibleApiTokens(ctx.viewer) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const ApiTokenCreateInput = builder.inputType('ApiTokenCreateInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1-100 characters', validate: z.string().trim().min(1).max(100) }),
    scopes: t.field({ type: [ApiTokenScopeEnum], required: true, validate: z.array(z.string()).min(1) }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
  }),
});

interface ApiTokenCreateResult {
  token?: string;
  apiToken?: ApiToken;
  userErrors: UserError[];
}

const ApiTokenCreatePayload = builder.objectRef<ApiTokenCreateResult>('ApiTokenCreatePayload').implement({
  fields: (t) => ({
    token: t.string({ nullable: true, description: 'Shown once', resolve: (p) => p.token ?? null }),
    apiToken: t.field({ type: ApiTokenNode, nullable: true, resolve: (p) => p.apiToken ?? null }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const ApiTokenRevokeInput = builder.inputType('ApiTokenRevokeInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: [ApiTokenNode] }) }),
});

const ApiTokenRevokePayload = builder
  .objectRef<{ revokedId?: string; userErrors: UserError[] }>('ApiTokenRevokePayload')
  .implement({
    fields: (t) => ({
      revokedId: t.id({ nullable: true, resolve: (p) => p.revokedId ?? null }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  apiTokenCreate: t.withAuth({ customerAdmin: true, staff: true }).field({
    type: ApiTokenCreatePayload,
    description: 'For partner tools; the token acts as its owner',
    args: { input: t.arg({ type: ApiTokenCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<ApiTokenCreateResult> => {
      const viewer = ctx.viewer;
      // A token cannot mint tokens: a leaked token must not be able to make itself permanent.
      if (viewer.credential.kind !== 'SESSION') {
        return { userErrors: [userError('FORBIDDEN', 'API tokens can only be created from a logged-in session.')] };
      }
      if (input.expiresAt && input.expiresAt <= ctx.now()) {
        return { userErrors: [userError('INVALID_INPUT', 'expiresAt must be in the future.', ['input', 'expiresAt'])] };
      }
      const max = ctx.config.MAX_API_TOKENS_PER_CUSTOMER;
      return ctx.prisma.$transaction(async (tx): Promise<ApiTokenCreateResult> => {
        // Serialises concurrent creations for one customer, so the cap holds.
        if (viewer.customerId) await lockCustomer(tx, viewer.customerId);
        if ((await tx.apiToken.count({ where: cappedApiTokens(viewer) })) >= max) {
          return { userErrors: userErrorsOf([limitReached('API tokens', max, 'revoke unused ones first.')]) };
        }
        const { token, apiToken } = await createApiToken(tx, {
          userId: viewer.userId,
          name: input.name.trim(),
          scopes: input.scopes,
          expiresAt: input.expiresAt ?? null,
        });
        return { token, apiToken, userErrors: [] };
      });
    },
  }),
  apiTokenRevoke: t.field({
    type: ApiTokenRevokePayload,
    authScopes: { customerAdmin: true, staff: true },
    args: { input: t.arg({ type: ApiTokenRevokeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { count } = await ctx.prisma.apiToken.updateMany({
        where: { id: uniqueId(input.id.id), revokedAt: null, ...visibleApiTokens(ctx.viewer) },
        data: { revokedAt: ctx.now() },
      });
      if (count === 0) return { userErrors: [userError('NOT_FOUND', 'No such API token.', ['input', 'id'])] };
      ctx.credentials.drop({ apiTokenId: uniqueId(input.id.id) });
      return { revokedId: encodeGlobalID('ApiToken', input.id.id), userErrors: [] };
    },
  }),
}));
