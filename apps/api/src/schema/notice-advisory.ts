// FIX advisories awaiting their release by the customer's account team: the list for the staff
// console, and the edit and release mutations. The rules live in notices/advisory-release.ts.
import { z } from 'zod';
import { uniqueId } from '../auth/visibility.ts';
import { advisoriesReleasableBy, releaseAdvisory, updateAdvisory } from '../notices/advisory-release.ts';
import type { Outcome } from '../problem.ts';
import { builder, type ViewerContext } from './builder.ts';
import { NoticeConnection, NoticeNode } from './notice.ts';
import { UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';

/** The staff who release advisories: the account team, and admins. */
const RELEASERS = ['ADMIN', 'IMPLEMENTATION', 'CUSTOMER_CARE'] as const;

builder.queryField('advisoriesAwaitingRelease', (t) =>
  t.prismaConnection(
    {
      type: 'Notice',
      cursor: 'id',
      description:
        'Account team (and admins): FIX advisories held for release to the customers the viewer looks after, oldest first',
      authScopes: { role: [...RELEASERS] },
      totalCount: (_root, _args, ctx) =>
        ctx.viewer ? ctx.prisma.notice.count({ where: advisoriesReleasableBy(ctx.viewer) }) : 0,
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.notice.findMany({
          ...query,
          // authScopes guarantee a viewer; without one the filter would match nothing anyway.
          where: ctx.viewer ? advisoriesReleasableBy(ctx.viewer) : { id: { in: [] } },
          orderBy: [{ scheduledFor: 'asc' }, { id: 'asc' }],
        }),
    },
    NoticeConnection,
  ),
);

const NoticeAdvisoryPayload = builder
  .objectRef<{ noticeId?: string; userErrors: UserError[] }>('NoticeAdvisoryPayload')
  .implement({
    fields: (t) => ({
      notice: t.prismaField({
        type: 'Notice',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.noticeId ? ctx.prisma.notice.findUnique({ ...query, where: { id: p.noticeId } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const NoticeAdvisoryUpdateInput = builder.inputType('NoticeAdvisoryUpdateInput', {
  fields: (t) => ({
    noticeId: t.globalID({ required: true, for: [NoticeNode] }),
    title: t.string({ required: false, validate: z.string().max(1_000) }),
    body: t.string({ required: false, validate: z.string().max(50_000) }),
  }),
});

const NoticeAdvisoryReleaseInput = builder.inputType('NoticeAdvisoryReleaseInput', {
  fields: (t) => ({ noticeId: t.globalID({ required: true, for: [NoticeNode] }) }),
});

function payloadOf(ctx: ViewerContext, outcome: Outcome<string>) {
  if (!outcome.ok) return { userErrors: userErrorsOf(outcome.problems) };
  ctx.noticesChanged();
  return { noticeId: outcome.value, userErrors: [] };
}

const releaser = (ctx: ViewerContext) => ({ userId: ctx.viewer.userId, role: ctx.viewer.role, now: ctx.now() });

builder.mutationFields((t) => {
  const releasers = t.withAuth({ role: [...RELEASERS] });
  return {
    noticeAdvisoryUpdate: releasers.field({
      type: NoticeAdvisoryPayload,
      description: "Account team: edit a held FIX advisory's title or text before releasing it",
      args: { input: t.arg({ type: NoticeAdvisoryUpdateInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(
          ctx,
          await updateAdvisory(
            ctx.prisma,
            { noticeId: uniqueId(input.noticeId.id), title: input.title, body: input.body },
            releaser(ctx),
          ),
        ),
    }),
    noticeAdvisoryRelease: releasers.field({
      type: NoticeAdvisoryPayload,
      description: 'Account team: release a held FIX advisory to its customer (it is published at once)',
      args: { input: t.arg({ type: NoticeAdvisoryReleaseInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        payloadOf(ctx, await releaseAdvisory(ctx.prisma, { noticeId: uniqueId(input.noticeId.id) }, releaser(ctx))),
    }),
  };
});
