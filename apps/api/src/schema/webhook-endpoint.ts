import type { WebhookEndpoint } from '@upgrade-desk/db';
import { z } from 'zod';
import { isStaff } from '../auth/viewer.ts';
import { uniqueId, visibleDeliveries, visibleWebhookEndpoints } from '../auth/visibility.ts';
import { newWebhookSecret } from '../notices/channels/webhook.ts';
import { checkWebhookUrl, WEBHOOK_URL_PROBLEM_MESSAGES } from '../notices/channels/webhook-url.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { DELIVERY_LOG_ORDER, DeliveryConnection, DeliveryNode } from './delivery.ts';
import { userError, UserErrorRef, userErrorsOf, type UserError } from './user-error.ts';
import { lockCustomer } from '../customer-lock.ts';
import { limitReached } from '../problem.ts';
import type { Config } from '../config.ts';

export const WebhookEndpointNode = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  nullable: true,
  description:
    "A partner tool's URL that receives each published notice as a signed JSON POST (see the README's Webhooks section)",
  findUnique: (id, ctx) => ({ id: uniqueId(id), AND: [visibleWebhookEndpoints(ctx.viewer)] }),
  fields: (t) => ({
    url: t.exposeString('url'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true, description: 'Set when deleted' }),
    active: t.boolean({ resolve: (endpoint) => endpoint.disabledAt === null }),
    customer: t.relation('customer'),
    deliveries: t.relatedConnection(
      'deliveries',
      {
        cursor: 'id',
        totalCount: true,
        description: 'The delivery log, newest first',
        query: (_args, ctx) => ({ where: visibleDeliveries(ctx.viewer), orderBy: DELIVERY_LOG_ORDER }),
      },
      DeliveryConnection,
    ),
  }),
});

builder.prismaObjectField(DeliveryNode, 'webhookEndpoint', (t) =>
  t.relation('webhookEndpoint', { nullable: true, description: 'WEBHOOK deliveries: the endpoint' }),
);

builder.prismaObjectField(CustomerNode, 'webhookEndpoints', (t) =>
  t.relation('webhookEndpoints', {
    description:
      "The customer's webhook endpoints: for its admins and vendor staff. Active ones first, oldest first; with includeDeleted, then the most recently deleted, at most 100 endpoints in all",
    // Customer users see their customer, but its integrations are its admins' business.
    authScopes: (customer, _args, ctx) =>
      isStaff(ctx.viewer) || (ctx.viewer?.role === 'CUSTOMER_ADMIN' && ctx.viewer.customerId === customer.id),
    args: { includeDeleted: t.arg.boolean({ required: false, defaultValue: false }) },
    query: (args, ctx) => ({
      where: { ...visibleWebhookEndpoints(ctx.viewer), ...(args.includeDeleted ? {} : { disabledAt: null }) },
      // Deleted endpoints pile up over the years: the list is bounded, keeping the active and the latest.
      orderBy: [{ disabledAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
    }),
  }),
);

const WebhookEndpointCreateInput = builder.inputType('WebhookEndpointCreateInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'https:// (http://localhost only in development)' }),
    description: t.string({ required: false, validate: z.string().max(200) }),
  }),
});

interface WebhookEndpointCreateResult {
  webhookEndpoint?: WebhookEndpoint;
  secret?: string;
  userErrors: UserError[];
}

