// The administration of people: invitations, role changes, disabling and enabling, and password
// resets through one-time links. Vendor ADMINs manage everyone; a customer's admins manage their
// own customer's users only (another customer's user is answered as not found).
import type { Locale, OneTimeTokenPurpose, PrismaClient, Role } from '@upgrade-desk/db';
import { newPasswordProblem, ONE_TIME_LINK_MIN_PASSWORD, ONE_TIME_LINK_MAX_PASSWORD } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { hashPassword } from '@upgrade-desk/accounts';
import { invalidateUserSessions } from '../auth/session.ts';
import { CUSTOMER_ROLES, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { userError, type UserError } from '../schema/user-error.ts';
import { sendOneTimeLinkEmail } from './account-emails.ts';
import { revokeUserCredentials } from './credentials.ts';
import { EMAIL } from './customers.ts';
import { checkOneTimeLink, redeemOneTimeLink } from './one-time-links.ts';

/** An invited user has no password until the invitation's link is used. */
export const NO_PASSWORD = '';

/** At most this many password-reset emails per account per hour, so the form cannot flood a mailbox. */
const RESETS_PER_HOUR = 3;

export type UserResult = { userId?: string; userErrors: UserError[] };
type Options = { portalOrigin: string; now: Date };

const NOT_FOUND = (field: string) => userError('NOT_FOUND', 'No such user.', ['input', field]);

/** Whether `actor` may manage `target` at all: ADMIN everyone; a customer admin their own customer's users. */
export function mayManageUser(actor: Viewer, target: { customerId: string | null; role: Role }): boolean {
  if (actor.role === 'ADMIN') return true;
  return (
    actor.role === 'CUSTOMER_ADMIN' &&
    actor.customerId !== null &&
    target.customerId === actor.customerId &&
    CUSTOMER_ROLES.includes(target.role)
  );
}

async function managedUser(prisma: PrismaClient, actor: Viewer, userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, customerId: true, disabledAt: true, passwordHash: true },
  });
  return user && mayManageUser(actor, user) ? user : null;
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  /** The customer for customer roles (a customer admin's own when omitted); none for staff. */
  customerId: string | null;
  locale: Locale | null;
}

export async function inviteUser(
  prisma: PrismaClient,
  actor: Viewer,
  input: InviteInput,
  options: Options,
): Promise<UserResult> {
  const problems: UserError[] = [];
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (email.length > 320 || !EMAIL.test(email))
    problems.push(userError('INVALID_INPUT', 'Not an email address.', ['input', 'email']));
  if (!name || name.length > 200)
    problems.push(userError('INVALID_INPUT', 'Give a name of at most 200 characters.', ['input', 'name']));

  let customerId = input.customerId;
  const customerRole = CUSTOMER_ROLES.includes(input.role);
  if (actor.role === 'CUSTOMER_ADMIN') {
    if (!customerRole)
      problems.push(userError('FORBIDDEN', 'You may invite customer users and admins only.', ['input', 'role']));
    if (customerId !== null && customerId !== actor.customerId)
      problems.push(userError('NOT_FOUND', 'No such customer.', ['input', 'customerId']));
    customerId = actor.customerId;
  } else if (customerRole && customerId === null) {
    problems.push(userError('INVALID_INPUT', 'A customer user needs a customer.', ['input', 'customerId']));
  } else if (!customerRole && customerId !== null) {
    problems.push(userError('INVALID_INPUT', 'Vendor staff belong to no customer.', ['input', 'customerId']));
  }
  const customer = customerId
    ? await prisma.customer.findUnique({ where: { id: customerId }, select: { locale: true, deactivatedAt: true } })
    : null;
  if (customerId && !customer && !problems.some((p) => p.field?.[1] === 'customerId'))
    problems.push(userError('NOT_FOUND', 'No such customer.', ['input', 'customerId']));
  if (customer?.deactivatedAt)
    problems.push(userError('INVALID_INPUT', 'The customer is deactivated.', ['input', 'customerId']));
  if (problems.length > 0) return { userErrors: problems };

  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    return { userErrors: [userError('CONFLICT', 'An account with this email exists.', ['input', 'email'])] };
  }
  const created = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email,
        name,
        role: input.role,
        customerId,
        locale: input.locale ?? customer?.locale ?? 'VI',
        passwordHash: NO_PASSWORD,
        createdAt: options.now,
      },
      select: { id: true },
    });
    await sendOneTimeLinkEmail(tx, user.id, 'INVITE', options);
    await audit(tx, {
      actorId: actor.userId,
      action: 'user.invite',
      entityType: 'User',
      entityId: user.id,
      at: options.now,
      data: { email, role: input.role, customerId },
    });
    return user;
  });
  return { userId: created.id, userErrors: [] };
}

