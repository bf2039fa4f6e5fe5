import { uniqueId, visibleCustomers } from '../auth/visibility.ts';
import { isStaff } from '../auth/viewer.ts';
import { calendarFeedUrl, ensureCalendarToken, rotateCalendarToken } from '../calendar/calendar-token.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { userError, UserErrorRef, type UserError } from './user-error.ts';

// The customer's maintenance calendar: a secret ICS feed URL (served by calendar/feed-route.ts)
// that calendar apps subscribe to, and the mutation that revokes it by issuing a new one.

builder.prismaObjectFields(CustomerNode, (t) => ({
  calendarUrl: t.string({
    nullable: true,
    description:
      "Secret ICS feed of the upgrades announced to this customer, for calendar apps; customerCalendarRotate revokes it. This customer's users and vendor staff only",
    select: { calendarToken: true },
    // A customer reaches only its own Customer anyway (visibility.ts); this keeps the secret so if
    // another path to a Customer object is ever added.
    authScopes: (customer, _args, ctx) => isStaff(ctx.viewer) || ctx.viewer?.customerId === customer.id,
    resolve: async (customer, _args, ctx) => {
      const token = customer.calendarToken ?? (await ensureCalendarToken(ctx.prisma, customer.id));
      return token ? calendarFeedUrl(ctx.config, token) : null;
    },
  }),
}));

const CustomerCalendarRotateInput = builder.inputType('CustomerCalendarRotateInput', {
  fields: (t) => ({
    customerId: t.globalID({
      required: false,
      for: [CustomerNode],
      description: "Vendor staff: whose calendar. A customer admin rotates its own customer's (may be omitted)",
    }),
  }),
});

interface CustomerCalendarRotateResult {
  customerId?: string;
  calendarUrl?: string;
  userErrors: UserError[];
}

const CustomerCalendarRotatePayload = builder
  .objectRef<CustomerCalendarRotateResult>('CustomerCalendarRotatePayload')
  .implement({
    fields: (t) => ({
      calendarUrl: t.string({ nullable: true, description: 'The new feed URL', resolve: (p) => p.calendarUrl ?? null }),
      customer: t.prismaField({
        type: 'Customer',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.customerId
            ? ctx.prisma.customer.findUnique({
                ...query,
                where: { id: p.customerId, AND: [visibleCustomers(ctx.viewer)] },
              })
            : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const NO_SUCH_CUSTOMER = userError('NOT_FOUND', 'No such customer.', ['input', 'customerId']);

builder.mutationField('customerCalendarRotate', (t) =>
  t.withAuth({ customerAdmin: true, staff: true }).field({
    type: CustomerCalendarRotatePayload,
    description:
      'Replaces the calendar feed URL; the old one stops working at once. Customer admins (their own customer) and vendor staff',
    args: { input: t.arg({ type: CustomerCalendarRotateInput, required: false }) },
    resolve: async (_root, { input }, ctx): Promise<CustomerCalendarRotateResult> => {
      const viewer = ctx.viewer;
      const requested = input?.customerId?.id;
      let customerId: string;
      if (isStaff(viewer)) {
        if (!requested) {
          return {
            userErrors: [userError('INVALID_INPUT', 'Vendor staff must name the customer.', ['input', 'customerId'])],
          };
        }
        customerId = uniqueId(requested);
      } else {
        // Another customer's id is answered exactly like an unknown one.
        if (!viewer.customerId || (requested && requested !== viewer.customerId))
          return { userErrors: [NO_SUCH_CUSTOMER] };
        customerId = viewer.customerId;
      }
      const token = await ctx.prisma.$transaction(async (tx) => {
        const rotated = await rotateCalendarToken(tx, customerId);
        if (rotated) {
          await tx.auditLog.create({
            data: {
              actorId: viewer.userId,
              action: 'customer.calendarRotate',
              entityType: 'Customer',
              entityId: customerId,
              at: ctx.now(),
            },
          });
        }
        return rotated;
      });
      if (!token) return { userErrors: [NO_SUCH_CUSTOMER] };
      return { customerId, calendarUrl: calendarFeedUrl(ctx.config, token), userErrors: [] };
    },
  }),
);
