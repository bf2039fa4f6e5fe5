import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { uniqueId, visibleBlackoutWindows } from '../auth/visibility.ts';
import { lockCustomer } from '../customer-lock.ts';
import { limitReached } from '../problem.ts';
import { builder } from './builder.ts';
import { userError, UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A blackout is a closing or a payroll run, not a standing "never": at most a year. */
const MAX_BLACKOUT_MS = 366 * DAY_MS;
/** Clock skew between the caller and the server: "now" typed in a form is not "in the past". */
const PAST_TOLERANCE_MS = 5 * 60 * 1000;

export const BlackoutWindowNode = builder.prismaNode('BlackoutWindow', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleBlackoutWindows(ctx.viewer)] }),
  fields: (t) => ({
    customer: t.relation('customer'),
    reason: t.exposeString('reason', { description: 'e.g. "month-end closing", "payroll"' }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
  }),
});

const BlackoutWindowCreateInput = builder.inputType('BlackoutWindowCreateInput', {
  fields: (t) => ({
    reason: t.string({ required: true, description: 'Up to 500 characters', validate: z.string().max(500) }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true }),
  }),
});

const BlackoutWindowCreatePayload = builder
  .objectRef<{ blackoutWindowId?: string; userErrors: UserError[] }>('BlackoutWindowCreatePayload')
  .implement({
    fields: (t) => ({
      blackoutWindow: t.prismaField({
        type: 'BlackoutWindow',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.blackoutWindowId
            ? ctx.prisma.blackoutWindow.findUnique({ ...query, where: { id: p.blackoutWindowId } })
            : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const BlackoutWindowDeleteInput = builder.inputType('BlackoutWindowDeleteInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: [BlackoutWindowNode] }) }),
});

const BlackoutWindowDeletePayload = builder
  .objectRef<{ deletedId?: string; userErrors: UserError[] }>('BlackoutWindowDeletePayload')
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

/** The refusals for a new blackout window, in the customer admin's terms. */
export function blackoutWindowProblems(
  input: { reason: string; startsAt: Date; endsAt: Date },
  now: Date,
): UserError[] {
  const problems: UserError[] = [];
  if (!input.reason.trim())
    problems.push(userError('INVALID_INPUT', 'Say what the blackout is for.', ['input', 'reason']));
  if (input.endsAt <= input.startsAt) {
    problems.push(userError('INVALID_INPUT', 'The blackout must end after it starts.', ['input', 'endsAt']));
  } else if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_BLACKOUT_MS) {
    problems.push(userError('INVALID_INPUT', 'A blackout window can last at most a year.', ['input', 'endsAt']));
  }
  if (input.startsAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    problems.push(userError('INVALID_INPUT', 'A blackout window cannot start in the past.', ['input', 'startsAt']));
  }
  return problems;
}

builder.mutationFields((t) => ({
  blackoutWindowCreate: t.withAuth({ customerAdmin: true }).field({
    type: BlackoutWindowCreatePayload,
    description: 'Customer admins: a period the customer must not be disturbed (closing, payroll, tax filing)',
    args: { input: t.arg({ type: BlackoutWindowCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const now = ctx.now();
      const userErrors = blackoutWindowProblems(input, now);
      if (userErrors.length > 0) return { userErrors };
      const viewer = ctx.viewer;
      const customerId = viewer.customerId!;
      const max = ctx.config.MAX_BLACKOUT_WINDOWS_PER_CUSTOMER;
      const created = await ctx.prisma.$transaction(async (tx) => {
        // Serialises concurrent creations for one customer, so the cap holds.
        await lockCustomer(tx, customerId);
        if ((await tx.blackoutWindow.count({ where: { customerId } })) >= max) return null;
        const window = await tx.blackoutWindow.create({
          data: {
            customerId,
            reason: input.reason.trim(),
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            createdById: viewer.userId,
            createdAt: now,
          },
        });
        await audit(tx, {
          actorId: viewer.userId,
          action: 'blackoutWindow.create',
          entityType: 'BlackoutWindow',
          entityId: window.id,
          at: now,
          data: { reason: window.reason, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
        });
        return window;
      });
      if (!created) {
        return {
          userErrors: userErrorsOf([limitReached('blackout windows', max, 'delete past or unneeded ones first.')]),
        };
      }
      return { blackoutWindowId: created.id, userErrors: [] };
    },
  }),
  blackoutWindowDelete: t.withAuth({ customerAdmin: true }).field({
    type: BlackoutWindowDeletePayload,
    args: { input: t.arg({ type: BlackoutWindowDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      const id = uniqueId(input.id.id);
      const deleted = await ctx.prisma.$transaction(async (tx) => {
        // Another customer's window is answered exactly like a missing one.
        const { count } = await tx.blackoutWindow.deleteMany({ where: { id, customerId: viewer.customerId! } });
        if (count > 0) {
          await audit(tx, {
            actorId: viewer.userId,
            action: 'blackoutWindow.delete',
            entityType: 'BlackoutWindow',
            entityId: id,
            at: ctx.now(),
          });
        }
        return count > 0;
      });
      if (!deleted) return { userErrors: [userError('NOT_FOUND', 'No such blackout window.', ['input', 'id'])] };
      return { deletedId: encodeGlobalID('BlackoutWindow', id), userErrors: [] };
    },
  }),
}));