export async function resendInvitation(
  prisma: PrismaClient,
  actor: Viewer,
  userId: string,
  options: Options,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, userId);
  if (!user) return { userErrors: [NOT_FOUND('userId')] };
  if (user.passwordHash !== NO_PASSWORD)
    return {
      userErrors: [
        userError('INVALID_TRANSITION', 'This user has already set a password; send a password reset instead.', [
          'input',
          'userId',
        ]),
      ],
    };
  if (user.disabledAt)
    return { userErrors: [userError('INVALID_TRANSITION', 'This user is disabled.', ['input', 'userId'])] };
  await prisma.$transaction(async (tx) => {
    await sendOneTimeLinkEmail(tx, user.id, 'INVITE', options);
    await audit(tx, {
      actorId: actor.userId,
      action: 'user.inviteResend',
      entityType: 'User',
      entityId: user.id,
      at: options.now,
    });
  });
  return { userId: user.id, userErrors: [] };
}

export async function changeUserRole(
  prisma: PrismaClient,
  actor: Viewer,
  input: { userId: string; role: Role },
  now: Date,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, input.userId);
  if (!user) return { userErrors: [NOT_FOUND('userId')] };
  if (user.id === actor.userId)
    return { userErrors: [userError('INVALID_INPUT', 'You cannot change your own role.', ['input', 'userId'])] };
  const roles = user.customerId ? CUSTOMER_ROLES : STAFF_ROLES;
  if (!roles.includes(input.role)) {
    const message = user.customerId
      ? 'A customer user can only be CUSTOMER_USER or CUSTOMER_ADMIN.'
      : 'Vendor staff can only have a staff role.';
    return { userErrors: [userError('INVALID_INPUT', message, ['input', 'role'])] };
  }
  if (user.role === input.role)
    return { userErrors: [userError('INVALID_INPUT', `The user already is ${input.role}.`, ['input', 'role'])] };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    // Account-team rows are for IMPLEMENTATION and CUSTOMER_CARE only: a member who leaves the role leaves the teams.
    await tx.customerStaff.deleteMany({ where: { userId: user.id } });
    await audit(tx, {
      actorId: actor.userId,
      action: 'user.roleChange',
      entityType: 'User',
      entityId: user.id,
      at: now,
      data: { from: user.role, to: input.role },
    });
  });
  return { userId: user.id, userErrors: [] };
}

/** Disabling ends the user's sessions and API tokens at once; enabling lets them log in again. */
export async function setUserDisabled(
  prisma: PrismaClient,
  actor: Viewer,
  userId: string,
  disabled: boolean,
  now: Date,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, userId);
  if (!user) return { userErrors: [NOT_FOUND('userId')] };
  if (user.id === actor.userId)
    return { userErrors: [userError('INVALID_INPUT', 'You cannot disable or enable yourself.', ['input', 'userId'])] };
  if (disabled === (user.disabledAt !== null)) {
    const state = disabled ? 'disabled' : 'enabled';
    return { userErrors: [userError('INVALID_TRANSITION', `The user is already ${state}.`, ['input', 'userId'])] };
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? now : null } });
    await audit(tx, {
      actorId: actor.userId,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'User',
      entityId: user.id,
      at: now,
    });
  });
  if (disabled) await revokeUserCredentials(prisma, [user.id], now);
  return { userId: user.id, userErrors: [] };
}

/**
 * Emails a password-reset link to `email` if it belongs to an enabled account of an active customer
 * (or vendor staff). The caller's answer is the same either way, so it tells nobody whether the
 * address has an account.
 */
