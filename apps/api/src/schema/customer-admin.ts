// The vendor's administration of customers (ADMIN): create, update, deactivate/reactivate, and the
// account team. The rules live in admin/customers.ts; these are the GraphQL shapes around them.
import { uniqueId } from '../auth/visibility.ts';
import {
  ACCOUNT_TEAM_ROLES,
  assignAccountTeam,
  createCustomer,
  setCustomerActive,
  updateCustomer,
} from '../admin/customers.ts';
import { builder, type ViewerContext } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';
import { UserNode } from './user.ts';
import { entityPayload, UserErrorRef, type EntityPayload } from './user-error.ts';

interface AccountTeamMember {
  role: (typeof ACCOUNT_TEAM_ROLES)[number];
  name: string;
  userId: string;
}

const AccountTeamMemberRef = builder.objectRef<AccountTeamMember>('AccountTeamMember').implement({
  description:
    "A vendor staff member in charge of the customer. Customers see the name and role (the role's title is the client's to translate), never the login email.",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (m) => m.role }),
    name: t.exposeString('name'),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      // Customers see the member as a contact: name and role title; User.email and User.role refuse them.
      description: 'The staff member; a customer reads only their name and roleTitle',
      resolve: (query, m, _args, ctx) => ctx.prisma.user.findUnique({ ...query, where: { id: m.userId } }),
    }),
  }),
});

builder.prismaObjectFields(CustomerNode, (t) => ({
  address: t.exposeString('address'),
  contactPhone: t.exposeString('contactPhone'),
  contactEmail: t.exposeString('contactEmail'),
  deactivatedAt: t.expose('deactivatedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'Set when the vendor deactivated the customer: its users cannot log in',
  }),
  accountTeam: t.field({
    type: [AccountTeamMemberRef],
    description: 'The IMPLEMENTATION and CUSTOMER_CARE staff in charge (FIX advisories, escalations, alerts)',
    select: {
      staffAssignments: {
        where: { user: { role: { in: [...ACCOUNT_TEAM_ROLES] }, disabledAt: null } },
        select: { user: { select: { id: true, name: true, role: true } } },
        orderBy: { user: { role: 'asc' } },
      },
    },
    resolve: (customer) =>
      customer.staffAssignments.map(({ user }) => ({
        role: user.role as AccountTeamMember['role'],
        name: user.name,
        userId: user.id,
      })),
  }),
}));

function customerPayload(name: string) {
  return builder.objectRef<EntityPayload>(name).implement({
    fields: (t) => ({
      customer: t.prismaField({
        type: 'Customer',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.id ? ctx.prisma.customer.findUnique({ ...query, where: { id: p.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
}

const CustomerCreatePayload = customerPayload('CustomerCreatePayload');
const CustomerUpdatePayload = customerPayload('CustomerUpdatePayload');
const CustomerDeactivatePayload = customerPayload('CustomerDeactivatePayload');
const CustomerReactivatePayload = customerPayload('CustomerReactivatePayload');
const CustomerAssignTeamPayload = customerPayload('CustomerAssignTeamPayload');

const CustomerCreateInput = builder.inputType('CustomerCreateInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Unique; letters, digits and dashes, e.g. HANOI-WATER' }),
    name: t.string({ required: true }),
    timeZone: t.string({ required: false, description: 'IANA name; default Asia/Ho_Chi_Minh' }),
    locale: t.field({ type: LocaleEnum, required: false, description: 'Default VI' }),
    industry: t.string({ required: false }),
    province: t.string({ required: false }),
    address: t.string({ required: false }),
    contactPhone: t.string({ required: false }),
    contactEmail: t.string({ required: false }),
  }),
});

const CustomerUpdateInput = builder.inputType('CustomerUpdateInput', {
  description: 'Only the fields given change',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [CustomerNode] }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    timeZone: t.string({ required: false }),
    locale: t.field({ type: LocaleEnum, required: false }),
    industry: t.string({ required: false }),
    province: t.string({ required: false }),
    address: t.string({ required: false }),
    contactPhone: t.string({ required: false }),
    contactEmail: t.string({ required: false }),
  }),
});

const CustomerIdInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ id: t.globalID({ required: true, for: [CustomerNode] }) }) });
const CustomerDeactivateInput = CustomerIdInput('CustomerDeactivateInput');
const CustomerReactivateInput = CustomerIdInput('CustomerReactivateInput');

const CustomerAssignTeamInput = builder.inputType('CustomerAssignTeamInput', {
  fields: (t) => ({
    customerId: t.globalID({ required: true, for: [CustomerNode] }),
    implementationId: t.globalID({ required: true, for: [UserNode], description: 'An IMPLEMENTATION staff member' }),
    customerCareId: t.globalID({ required: true, for: [UserNode], description: 'A CUSTOMER_CARE staff member' }),
  }),
});

/** Deactivates (false) or reactivates (true) the customer the input names. */
const setActive =
  (active: boolean) =>
  async (_root: unknown, { input }: { input: { id: { id: string } } }, ctx: ViewerContext) =>
    entityPayload(
      await setCustomerActive(ctx.prisma, ctx.credentials, uniqueId(input.id.id), active, ctx.viewer.userId, ctx.now()),
    );

builder.mutationFields((t) => {
  const adminOnly = t.withAuth({ role: ['ADMIN'] });
  return {
    customerCreate: adminOnly.field({
      type: CustomerCreatePayload,
      description: 'ADMIN: a new customer',
      args: { input: t.arg({ type: CustomerCreateInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(await createCustomer(ctx.prisma, input, ctx.viewer.userId, ctx.now())),
    }),
    customerUpdate: adminOnly.field({
      type: CustomerUpdatePayload,
      description: "ADMIN: change a customer's details",
      args: { input: t.arg({ type: CustomerUpdateInput, required: true }) },
      resolve: async (_root, { input: { id, ...fields } }, ctx) =>
        entityPayload(await updateCustomer(ctx.prisma, uniqueId(id.id), fields, ctx.viewer.userId, ctx.now())),
    }),
    customerDeactivate: adminOnly.field({
      type: CustomerDeactivatePayload,
      description:
        "ADMIN: the customer's users can no longer log in; their sessions and API tokens end. Nothing is deleted.",
      args: { input: t.arg({ type: CustomerDeactivateInput, required: true }) },
      resolve: setActive(false),
    }),
    customerReactivate: adminOnly.field({
      type: CustomerReactivatePayload,
      description: "ADMIN: undo a deactivation; the customer's users may log in again",
      args: { input: t.arg({ type: CustomerReactivateInput, required: true }) },
      resolve: setActive(true),
    }),
    customerAssignTeam: adminOnly.field({
      type: CustomerAssignTeamPayload,
      description:
        'ADMIN: the IMPLEMENTATION and CUSTOMER_CARE staff in charge of the customer (replaces the previous team)',
      args: { input: t.arg({ type: CustomerAssignTeamInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await assignAccountTeam(
            ctx.prisma,
            {
              customerId: uniqueId(input.customerId.id),
              implementationId: uniqueId(input.implementationId.id),
              customerCareId: uniqueId(input.customerCareId.id),
            },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
  };
});
