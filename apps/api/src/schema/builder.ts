import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Role } from '@upgrade-desk/db';
import { getDatamodel, type PrismaTypes } from '@upgrade-desk/db/pothos';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { canWrite, isStaff, type Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';

/** The context of a field only a signed-in viewer reaches (`t.withAuth` with any scope below). */
export type ViewerContext = Context & { viewer: Viewer };

export const MAX_PAGE_SIZE = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    loggedIn: boolean;
    staff: boolean;
    customer: boolean;
    customerAdmin: boolean;
    role: Role[];
    write: boolean;
  };
  // Every scope is false without a viewer, so a field guarded by any of them sees one.
  AuthContexts: {
    loggedIn: ViewerContext;
    staff: ViewerContext;
    customer: ViewerContext;
    customerAdmin: ViewerContext;
    role: ViewerContext;
    write: ViewerContext;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  Connection: { totalCount: number | (() => number | Promise<number>) };
}>({
  defaultFieldNullability: false,
  plugins: [PrismaPlugin, RelayPlugin, ScopeAuthPlugin, ValidationPlugin],
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'development' ? 'warn' : null,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: 20,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: false,
    // Over-large pages are refused, not silently cut: a partner tool must know it got less than it asked.
    firstArgOptions: { validate: z.number().int().min(0).max(MAX_PAGE_SIZE) },
    lastArgOptions: { validate: z.number().int().min(0).max(MAX_PAGE_SIZE) },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, _ctx, _info, result) =>
      new GraphQLError(result.message || 'Not authorized', { extensions: { code: 'FORBIDDEN' } }),
    authScopes: (ctx) => ({
      loggedIn: ctx.viewer !== null,
      staff: isStaff(ctx.viewer),
      customer: ctx.viewer?.customerId != null,
      customerAdmin: ctx.viewer?.role === 'CUSTOMER_ADMIN',
      role: (roles) => ctx.viewer !== null && roles.includes(ctx.viewer.role),
      write: canWrite(ctx.viewer),
    }),
  },
  validation: {
    validationError: (failure) =>
      new GraphQLError(
        failure.issues.map((issue) => `${issue.path?.map(String).join('.') ?? ''}: ${issue.message}`).join('; '),
        { extensions: { code: 'BAD_USER_INPUT' } },
      ),
  },
});

// Every connection reports its totalCount (the contract's connections all have one).
builder.globalConnectionField('totalCount', (t) =>
  t.int({ resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount) }),
);
