// Where each target customer of an upgrade stands with its acknowledgements (Upgrade.acknowledgementProgress):
// the domain's acknowledgementStanding over the customer's notices. Its own file because it joins
// Upgrade and Customer, whose files import each other's types one way only.
import type { Customer } from '@upgrade-desk/db';
import {
  ACKNOWLEDGEMENT_STATES,
  acknowledgementStanding,
  type AcknowledgementStanding,
  type GivenAcknowledgement,
} from '@upgrade-desk/domain';
import { visibleNotices } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { NoticeStageEnum } from './enums.ts';
import { customerPageArgs, UpgradeNode } from './upgrade.ts';

const AcknowledgementStateEnum = builder.enumType('AcknowledgementState', {
  description:
    'OVERDUE: a notice past its deadline is unacknowledged; PENDING: one awaits it in time; ACKNOWLEDGED: every notice asking for it was; NOT_ASKED: no notice has asked yet',
  values: ACKNOWLEDGEMENT_STATES,
});

const AcknowledgementGivenRef = builder.objectRef<GivenAcknowledgement>('AcknowledgementGiven').implement({
  fields: (t) => ({
    stage: t.field({ type: NoticeStageEnum, resolve: (a) => a.stage }),
    name: t.exposeString('name', { nullable: true, description: 'the user who acknowledged (null once deleted)' }),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
  }),
});

const CustomerAcknowledgementRef = builder
  .objectRef<AcknowledgementStanding & { customer: Customer }>('CustomerAcknowledgement')
  .implement({
    description: 'Where one target customer stands with the acknowledgements the upgrade asked of it',
    fields: (t) => ({
      customer: t.field({ type: CustomerNode, resolve: (a) => a.customer }),
      state: t.field({ type: AcknowledgementStateEnum, resolve: (a) => a.state }),
      acknowledged: t.exposeInt('acknowledged'),
      pending: t.exposeInt('pending', { description: 'awaited, deadline not yet passed' }),
      overdue: t.exposeInt('overdue', { description: 'past their deadline and not acknowledged' }),
      deadline: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'the earliest deadline still open (pending or overdue)',
        resolve: (a) => a.deadline,
      }),
      by: t.field({
        type: [AcknowledgementGivenRef],
        description: 'who acknowledged which notice, and when, oldest first',
        resolve: (a) => a.by,
      }),
    }),
  });

builder.prismaObjectFields(UpgradeNode, (t) => ({
  acknowledgementProgress: t.field({
    type: [CustomerAcknowledgementRef],
    authScopes: { staff: true },
    args: customerPageArgs,
    description:
      'Vendor staff: each target customer (by name) with where it stands with the acknowledgements its published notices ask for',
    // Loaded in the upgrades' own query tree, so a board of many upgrades costs the same few statements.
    select: (args, ctx, nestedSelection) => ({
      targets: {
        orderBy: [{ customer: { name: 'asc' } }, { customerId: 'asc' }],
        skip: args.offset ?? 0,
        take: args.first ?? undefined,
        select: { customerId: true, customer: nestedSelection(true, ['customer']) },
      },
      notices: {
        where: { AND: [visibleNotices(ctx.viewer), { requiresAcknowledgement: true }] },
        select: {
          customerId: true,
          stage: true,
          requiresAcknowledgement: true,
          acknowledgeBy: true,
          supersededAt: true,
          acknowledgement: { select: { at: true, user: { select: { name: true } } } },
        },
      },
    }),
    resolve: (upgrade, _args, ctx) => {
      const now = ctx.now();
      return upgrade.targets.map((target) => ({
        customer: target.customer,
        ...acknowledgementStanding(
          upgrade.notices
            .filter((n) => n.customerId === target.customerId)
            .map((n) => ({
              stage: n.stage,
              requiresAcknowledgement: n.requiresAcknowledgement,
              acknowledgeBy: n.acknowledgeBy,
              acknowledgement: n.acknowledgement
                ? { at: n.acknowledgement.at, by: n.acknowledgement.user?.name ?? null }
                : null,
              superseded: n.supersededAt !== null,
            })),
          now,
        ),
      }));
    },
  }),
}));
