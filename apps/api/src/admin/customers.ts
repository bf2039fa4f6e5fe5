// The vendor's administration of its customers: create, update, deactivate and reactivate, and the
// account team (one IMPLEMENTATION and one CUSTOMER_CARE member) that FIX advisories, escalations
// and staff alerts go to (they read CustomerStaff, which this file alone writes).
import type { Prisma, PrismaClient, Role } from '@upgrade-desk/db';
import { checkCustomerFields, type CustomerFields } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { done, problem, refused, type Outcome, type Problem } from '../problem.ts';
import { revokeUserCredentials, type CredentialDrops } from './credentials.ts';

export type { CustomerFields };

/** The id of the customer created or changed, or why not. */
type Result = Outcome<string>;

const NO_SUCH_CUSTOMER = (field: string) => refused(problem('NOT_FOUND', 'No such customer.', [field]));
const codeTaken = (code: string) => refused(problem('CONFLICT', `A customer with code ${code} exists.`, ['code']));

function checked(input: CustomerFields, creating: boolean) {
  const result = checkCustomerFields(input, creating);
  return result.ok
    ? result
    : { ok: false as const, refusal: refused(...result.problems.map((p) => problem(p.code, p.message, [p.field]))) };
}

export async function createCustomer(
  prisma: PrismaClient,
  input: CustomerFields,
  actorId: string,
  now: Date,
): Promise<Result> {
  const fields = checked(input, true);
  if (!fields.ok) return fields.refusal;
  const data = fields.value;
  if (await prisma.customer.findUnique({ where: { code: data.code! }, select: { id: true } })) {
    return codeTaken(data.code!);
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
  return done(created.id);
}

export async function updateCustomer(
  prisma: PrismaClient,
  customerId: string,
  input: CustomerFields,
  actorId: string,
  now: Date,
): Promise<Result> {
  const fields = checked(input, false);
  if (!fields.ok) return fields.refusal;
  const data = fields.value;
  if (Object.keys(data).length === 0) return refused(problem('INVALID_INPUT', 'Nothing to change.', []));
  const existing = await prisma.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!existing) return NO_SUCH_CUSTOMER('id');
  if (data.code) {
    const other = await prisma.customer.findUnique({ where: { code: data.code }, select: { id: true } });
    if (other && other.id !== customerId) return codeTaken(data.code);
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
  return done(customerId);
}

/**
 * Deactivating stops the customer's users from logging in (sessionCreate refuses them) and ends
 * their sessions and API tokens at once, in every process's credential cache too; nothing is
 * deleted, and reactivation lets them back in.
 */
export async function setCustomerActive(
  prisma: PrismaClient,
  credentials: CredentialDrops,
  customerId: string,
  active: boolean,
  actorId: string,
  now: Date,
): Promise<Result> {
  const customer = await prisma.customer.findUnique({
    where: { id: customerId },
    select: { id: true, deactivatedAt: true, users: { select: { id: true } } },
  });
  if (!customer) return NO_SUCH_CUSTOMER('id');
  if (active === (customer.deactivatedAt === null)) {
    const state = active ? 'active' : 'deactivated';
    return refused(problem('INVALID_TRANSITION', `The customer is already ${state}.`, ['id']));
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
      credentials,
      customer.users.map((u) => u.id),
      now,
    );
  return done(customerId);
}

export { ACCOUNT_TEAM_ROLES } from '@upgrade-desk/domain';

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
  if (!customer) return NO_SUCH_CUSTOMER('customerId');
  const wanted: { id: string; role: Role; field: string }[] = [
    { id: input.implementationId, role: 'IMPLEMENTATION', field: 'implementationId' },
    { id: input.customerCareId, role: 'CUSTOMER_CARE', field: 'customerCareId' },
  ];
  const staff = await prisma.user.findMany({
    where: { id: { in: wanted.map((w) => w.id) } },
    select: { id: true, role: true, customerId: true, disabledAt: true },
  });
  const problems: Problem[] = [];
  for (const w of wanted) {
    const user = staff.find((s) => s.id === w.id);
    if (!user || user.customerId !== null)
      problems.push(problem('NOT_FOUND', 'No such vendor staff member.', [w.field]));
    else if (user.role !== w.role)
      problems.push(problem('INVALID_INPUT', `This staff member's role is not ${w.role}.`, [w.field]));
    else if (user.disabledAt) problems.push(problem('INVALID_INPUT', 'This staff member is disabled.', [w.field]));
  }
  if (problems.length > 0) return refused(...problems);
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
  return done(input.customerId);
}
