// The vendor's administration of its customers: create, update, deactivate and reactivate, and the
// account team (one IMPLEMENTATION and one CUSTOMER_CARE member) that FIX advisories, escalations
// and staff alerts go to (they read CustomerStaff, which this file alone writes).
import type { Locale, Prisma, PrismaClient, Role } from '@upgrade-desk/db';
import { isValidTimeZone } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { userError, type UserError } from '../schema/user-error.ts';
import { revokeUserCredentials } from './credentials.ts';

export interface CustomerFields {
  code?: string | null;
  name?: string | null;
  timeZone?: string | null;
  locale?: Locale | null;
  industry?: string | null;
  province?: string | null;
  address?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

/** Upper-case letters, digits and dashes, as the vendor writes them ("HANOI-WATER"). */
const CUSTOMER_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;
const PHONE = /^\+?[0-9 ().-]{6,30}$/;
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_TEXT = 200;
const MAX_ADDRESS = 500;

type Normalized = { [K in keyof CustomerFields]?: Exclude<CustomerFields[K], null> };

/**
 * Checks and trims the fields given (absent or null: left as they are). `creating` requires code
 * and name. Every problem is reported at once, each with its field.
 */
export function customerFieldProblems(
  input: CustomerFields,
  creating: boolean,
): { data: Normalized; problems: UserError[] } {
  const problems: UserError[] = [];
  const data: Normalized = {};
  const field = (name: string) => ['input', name];
  const text = (name: keyof CustomerFields, max: number, required: boolean) => {
    const value = input[name];
    if (value == null) {
      if (required) problems.push(userError('INVALID_INPUT', `Give the customer's ${name}.`, field(name)));
      return;
    }
    const trimmed = String(value).trim();
    if (required && !trimmed)
      problems.push(userError('INVALID_INPUT', `The customer's ${name} cannot be empty.`, field(name)));
    else if (trimmed.length > max) problems.push(userError('INVALID_INPUT', `At most ${max} characters.`, field(name)));
    else (data as Record<string, string>)[name] = trimmed;
  };
  if (input.code != null) {
    const code = input.code.trim().toUpperCase();
    if (!CUSTOMER_CODE.test(code)) {
      problems.push(
        userError(
          'INVALID_INPUT',
          'A customer code is 1 to 40 letters, digits and dashes, e.g. HANOI-WATER.',
          field('code'),
        ),
      );
    } else data.code = code;
  } else if (creating) problems.push(userError('INVALID_INPUT', 'Give the customer a code.', field('code')));
  text('name', MAX_TEXT, creating);
  text('industry', MAX_TEXT, false);
  text('province', MAX_TEXT, false);
  text('address', MAX_ADDRESS, false);
  if (input.timeZone != null) {
    const zone = input.timeZone.trim();
    if (!isValidTimeZone(zone)) {
      problems.push(
        userError(
          'INVALID_INPUT',
          `"${zone.slice(0, 60)}" is not an IANA time zone; use a name such as Asia/Ho_Chi_Minh.`,
          field('timeZone'),
        ),
      );
    } else data.timeZone = zone;
  }
  if (input.locale != null) data.locale = input.locale;
  if (input.contactPhone != null) {
    const phone = input.contactPhone.trim();
    if (phone && !PHONE.test(phone))
      problems.push(userError('INVALID_INPUT', 'Not a phone number, e.g. +84 24 3825 1234.', field('contactPhone')));
    else data.contactPhone = phone;
  }
  if (input.contactEmail != null) {
    const email = input.contactEmail.trim().toLowerCase();
    if (email && (email.length > 320 || !EMAIL.test(email)))
      problems.push(userError('INVALID_INPUT', 'Not an email address.', field('contactEmail')));
    else data.contactEmail = email;
  }
  return { data, problems };
}

type Result = { customerId?: string; userErrors: UserError[] };

export async function createCustomer(
  prisma: PrismaClient,
  input: CustomerFields,
  actorId: string,
  now: Date,
): Promise<Result> {
  const { data, problems } = customerFieldProblems(input, true);
  if (problems.length > 0) return { userErrors: problems };
  if (await prisma.customer.findUnique({ where: { code: data.code! }, select: { id: true } })) {
    return { userErrors: [userError('CONFLICT', `A customer with code ${data.code} exists.`, ['input', 'code'])] };
  }
  const created = await prisma.$transaction(async (tx) => {
    const customer = await tx.customer.create({
      data: { ...data, code: data.code!, name: data.name!, createdAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: 'customer.create',
      entityType: 'Customer',
      entityId: customer.id,
      at: now,
      data,
    });
    return customer;
  });
  return { customerId: created.id, userErrors: [] };
}

export async function updateCustomer(
  prisma: PrismaClient,
  customerId: string,
  input: CustomerFields,
  actorId: string,
  now: Date,
): Promise<Result> {
  const { data, problems } = customerFieldProblems(input, false);
  if (problems.length > 0) return { userErrors: problems };
  if (Object.keys(data).length === 0)
    return { userErrors: [userError('INVALID_INPUT', 'Nothing to change.', ['input'])] };
  const existing = await prisma.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!existing) return { userErrors: [userError('NOT_FOUND', 'No such customer.', ['input', 'id'])] };
  if (data.code) {
    const other = await prisma.customer.findUnique({ where: { code: data.code }, select: { id: true } });
    if (other && other.id !== customerId)
      return { userErrors: [userError('CONFLICT', `A customer with code ${data.code} exists.`, ['input', 'code'])] };
  }
  await prisma.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customerId }, data });
    await audit(tx, {
      actorId,
      action: 'customer.update',
      entityType: 'Customer',
      entityId: customerId,
      at: now,
      data,
    });
  });
  return { customerId, userErrors: [] };
}

