import type { NoticePolicy, NoticeShift, PolicyChangeEffect } from '@upgrade-desk/domain';
import { vendorContact } from '../config.ts';
import { previewPolicyChange, savePolicyChange, type PolicyChangePreview } from '../upgrades/policy-change.ts';
import { builder, type ViewerContext } from './builder.ts';
import { NoticeStageEnum, PolicyWarningEnum, UpgradeKindEnum } from './enums.ts';
import { UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';

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

/** Shown per upgrade at most: the count says how many there are in all. */
export const MAX_SHIFTS_SHOWN = 50;
/** Upgrades listed at most: the count says how many there are in all. */
export const MAX_EFFECTS_SHOWN = 100;

const NoticeShiftRef = builder.objectRef<NoticeShift>('NoticePolicyNoticeShift').implement({
  description: 'A pending notice the policy change moves, adds (no `from`) or drops (no `to`)',
  fields: (t) => ({
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, shift, _args, ctx) =>
        ctx.prisma.customer.findUniqueOrThrow({ ...query, where: { id: shift.customerId } }),
    }),
    stage: t.field({ type: NoticeStageEnum, resolve: (s) => s.stage }),
    from: t.field({ type: 'DateTime', nullable: true, description: 'when it goes out now', resolve: (s) => s.from }),
    to: t.field({ type: 'DateTime', nullable: true, description: 'when it would go out', resolve: (s) => s.to }),
    acknowledgeBy: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'the acknowledgement deadline it would have',
      resolve: (s) => s.acknowledgeBy,
    }),
  }),
});

const PolicyEffectRef = builder.objectRef<PolicyChangeEffect>('NoticePolicyUpgradeEffect').implement({
  description: 'What a policy change does to one published upgrade whose plan still stands',
  fields: (t) => ({
    upgrade: t.prismaField({
      type: 'Upgrade',
      resolve: (query, effect, _args, ctx) =>
        ctx.prisma.upgrade.findUniqueOrThrow({ ...query, where: { id: effect.upgradeId } }),
    }),
    replanned: t.exposeBoolean('replanned', {
      description: 'Saving replaces its pending notices by a new plan (what was sent stays sent)',
    }),
    shiftCount: t.int({ description: 'Pending notices moved, added or dropped', resolve: (e) => e.shifts.length }),
    shifts: t.field({
      type: [NoticeShiftRef],
      description: `The first ${MAX_SHIFTS_SHOWN}, by customer and time`,
      resolve: (e) => e.shifts.slice(0, MAX_SHIFTS_SHOWN),
    }),
    warningsGained: t.field({ type: [PolicyWarningEnum], resolve: (e) => e.warningsGained }),
    warningsLost: t.field({ type: [PolicyWarningEnum], resolve: (e) => e.warningsLost }),
  }),
});

const NoticePolicyPreviewRef = builder.objectRef<PolicyChangePreview>('NoticePolicyPreview').implement({
  fields: (t) => ({
    policy: t.field({ type: NoticePolicyRef, description: 'The policy saving would leave', resolve: (p) => p.policy }),
    standingUpgrades: t.exposeInt('standingUpgrades', {
      description: 'Published upgrades of the kind whose notice plan still stands',
    }),
    affectedUpgrades: t.int({
      description: 'Of those, the ones the change replans or whose warnings change',
      resolve: (p) => p.effects.length,
    }),
    upgrades: t.field({
      type: [PolicyEffectRef],
      description: `The first ${MAX_EFFECTS_SHOWN} affected upgrades, soonest window first`,
      resolve: (p) => p.effects.slice(0, MAX_EFFECTS_SHOWN),
    }),
  }),
});

const NoticePolicyPreviewPayload = builder
  .objectRef<{ preview?: PolicyChangePreview; userErrors: UserError[] }>('NoticePolicyPreviewPayload')
  .implement({
    fields: (t) => ({
      preview: t.field({ type: NoticePolicyPreviewRef, nullable: true, resolve: (p) => p.preview ?? null }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const policyActor = async (ctx: ViewerContext) => ({
  userId: ctx.viewer.userId,
  now: ctx.now(),
  policies: await ctx.noticePolicies(),
  vendor: vendorContact(ctx.config),
});

builder.queryField('noticePolicyPreview', (t) =>
  t.withAuth({ staff: true }).field({
    type: NoticePolicyPreviewPayload,
    description:
      'Vendor staff: what saving this policy edit would do now to the published upgrades of its kind (notices moved, added or dropped; warnings gained or lost); nothing is written',
    args: { input: t.arg({ type: NoticePolicyUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await previewPolicyChange(ctx.prisma, input, await policyActor(ctx));
      return outcome.ok ? { preview: outcome.value, userErrors: [] } : { userErrors: userErrorsOf(outcome.problems) };
    },
  }),
);

builder.mutationField('noticePolicyUpdate', (t) =>
  t.withAuth({ role: ['ADMIN'] }).field({
    type: NoticePolicyUpdatePayload,
    description:
      'Admins: change the notice policy of one upgrade kind (fields left out keep their value); the published upgrades it plans differently are replanned (see noticePolicyPreview)',
    args: { input: t.arg({ type: NoticePolicyUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await savePolicyChange(ctx.prisma, input, await policyActor(ctx));
      if (!outcome.ok) return { userErrors: userErrorsOf(outcome.problems) };
      ctx.noticesChanged();
      return { policy: outcome.value, userErrors: [] };
    },
  }),
);
