import { validateNoticePolicy, type NoticePolicy } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { builder } from './builder.ts';
import { UpgradeKindEnum } from './enums.ts';
import { userError, UserErrorRef, type UserError } from './user-error.ts';

const NoticePolicyRef = builder.objectRef<NoticePolicy>('NoticePolicy').implement({
  description: "The vendor's notice policy for one kind of upgrade",
  fields: (t) => ({
    kind: t.field({ type: UpgradeKindEnum, resolve: (p) => p.kind }),
    announcementLeadDays: t.exposeInt('announcementLeadDays', { nullable: true }),
    announcementMinLeadDays: t.exposeInt('announcementMinLeadDays', { nullable: true }),
    announcementMaxLeadDays: t.exposeInt('announcementMaxLeadDays', { nullable: true }),
    reminderLeadHours: t.exposeInt('reminderLeadHours', { nullable: true }),
    finalReminderLeadHours: t.exposeInt('finalReminderLeadHours', { nullable: true }),
    imminentLeadMinutes: t.exposeInt('imminentLeadMinutes', { nullable: true }),
    minimumNoticeHours: t.exposeInt('minimumNoticeHours', { description: 'Closer than this needs an emergency' }),
    advisoryOnSchedule: t.exposeBoolean('advisoryOnSchedule'),
    sandboxRequired: t.exposeBoolean('sandboxRequired'),
    typicalDowntimeMinutes: t.exposeInt('typicalDowntimeMinutes', { nullable: true }),
    quietHoursStart: t.exposeInt('quietHoursStart'),
    quietHoursEnd: t.exposeInt('quietHoursEnd'),
    acknowledgementCallMinutes: t.exposeInt('acknowledgementCallMinutes', {
      nullable: true,
      description:
        'An acknowledgement is due this many minutes before the window, leaving the account team time to call the customer',
    }),
  }),
});

builder.queryField('noticePolicies', (t) =>
  t.field({
    type: [NoticePolicyRef],
    description: 'Vendor staff: the notice policy per upgrade kind',
    authScopes: { staff: true },
    resolve: async (_root, _args, ctx) => [...(await ctx.noticePolicies()).values()],
  }),
);

const NoticePolicyUpdateInput = builder.inputType('NoticePolicyUpdateInput', {
  fields: (t) => ({
    kind: t.field({ type: UpgradeKindEnum, required: true }),
    announcementLeadDays: t.int({ required: false }),
    announcementMinLeadDays: t.int({ required: false }),
    announcementMaxLeadDays: t.int({ required: false }),
    reminderLeadHours: t.int({ required: false }),
    finalReminderLeadHours: t.int({ required: false }),
    imminentLeadMinutes: t.int({ required: false }),
    minimumNoticeHours: t.int({ required: false }),
    advisoryOnSchedule: t.boolean({ required: false }),
    sandboxRequired: t.boolean({ required: false }),
    typicalDowntimeMinutes: t.int({ required: false }),
    quietHoursStart: t.int({ required: false }),
    quietHoursEnd: t.int({ required: false }),
    acknowledgementCallMinutes: t.int({ required: false }),
  }),
});

const NoticePolicyUpdatePayload = builder
  .objectRef<{ policy?: NoticePolicy; userErrors: UserError[] }>('NoticePolicyUpdatePayload')
  .implement({
    fields: (t) => ({
      policy: t.field({ type: NoticePolicyRef, nullable: true, resolve: (p) => p.policy ?? null }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField('noticePolicyUpdate', (t) =>
  t.withAuth({ role: ['ADMIN'] }).field({
    type: NoticePolicyUpdatePayload,
    description: 'Admins: change the notice policy of one upgrade kind (fields left out keep their value)',
    args: { input: t.arg({ type: NoticePolicyUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const current = (await ctx.noticePolicies()).get(input.kind)!;
      const changes = Object.fromEntries(
        Object.entries(input).filter(([key, value]) => key !== 'kind' && value !== undefined && value !== null),
      );
      const policy: NoticePolicy = { ...current, ...changes };
      const problems = validateNoticePolicy(policy);
      if (problems.length > 0)
        return { userErrors: problems.map((p) => userError(p.code, p.message, ['input', p.field])) };
      const now = ctx.now();
      await ctx.prisma.$transaction(async (tx) => {
        await tx.noticePolicy.upsert({
          where: { kind: policy.kind },
          create: { ...policy, updatedById: ctx.viewer.userId },
          update: { ...policy, updatedById: ctx.viewer.userId },
        });
        await audit(tx, {
          actorId: ctx.viewer.userId,
          action: 'noticePolicy.update',
          entityType: 'NoticePolicy',
          entityId: policy.kind,
          at: now,
          data: changes,
        });
      });
      return { policy, userErrors: [] };
    },
  }),
);