export async function requestPasswordReset(prisma: PrismaClient, rawEmail: string, options: Options): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  if (email.length === 0 || email.length > 320) return;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, customer: { select: { deactivatedAt: true } } },
  });
  if (!user || user.disabledAt || user.customer?.deactivatedAt) return;
  const since = new Date(options.now.getTime() - 60 * 60 * 1000);
  const recent = await prisma.oneTimeToken.count({
    where: { userId: user.id, purpose: 'PASSWORD_RESET', createdAt: { gt: since } },
  });
  if (recent >= RESETS_PER_HOUR) return;
  await prisma.$transaction(async (tx) => {
    await sendOneTimeLinkEmail(tx, user.id, 'PASSWORD_RESET', options);
    await audit(tx, {
      actorId: null,
      action: 'user.passwordResetRequest',
      entityType: 'User',
      entityId: user.id,
      at: options.now,
    });
  });
}

const LINK_PROBLEMS = {
  UNKNOWN: userError('NOT_FOUND', 'This link is not valid. Ask for a new one.', ['input', 'token']),
  EXPIRED: userError('LINK_EXPIRED', 'This link has expired. Ask for a new one.', ['input', 'token']),
  USED: userError('LINK_USED', 'This link has already been used. Ask for a new one if you need to.', [
    'input',
    'token',
  ]),
} as const;

/**
 * Sets the password of the link's user and uses the link up. The password is checked first, so a
 * rejected password does not spend the link. A reset also ends the user's sessions.
 */
export async function setPasswordWithLink(
  prisma: PrismaClient,
  input: { token: string; password: string },
  now: Date,
): Promise<{ email?: string; userErrors: UserError[] }> {
  const problem = newPasswordProblem(input.password);
  if (problem) {
    const message =
      problem === 'TOO_SHORT'
        ? `The password needs at least ${ONE_TIME_LINK_MIN_PASSWORD} characters.`
        : `The password can have at most ${ONE_TIME_LINK_MAX_PASSWORD} characters.`;
    return { userErrors: [userError('INVALID_INPUT', message, ['input', 'password'])] };
  }
  if (input.token.length === 0 || input.token.length > 200) return { userErrors: [LINK_PROBLEMS.UNKNOWN] };
  // Looked at before hashing, so a guessed or spent token costs no argon2 work.
  const before = await checkOneTimeLink(prisma, input.token, now);
  if (before.state !== 'VALID') return { userErrors: [LINK_PROBLEMS[before.state]] };
  const passwordHash = await hashPassword(input.password);
  type Outcome = { problem: UserError } | { userId: string; email: string; purpose: OneTimeTokenPurpose };
  const outcome: Outcome = await prisma
    .$transaction(async (tx): Promise<Outcome> => {
      const link = await redeemOneTimeLink(tx, input.token, now);
      if (link.state !== 'VALID') return { problem: LINK_PROBLEMS[link.state] };
      const user = await tx.user.findUniqueOrThrow({
        where: { id: link.userId },
        select: { email: true, disabledAt: true, customer: { select: { deactivatedAt: true } } },
      });
      // A disabled account (or a deactivated customer's) cannot be brought back through an old link.
      if (user.disabledAt || user.customer?.deactivatedAt) throw new LinkRefused();
      await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
      await audit(tx, {
        actorId: link.userId,
        action: link.purpose === 'INVITE' ? 'user.invitationAccept' : 'user.passwordReset',
        entityType: 'User',
        entityId: link.userId,
        at: now,
      });
      return { userId: link.userId, email: user.email, purpose: link.purpose };
    })
    .catch((error: unknown): Outcome => {
      if (error instanceof LinkRefused) return { problem: LINK_PROBLEMS.UNKNOWN };
      throw error;
    });
  if ('problem' in outcome) return { userErrors: [outcome.problem] };
  // Whoever knew the old password is logged out; partner tools' API tokens keep working.
  if (outcome.purpose === 'PASSWORD_RESET') await invalidateUserSessions(prisma, outcome.userId);
  return { email: outcome.email, userErrors: [] };
}

/** Rolls the redemption back: the link stays unused for a user who cannot use it anyway. */
class LinkRefused extends Error {}
