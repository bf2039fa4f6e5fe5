// "Called the customer": the account team records a call about a notice awaiting the customer's
// acknowledgement (typically an overdue one), so colleagues see who called and what was said
// before calling again. The record is the vendor's: customers never see it (visibility.ts).
import { ACCOUNT_TEAM_ROLES, checkCallNote } from '@upgrade-desk/domain';
import type { Prisma, PrismaClient, Role } from '@upgrade-desk/db';
import { audit } from '../audit.ts';
import { publishedNotice } from '../auth/visibility.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';

/** Calls one notice may carry: enough for weeks of daily calls, and a bound for its timeline. */
export const MAX_CALLS_PER_NOTICE = 50;

export interface Caller {
  userId: string;
  role: Role;
  now: Date;
}

/** The notices a member of staff may record calls on: an ADMIN any, the account team its customers'. */
export function noticesCallableBy(caller: { userId: string; role: Role }): Prisma.NoticeWhereInput {
  if (caller.role === 'ADMIN') return {};
  if (!(ACCOUNT_TEAM_ROLES as readonly Role[]).includes(caller.role)) return { id: { in: [] } };
  return { customer: { staffAssignments: { some: { userId: caller.userId } } } };
}

const tooManyCalls = problem('LIMIT_REACHED', `A notice can carry at most ${MAX_CALLS_PER_NOTICE} calls.`, [
  'noticeId',
]);

/**
 * Records a call about a published notice that asks for an acknowledgement; returns the call's id.
 * A notice the customer was never shown (or that asks for nothing) is NOT_FOUND; one of a customer
 * the caller does not look after is FORBIDDEN (staff may see every customer, so that says nothing new).
 */
export async function recordNoticeCall(
  prisma: PrismaClient,
  input: { noticeId: string; note: string },
  caller: Caller,
): Promise<Outcome<string>> {
  const checked = checkCallNote(input.note);
  if (!checked.ok) return refused(problem(checked.code, checked.message, ['note']));
  const notice = await prisma.notice.findFirst({
    where: { id: input.noticeId, requiresAcknowledgement: true, ...publishedNotice() },
    select: { id: true, customerId: true },
  });
  if (!notice) return refused(problem('NOT_FOUND', 'No such notice awaiting an acknowledgement.', ['noticeId']));
  const mine = await prisma.notice.count({ where: { id: notice.id, ...noticesCallableBy(caller) } });
  if (mine === 0) {
    return refused(problem('FORBIDDEN', 'Only the customer’s account team may record a call.', ['noticeId']));
  }
  const call = await prisma.$transaction(async (tx) => {
    const calls = await tx.noticeCall.count({ where: { noticeId: notice.id } });
    if (calls >= MAX_CALLS_PER_NOTICE) return null;
    const created = await tx.noticeCall.create({
      data: {
        noticeId: notice.id,
        customerId: notice.customerId,
        callerId: caller.userId,
        note: checked.note,
        at: caller.now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: caller.userId,
      action: 'notice.callRecord',
      entityType: 'Notice',
      entityId: notice.id,
      at: caller.now,
      data: { callId: created.id },
    });
    return created;
  });
  if (!call) return refused(tooManyCalls);
  return done(call.id);
}
