// One customer's window: a customer's admin answers an announcement with "this window does not
// suit us" and proposes another; staff may then move the window for that customer alone. The
// upgrade stays one upgrade; only that customer's notices are replanned from its own window.
import type { PrismaClient } from '@upgrade-desk/db';
import { isUpgradeOpen } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { publishedNotice } from '../auth/visibility.ts';
import type { NoticeEvents } from '../notices/events.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';
import { alertAccountTeam, announceStaffAlerts } from '../staff-alerts/alert-account-team.ts';
import { checkMove, PLAN_SELECT, replan, type Actor, type LifecycleResult, type WindowMove } from './lifecycle.ts';

export interface WindowProposalInput {
  upgradeId: string;
  customerId: string;
  userId: string;
  windowStart: Date;
  windowEnd: Date;
  reason: string;
}

/**
 * Records a customer's answer to the announcement it received. Only an upgrade announced to that
 * customer (a published ANNOUNCEMENT) and still open can be answered; anything else is NOT_FOUND,
 * so nothing is learnt about upgrades the customer was not told of.
 */
export async function proposeWindow(
  prisma: PrismaClient,
  input: WindowProposalInput,
  now: Date,
  events?: NoticeEvents,
): Promise<Outcome<string>> {
  const reason = input.reason.trim();
  if (!reason) return refused(problem('INVALID_INPUT', 'Say why this window does not suit you.', ['reason']));
  if (input.windowEnd <= input.windowStart) {
    return refused(problem('WINDOW_INVALID', 'The window must end after it starts.', ['windowEnd']));
  }
  if (input.windowStart <= now) {
    return refused(problem('WINDOW_INVALID', 'The window must start in the future.', ['windowStart']));
  }
  const upgrade = await prisma.upgrade.findFirst({
    where: {
      id: input.upgradeId,
      status: { not: 'DRAFT' },
      targets: { some: { customerId: input.customerId } },
      notices: { some: { customerId: input.customerId, stage: 'ANNOUNCEMENT', ...publishedNotice() } },
    },
    select: { id: true, status: true, title: true },
  });
  if (!upgrade) return refused(problem('NOT_FOUND', 'No such upgrade announced to you.', ['upgradeId']));
  if (!isUpgradeOpen(upgrade.status)) {
    return refused(problem('INVALID_TRANSITION', `A ${upgrade.status} upgrade can no longer be moved.`, ['upgradeId']));
  }
  const { proposal, raised } = await prisma.$transaction(async (tx) => {
    const created = await tx.windowProposal.create({
      data: {
        upgradeId: upgrade.id,
        customerId: input.customerId,
        proposedById: input.userId,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        reason,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: input.userId,
      action: 'upgrade.window_proposal',
      entityType: 'Upgrade',
      entityId: upgrade.id,
      at: now,
      data: { customerId: input.customerId, proposalId: created.id },
    });
    // The account team hears of it in the same transaction: alerts in their inbox, and by email.
    const by = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
    const raised = await alertAccountTeam(tx, {
      customerId: input.customerId,
      sourceKey: `window-proposal:${created.id}`,
      at: now,
      upgradeId: upgrade.id,
      event: {
        kind: 'COUNTER_PROPOSAL',
        by: by.name,
        upgradeTitle: upgrade.title,
        proposedStart: input.windowStart,
        proposedEnd: input.windowEnd,
        reason,
      },
    });
    return { proposal: created, raised };
  });
  announceStaffAlerts(events, raised);
  return done(proposal.id);
}

export interface CustomerRescheduleInput extends WindowMove {
  customerId: string;
}

/**
 * Moves the window of one target customer: its override is set, its pending notices replaced by a
 * plan from the new window, and it is told of the move if it was told of the old one. Other targets
 * keep their plan untouched.
 */
export async function rescheduleForCustomer(
  prisma: PrismaClient,
  input: CustomerRescheduleInput,
  actor: Actor,
): Promise<LifecycleResult> {
  const checked = await checkMove(prisma, input, actor);
  if (!checked.ok) return checked;
  const { current, policy, reason } = checked.value;
  const target = await prisma.upgradeTarget.findUnique({
    where: { upgradeId_customerId: { upgradeId: current.id, customerId: input.customerId } },
    select: { windowStart: true, windowEnd: true },
  });
  if (!target) return refused(problem('NOT_FOUND', 'This customer is not a target of the upgrade.', ['customerId']));
  const previous = {
    start: target.windowStart ?? current.windowStart,
    end: target.windowEnd ?? current.windowEnd,
  };

  await prisma.$transaction(
    async (tx) => {
      await tx.upgradeTarget.update({
        where: { upgradeId_customerId: { upgradeId: current.id, customerId: input.customerId } },
        data: { windowStart: input.windowStart, windowEnd: input.windowEnd, overrideReason: reason },
      });
      // New rows need a sequence of their own: the replaced ones keep theirs.
      const upgrade = await tx.upgrade.update({
        where: { id: current.id },
        data: { sequence: { increment: 1 } },
        select: PLAN_SELECT,
      });
      if (current.status !== 'DRAFT') {
        await replan(tx, upgrade, policy, actor.now, {
          previousWindow: previous,
          reason,
          customerId: input.customerId,
          vendor: actor.vendor,
        });
      }
      await audit(tx, {
        actorId: actor.userId,
        action: 'upgrade.reschedule_customer',
        entityType: 'Upgrade',
        entityId: current.id,
        at: actor.now,
        data: {
          customerId: input.customerId,
          reason,
          from: { start: previous.start.toISOString(), end: previous.end.toISOString() },
          to: { start: input.windowStart.toISOString(), end: input.windowEnd.toISOString() },
        },
      });
    },
    { timeout: 60_000 },
  );
  return done(current.id);
}
