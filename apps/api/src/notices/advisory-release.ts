// FIX advisories held for the account team: the vendor's process sends a fix notice to the
// customer through its assigned implementation and customer-care staff, who may edit it and then
// release it. A held advisory is neither dispatched nor visible to the customer (visibility.ts,
// dispatcher.ts); releasing it makes it due, and the next dispatcher round publishes it.
import type { Prisma, PrismaClient, Role } from '@upgrade-desk/db';
import { audit } from '../audit.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';
import { ACCOUNT_TEAM_ROLES } from '../admin/customers.ts';

export interface Releaser {
  userId: string;
  role: Role;
  now: Date;
}

const TITLE_MAX = 300;
const BODY_MAX = 20_000;

/** Advisories a member of staff may release: an ADMIN all of them, the account team its customers'. */
export function advisoriesReleasableBy(viewer: { userId: string; role: Role }): Prisma.NoticeWhereInput {
  const held: Prisma.NoticeWhereInput = {
    stage: 'ADVISORY',
    awaitingRelease: true,
    publishedAt: null,
    supersededAt: null,
  };
  if (viewer.role === 'ADMIN') return held;
  if (!(ACCOUNT_TEAM_ROLES as readonly Role[]).includes(viewer.role)) return { id: { in: [] }, ...held };
  return { ...held, customer: { staffAssignments: { some: { userId: viewer.userId } } } };
}

/** The held advisory, or why the releaser may not act on it (a non-advisory id is "not found"). */
async function heldAdvisory(
  tx: Prisma.TransactionClient | PrismaClient,
  noticeId: string,
  releaser: Releaser,
): Promise<Outcome<string>> {
  const notice = await tx.notice.findFirst({
    where: { id: noticeId, stage: 'ADVISORY' },
    select: { id: true, awaitingRelease: true, supersededAt: true },
  });
  if (!notice) return refused(problem('NOT_FOUND', 'No such advisory.', ['noticeId']));
  const mine = await tx.notice.count({ where: { id: noticeId, ...advisoriesReleasableBy(releaser) } });
  if (mine === 1) return done(notice.id);
  if (!notice.awaitingRelease || notice.supersededAt) {
    return refused(problem('INVALID_TRANSITION', 'This advisory is no longer awaiting release.', ['noticeId']));
  }
  return refused(
    problem('FORBIDDEN', 'Only the customer’s implementation and customer-care staff may release it.', ['noticeId']),
  );
}

/** Edits a held advisory's text before its release (fields left out keep their value). */
export async function updateAdvisory(
  prisma: PrismaClient,
  input: { noticeId: string; title?: string | null; body?: string | null },
  releaser: Releaser,
): Promise<Outcome<string>> {
  const title = input.title?.trim();
  const body = input.body?.trim();
  const problems = [];
  if (input.title != null && (!title || title.length > TITLE_MAX)) {
    problems.push(problem('INVALID_INPUT', `The title must be 1 to ${TITLE_MAX} characters.`, ['title']));
  }
  if (input.body != null && (!body || body.length > BODY_MAX)) {
    problems.push(problem('INVALID_INPUT', `The text must be 1 to ${BODY_MAX} characters.`, ['body']));
  }
  if (problems.length > 0) return refused(...problems);
  return prisma.$transaction(async (tx) => {
    const found = await heldAdvisory(tx, input.noticeId, releaser);
    if (!found.ok) return found;
    const { count } = await tx.notice.updateMany({
      where: { id: input.noticeId, awaitingRelease: true },
      data: { ...(title ? { title } : {}), ...(body ? { body } : {}) },
    });
    if (count === 0) return refused(problem('CONFLICT', 'The advisory was released meanwhile.', ['noticeId']));
    await audit(tx, {
      actorId: releaser.userId,
      action: 'notice.advisoryUpdate',
      entityType: 'Notice',
      entityId: input.noticeId,
      at: releaser.now,
      data: { title: title !== undefined, body: body !== undefined },
    });
    return done(input.noticeId);
  });
}

/** Releases a held advisory to its customer: it becomes due at once and the dispatcher publishes it. */
export async function releaseAdvisory(
  prisma: PrismaClient,
  input: { noticeId: string },
  releaser: Releaser,
): Promise<Outcome<string>> {
  return prisma.$transaction(async (tx) => {
    const found = await heldAdvisory(tx, input.noticeId, releaser);
    if (!found.ok) return found;
    // Guarded by awaitingRelease: two staff releasing at once release it once.
    const { count } = await tx.notice.updateMany({
      where: { id: input.noticeId, awaitingRelease: true },
      data: { awaitingRelease: false, releasedAt: releaser.now, releasedById: releaser.userId },
    });
    if (count === 0) return refused(problem('CONFLICT', 'The advisory was released meanwhile.', ['noticeId']));
    await audit(tx, {
      actorId: releaser.userId,
      action: 'notice.advisoryRelease',
      entityType: 'Notice',
      entityId: input.noticeId,
      at: releaser.now,
    });
    return done(input.noticeId);
  });
}
