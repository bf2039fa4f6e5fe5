// "Called the customer": the account team's record of a call about a notice awaiting the
// customer's acknowledgement, on the notice's timeline for vendor staff. The rules live in
// notices/follow-up-call.ts.
//
// The mutation hangs on the notice, not on the customer: a call is made about one missing
// acknowledgement (one upgrade, one deadline), and the notice names both the customer and the
// upgrade, so the record shows up wherever staff look at either.
import { z } from 'zod';
import { CALL_NOTE_MAX } from '@upgrade-desk/domain';
import { uniqueId, visibleNoticeCalls } from '../auth/visibility.ts';
import { MAX_CALLS_PER_NOTICE, recordNoticeCall } from '../notices/follow-up-call.ts';
import { builder } from './builder.ts';
import { NoticeNode } from './notice.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';

export const NoticeCallNode = builder.prismaNode('NoticeCall', {
  id: { field: 'id' },
  nullable: true,
  description:
    "Vendor staff: a call the customer's account team made about a notice awaiting its acknowledgement, with its note",
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleNoticeCalls(ctx.viewer)] }),
  fields: (t) => ({
    notice: t.relation('notice'),
    customer: t.relation('customer'),
    caller: t.relation('caller', { nullable: true, description: 'null once the caller’s account is deleted' }),
    note: t.exposeString('note'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(NoticeNode, 'calls', (t) =>
  t.relation('calls', {
    nullable: true,
    authScopes: { staff: true },
    description: `Vendor staff: the account team's calls about this notice, oldest first (at most ${MAX_CALLS_PER_NOTICE})`,
    query: (_args, ctx) => ({
      where: visibleNoticeCalls(ctx.viewer),
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: MAX_CALLS_PER_NOTICE,
    }),
  }),
);

const NoticeCallRecordInput = builder.inputType('NoticeCallRecordInput', {
  fields: (t) => ({
    noticeId: t.globalID({ required: true, for: [NoticeNode] }),
    // The rule's own limit (checkCallNote) answers with a user error; this one only stops huge bodies early.
    note: t.string({ required: true, validate: z.string().max(CALL_NOTE_MAX * 4) }),
  }),
});

const NoticeCallRecordPayload = builder.objectRef<EntityPayload>('NoticeCallRecordPayload').implement({
  fields: (t) => ({
    call: t.prismaField({
      type: 'NoticeCall',
      nullable: true,
      resolve: (query, result, _args, ctx) =>
        result.id ? ctx.prisma.noticeCall.findUnique({ ...query, where: { id: result.id } }) : null,
    }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (result) => result.userErrors }),
  }),
});

builder.mutationField('noticeCallRecord', (t) =>
  t.withAuth({ role: ['ADMIN', 'IMPLEMENTATION', 'CUSTOMER_CARE'] }).field({
    type: NoticeCallRecordPayload,
    description: `Account team (and admins): record a call to the customer about a notice awaiting its acknowledgement, with a note of at most ${CALL_NOTE_MAX} characters`,
    args: { input: t.arg({ type: NoticeCallRecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      entityPayload(
        await recordNoticeCall(
          ctx.prisma,
          { noticeId: uniqueId(input.noticeId.id), note: input.note },
          { userId: ctx.viewer.userId, role: ctx.viewer.role, now: ctx.now() },
        ),
      ),
  }),
);