const WebhookEndpointCreatePayload = builder
  .objectRef<WebhookEndpointCreateResult>('WebhookEndpointCreatePayload')
  .implement({
    fields: (t) => ({
      webhookEndpoint: t.field({
        type: WebhookEndpointNode,
        nullable: true,
        resolve: (p) => p.webhookEndpoint ?? null,
      }),
      secret: t.string({
        nullable: true,
        description:
          'The Standard Webhooks signing secret (`whsec_` + base64 key). Shown once: it cannot be read again.',
        resolve: (p) => p.secret ?? null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const WebhookEndpointDeleteInput = builder.inputType('WebhookEndpointDeleteInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: [WebhookEndpointNode] }) }),
});

interface WebhookEndpointResult {
  webhookEndpoint?: WebhookEndpoint;
  userErrors: UserError[];
}

/** The payload of a mutation on one endpoint: the endpoint, or the user errors. */
const endpointPayload = (name: string) =>
  builder.objectRef<WebhookEndpointResult>(name).implement({
    fields: (t) => ({
      webhookEndpoint: t.field({
        type: WebhookEndpointNode,
        nullable: true,
        resolve: (p) => p.webhookEndpoint ?? null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const WebhookEndpointDeletePayload = endpointPayload('WebhookEndpointDeletePayload');
const WebhookEndpointUpdatePayload = endpointPayload('WebhookEndpointUpdatePayload');

const WebhookEndpointUpdateInput = builder.inputType('WebhookEndpointUpdateInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [WebhookEndpointNode] }),
    url: t.string({ required: false, description: 'A new URL, checked as on creation; pending deliveries go there' }),
    description: t.string({ required: false, validate: z.string().max(200) }),
  }),
});

const URL_FIELD = ['input', 'url'];

/**
 * The URL as it will be stored, or the user error saying why not. Security: a host written as a
 * private or loopback address (in any spelling) is refused here; names are judged at each delivery.
 */
function checkedEndpointUrl(url: string, config: Config): { url: string } | { userErrors: UserError[] } {
  const checked = checkWebhookUrl(url, { allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK_HTTP });
  if (checked.ok) return { url: checked.url };
  return { userErrors: [userError('INVALID_INPUT', WEBHOOK_URL_PROBLEM_MESSAGES[checked.problem], URL_FIELD)] };
}

const duplicateUrl = () => ({
  userErrors: [userError('CONFLICT', 'An active endpoint already has this URL.', URL_FIELD)],
});

builder.mutationFields((t) => ({
  webhookEndpointCreate: t.withAuth({ customerAdmin: true }).field({
    type: WebhookEndpointCreatePayload,
    description: "A customer admin subscribes a partner tool to the customer's published notices",
    args: { input: t.arg({ type: WebhookEndpointCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<WebhookEndpointCreateResult> => {
      const customerId = ctx.viewer.customerId!;
      const checked = checkedEndpointUrl(input.url, ctx.config);
      if ('userErrors' in checked) return checked;
      // Security: the secret is stored as is because signing needs it (an HMAC key cannot be kept
      // as a hash); it is returned here once and no field ever reads it again.
      const secret = newWebhookSecret();
      return ctx.prisma.$transaction(async (tx): Promise<WebhookEndpointCreateResult> => {
        // Serialises concurrent creations for one customer, so the cap and the unique URL hold.
        await lockCustomer(tx, customerId);
        const active = await tx.webhookEndpoint.findMany({
          where: { customerId, disabledAt: null },
          select: { url: true },
        });
        if (active.some((endpoint) => endpoint.url === checked.url)) return duplicateUrl();
        // A customer's partner tools are few; the cap keeps one publication from fanning out without bound.
        const max = ctx.config.MAX_WEBHOOK_ENDPOINTS_PER_CUSTOMER;
        if (active.length >= max) {
          return { userErrors: userErrorsOf([limitReached('webhook endpoints', max, 'delete one first.', ['url'])]) };
        }
        const webhookEndpoint = await tx.webhookEndpoint.create({
          data: {
            customerId,
            url: checked.url,
            description: input.description?.trim() ?? '',
            secret,
            createdAt: ctx.now(),
          },
        });
        return { webhookEndpoint, secret, userErrors: [] };
      });
    },
  }),
  webhookEndpointUpdate: t.withAuth({ customerAdmin: true }).field({
    type: WebhookEndpointUpdatePayload,
    description: "A customer admin changes an active endpoint's URL or description (the secret stays)",
    args: { input: t.arg({ type: WebhookEndpointUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<WebhookEndpointResult> => {
      const customerId = ctx.viewer.customerId!;
      const checked = input.url == null ? null : checkedEndpointUrl(input.url, ctx.config);
      if (checked && 'userErrors' in checked) return checked;
      const id = uniqueId(input.id.id);
      return ctx.prisma.$transaction(async (tx): Promise<WebhookEndpointResult> => {
        // Serialises with creations and other changes for the customer, so URLs stay unique.
        await lockCustomer(tx, customerId);
        const endpoint = await tx.webhookEndpoint.findFirst({
          where: { id, customerId, disabledAt: null, ...visibleWebhookEndpoints(ctx.viewer) },
          select: { id: true },
        });
        if (!endpoint) return { userErrors: [userError('NOT_FOUND', 'No such webhook endpoint.', ['input', 'id'])] };
        if (checked) {
          const clash = await tx.webhookEndpoint.count({
            where: { customerId, disabledAt: null, url: checked.url, id: { not: id } },
          });
          if (clash > 0) return duplicateUrl();
        }
        const webhookEndpoint = await tx.webhookEndpoint.update({
          where: { id },
          data: {
            ...(checked ? { url: checked.url } : {}),
            ...(input.description == null ? {} : { description: input.description.trim() }),
          },
        });
        return { webhookEndpoint, userErrors: [] };
      });
    },
  }),
  webhookEndpointDelete: t.field({
    type: WebhookEndpointDeletePayload,
    description: 'Stops deliveries to the endpoint (pending ones are abandoned); its delivery log is kept',
    // The customer's admins, and the vendor's ADMIN (to stop an endpoint that misbehaves).
    authScopes: { customerAdmin: true, role: ['ADMIN'] },
    args: { input: t.arg({ type: WebhookEndpointDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = uniqueId(input.id.id);
      const now = ctx.now();
      const webhookEndpoint = await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.webhookEndpoint.updateMany({
          where: { id, disabledAt: null, ...visibleWebhookEndpoints(ctx.viewer) },
          data: { disabledAt: now },
        });
        if (count === 0) return null;
        await tx.delivery.updateMany({
          where: { webhookEndpointId: id, status: { in: ['PENDING', 'FAILED'] } },
          data: { status: 'ABANDONED', lastError: 'The webhook endpoint was deleted.' },
        });
        return tx.webhookEndpoint.findUniqueOrThrow({ where: { id } });
      });
      if (!webhookEndpoint)
        return { userErrors: [userError('NOT_FOUND', 'No such webhook endpoint.', ['input', 'id'])] };
      return { webhookEndpoint, userErrors: [] };
    },
  }),
}));
