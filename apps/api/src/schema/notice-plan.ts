// The per-customer notice plan staff read before publishing (Upgrade.noticePlan, upgradePlanPreview):
// plain objects built by apps/api/src/notices/plan-preview.ts.
import { formatLocalDateTime, formatLocalWindow } from '@upgrade-desk/domain';
import type { CustomerNoticePlan, PreviewedNotice } from '../notices/plan-preview.ts';
import { builder } from './builder.ts';
import { LocaleEnum, NoticeChannelEnum, NoticeStageEnum, PolicyWarningEnum } from './enums.ts';

export const NoticeStateEnum = builder.enumType('NoticeState', {
  description: 'PENDING: planned, not yet sent; PUBLISHED: sent; SUPERSEDED: replaced by a new plan, never sent',
  values: ['PENDING', 'PUBLISHED', 'SUPERSEDED'] as const,
});

type PlannedNoticeShape = PreviewedNotice & { timeZone: string };

const PlannedNoticeRef = builder.objectRef<PlannedNoticeShape>('PlannedNotice').implement({
  description: 'One notice of the plan, exactly as the customer will receive it',
  fields: (t) => ({
    stage: t.field({ type: NoticeStageEnum, resolve: (n) => n.stage }),
    state: t.field({ type: NoticeStateEnum, resolve: (n) => n.state }),
    scheduledFor: t.field({ type: 'DateTime', description: 'when it goes out (UTC)', resolve: (n) => n.scheduledFor }),
    scheduledForLocal: t.string({
      description: "when it goes out, in the customer's time zone and language",
      resolve: (n) => formatLocalDateTime(n.scheduledFor, n.timeZone, n.locale),
    }),
    channels: t.field({ type: [NoticeChannelEnum], resolve: (n) => n.channels }),
    recipients: t.stringList({
      description:
        'everyone it reaches beyond the in-app inbox, as of now: email addresses, then webhook URLs (in the order of channels)',
      resolve: (n) => n.deliveries.map((d) => d.recipient),
    }),
    locale: t.field({ type: LocaleEnum, resolve: (n) => n.locale }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    requiresAcknowledgement: t.exposeBoolean('requiresAcknowledgement'),
    acknowledgeBy: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.acknowledgeBy }),
  }),
});

export const CustomerNoticePlanRef = builder.objectRef<CustomerNoticePlan>('CustomerNoticePlan').implement({
  description: 'What one target customer will be told, and what it raises against the policy',
  fields: (t) => ({
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, plan, _args, ctx) =>
        ctx.prisma.customer.findUniqueOrThrow({ ...query, where: { id: plan.customerId } }),
    }),
    timeZone: t.exposeString('timeZone'),
    locale: t.field({ type: LocaleEnum, resolve: (p) => p.locale }),
    windowStart: t.field({ type: 'DateTime', resolve: (p) => p.windowStart }),
    windowEnd: t.field({ type: 'DateTime', resolve: (p) => p.windowEnd }),
    windowLocal: t.string({
      description: "the customer's window in its time zone and language",
      resolve: (p) => formatLocalWindow(p.windowStart, p.windowEnd, p.timeZone, p.locale),
    }),
    warnings: t.field({ type: [PolicyWarningEnum], resolve: (p) => p.warnings }),
    eventChannels: t.field({
      type: [NoticeChannelEnum],
      description:
        'the channels a notice sent to this customer now (RESCHEDULED, CANCELLED, COMPLETED, FAILED) would reach: IN_APP, then EMAIL and WEBHOOK when it has recipients there',
      resolve: (p) => p.eventChannels,
    }),
    notices: t.field({
      type: [PlannedNoticeRef],
      resolve: (p) => p.notices.map((n) => ({ ...n, timeZone: p.timeZone })),
    }),
  }),
});
