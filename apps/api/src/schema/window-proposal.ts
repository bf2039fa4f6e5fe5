// A customer's answer to an announcement: "this window does not suit us", with the window it
// proposes and why. Customers' admins answer; staff read the answers on the upgrade and may move
// the window for that customer alone (upgradeTargetReschedule).
import { isUpgradeOpen, UPGRADE_STATUSES, WINDOW_PROPOSAL_STATES, windowProposalState } from '@upgrade-desk/domain';
import { z } from 'zod';
import { uniqueId, visibleWindowProposals } from '../auth/visibility.ts';
import { proposeWindow } from '../upgrades/customer-window.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { UpgradeNode } from './upgrade.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';

const PROPOSAL_ORDER = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** The newest proposals a customer's field lists: those of the upgrades still to come are far fewer. */
const CUSTOMER_PROPOSALS_MAX = 20;

const MOVABLE_STATUSES = UPGRADE_STATUSES.filter(isUpgradeOpen);

const WindowProposalStateEnum = builder.enumType('WindowProposalState', {
  values: WINDOW_PROPOSAL_STATES,
  description:
    "OPEN: waiting for the vendor's answer; ACCEPTED: the customer's window is now the one proposed; SUPERSEDED: the customer proposed again since; CLOSED: the upgrade can no longer be moved",
});

export const WindowProposalRef = builder.prismaObject('WindowProposal', {
  fields: (t) => ({
    id: t.exposeID('id'),
    customer: t.relation('customer'),
    upgrade: t.relation('upgrade'),
    windowStart: t.expose('windowStart', { type: 'DateTime', description: 'the window the customer proposes' }),
    windowEnd: t.expose('windowEnd', { type: 'DateTime' }),
    reason: t.exposeString('reason', { description: 'why the announced window does not suit the customer' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    state: t.field({
      type: WindowProposalStateEnum,
      // The upgrade's targets and answers are a few dozen rows at most, loaded with the proposal.
      select: {
        id: true,
        customerId: true,
        createdAt: true,
        windowStart: true,
        windowEnd: true,
        upgrade: {
          select: {
            status: true,
            windowStart: true,
            windowEnd: true,
            targets: { select: { customerId: true, windowStart: true, windowEnd: true } },
            windowProposals: { select: { id: true, customerId: true, createdAt: true } },
          },
        },
      },
      resolve: (proposal) => {
        const { upgrade } = proposal;
        const target = upgrade.targets.find((t) => t.customerId === proposal.customerId);
        return windowProposalState({
          proposed: { start: proposal.windowStart, end: proposal.windowEnd },
          customerWindow: {
            start: target?.windowStart ?? upgrade.windowStart,
            end: target?.windowEnd ?? upgrade.windowEnd,
          },
          upgradeOpen: isUpgradeOpen(upgrade.status),
          newerFromSameCustomer: upgrade.windowProposals.some(
            (other) =>
              other.customerId === proposal.customerId &&
              (other.createdAt > proposal.createdAt ||
                (other.createdAt.getTime() === proposal.createdAt.getTime() && other.id > proposal.id)),
          ),
        });
      },
    }),
  }),
});

builder.prismaObjectField('Upgrade', 'windowProposals', (t) =>
  t.relation('windowProposals', {
    description: "Customers' answers to the announcement (staff: every customer's; a customer: its own), newest first",
    query: (_args, ctx) => ({ where: visibleWindowProposals(ctx.viewer), orderBy: PROPOSAL_ORDER }),
  }),
);

builder.prismaObjectField(CustomerNode, 'windowProposals', (t) =>
  t.relation('windowProposals', {
    description: `The customer's answers to announcements of upgrades that can still be moved, newest first (at most ${CUSTOMER_PROPOSALS_MAX})`,
    query: (_args, ctx) => ({
      where: { AND: [visibleWindowProposals(ctx.viewer), { upgrade: { status: { in: MOVABLE_STATUSES } } }] },
      orderBy: PROPOSAL_ORDER,
      take: CUSTOMER_PROPOSALS_MAX,
    }),
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
