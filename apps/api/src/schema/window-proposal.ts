// A customer's answer to an announcement: "this window does not suit us", with the window it
// proposes and why. Customers' admins answer; staff read the answers on the upgrade and may move
// the window for that customer alone (upgradeTargetReschedule).
import { z } from 'zod';
import { uniqueId, visibleWindowProposals } from '../auth/visibility.ts';
import { proposeWindow } from '../upgrades/customer-window.ts';
import { builder } from './builder.ts';
import { UpgradeNode } from './upgrade.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';

const PROPOSAL_ORDER = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

export const WindowProposalRef = builder.prismaObject('WindowProposal', {
  fields: (t) => ({
    id: t.exposeID('id'),
    customer: t.relation('customer'),
    upgrade: t.relation('upgrade'),
    windowStart: t.expose('windowStart', { type: 'DateTime', description: 'the window the customer proposes' }),
    windowEnd: t.expose('windowEnd', { type: 'DateTime' }),
    reason: t.exposeString('reason', { description: 'why the announced window does not suit the customer' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Upgrade', 'windowProposals', (t) =>
  t.relation('windowProposals', {
    description: "Customers' answers to the announcement (staff: every customer's; a customer: its own), newest first",
    query: (_args, ctx) => ({ where: visibleWindowProposals(ctx.viewer), orderBy: PROPOSAL_ORDER }),
  }),
);

const UpgradeWindowProposeInput = builder.inputType('UpgradeWindowProposeInput', {
  fields: (t) => ({
    upgradeId: t.globalID({ required: true, for: [UpgradeNode] }),
    windowStart: t.field({ type: 'DateTime', required: true }),
    windowEnd: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true, validate: z.string().max(2000) }),
  }),
});

const UpgradeWindowProposePayload = builder.objectRef<EntityPayload>('UpgradeWindowProposePayload').implement({
  fields: (t) => ({
    windowProposal: t.prismaField({
      type: 'WindowProposal',
      nullable: true,
      resolve: (query, result, _args, ctx) =>
        result.id ? ctx.prisma.windowProposal.findUnique({ ...query, where: { id: result.id } }) : null,
    }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (result) => result.userErrors }),
  }),
});

builder.mutationField('upgradeWindowPropose', (t) =>
  t.withAuth({ customerAdmin: true }).field({
    type: UpgradeWindowProposePayload,
    description:
      'Customer admins: answer an upgrade\'s announcement with "this window does not suit us", a proposed window and a reason',
    args: { input: t.arg({ type: UpgradeWindowProposeInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await proposeWindow(
          ctx.prisma,
          {
            upgradeId: uniqueId(input.upgradeId.id),
            customerId: ctx.viewer.customerId!,
            userId: ctx.viewer.userId,
            windowStart: input.windowStart,
            windowEnd: input.windowEnd,
            reason: input.reason,
          },
          ctx.now(),
          ctx.events,
        ),
      ),
  }),
);