/**
 * Deactivating stops the customer's users from logging in (sessionCreate refuses them) and ends
 * their sessions and API tokens at once; nothing is deleted, and reactivation lets them back in.
 */
export async function setCustomerActive(
  prisma: PrismaClient,
  customerId: string,
  active: boolean,
  actorId: string,
  now: Date,
): Promise<Result> {
  const customer = await prisma.customer.findUnique({
    where: { id: customerId },
    select: { id: true, deactivatedAt: true, users: { select: { id: true } } },
  });
  if (!customer) return { userErrors: [userError('NOT_FOUND', 'No such customer.', ['input', 'id'])] };
  if (active === (customer.deactivatedAt === null)) {
    const state = active ? 'active' : 'deactivated';
    return { userErrors: [userError('INVALID_TRANSITION', `The customer is already ${state}.`, ['input', 'id'])] };
  }
  await prisma.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customerId }, data: { deactivatedAt: active ? null : now } });
    await audit(tx, {
      actorId,
      action: active ? 'customer.reactivate' : 'customer.deactivate',
      entityType: 'Customer',
      entityId: customerId,
      at: now,
    });
  });
  if (!active)
    await revokeUserCredentials(
      prisma,
      customer.users.map((u) => u.id),
      now,
    );
  return { customerId, userErrors: [] };
}

export const ACCOUNT_TEAM_ROLES = ['IMPLEMENTATION', 'CUSTOMER_CARE'] as const satisfies readonly Role[];

/**
 * Puts one IMPLEMENTATION and one CUSTOMER_CARE member in charge of the customer, replacing the
 * previous team. Each must be an enabled vendor staff member of that role.
 */
export async function assignAccountTeam(
  prisma: PrismaClient,
  input: { customerId: string; implementationId: string; customerCareId: string },
  actorId: string,
  now: Date,
): Promise<Result> {
  const customer = await prisma.customer.findUnique({ where: { id: input.customerId }, select: { id: true } });
  if (!customer) return { userErrors: [userError('NOT_FOUND', 'No such customer.', ['input', 'customerId'])] };
  const wanted: { id: string; role: Role; field: string }[] = [
    { id: input.implementationId, role: 'IMPLEMENTATION', field: 'implementationId' },
    { id: input.customerCareId, role: 'CUSTOMER_CARE', field: 'customerCareId' },
  ];
  const staff = await prisma.user.findMany({
    where: { id: { in: wanted.map((w) => w.id) } },
    select: { id: true, role: true, customerId: true, disabledAt: true },
  });
  const problems: UserError[] = [];
  for (const w of wanted) {
    const user = staff.find((s) => s.id === w.id);
    if (!user || user.customerId !== null)
      problems.push(userError('NOT_FOUND', 'No such vendor staff member.', ['input', w.field]));
    else if (user.role !== w.role)
      problems.push(userError('INVALID_INPUT', `This staff member's role is not ${w.role}.`, ['input', w.field]));
    else if (user.disabledAt)
      problems.push(userError('INVALID_INPUT', 'This staff member is disabled.', ['input', w.field]));
  }
  if (problems.length > 0) return { userErrors: problems };
  await prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.customerStaff.deleteMany({ where: { customerId: input.customerId } });
    await tx.customerStaff.createMany({
      data: wanted.map((w) => ({ customerId: input.customerId, userId: w.id })),
    });
    await audit(tx, {
      actorId,
      action: 'customer.assignTeam',
      entityType: 'Customer',
      entityId: input.customerId,
      at: now,
      data: { implementationId: input.implementationId, customerCareId: input.customerCareId },
    });
  });
  return { customerId: input.customerId, userErrors: [] };
}
