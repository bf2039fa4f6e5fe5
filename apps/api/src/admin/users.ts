// The administration of people: invitations, role changes, disabling and enabling, and password
// resets through one-time links. Vendor ADMINs manage everyone; a customer's admins manage their
// own customer's users only (another customer's user is answered as not found).
import type { Locale, OneTimeTokenPurpose, Prisma, PrismaClient, Role } from '@upgrade-desk/db';
import {
  isEmailAddress,
  newPasswordProblem,
  ONE_TIME_LINK_MIN_PASSWORD,
  ONE_TIME_LINK_MAX_PASSWORD,
} from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { hashPassword } from '@upgrade-desk/accounts';
import { invalidateUserSessions } from '../auth/session.ts';
import { CUSTOMER_ROLES, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { done, problem, refused, type Outcome, type Problem } from '../problem.ts';
import { sendOneTimeLinkEmail } from './account-emails.ts';
import { forgetUserCredentials, revokeUserCredentials, type CredentialDrops } from './credentials.ts';
import { checkOneTimeLink, redeemOneTimeLink } from './one-time-links.ts';

/** An invited user has no password until the invitation's link is used. */
export const NO_PASSWORD = '';

/** At most this many password-reset emails per account per hour, so the form cannot flood a mailbox. */
const RESETS_PER_HOUR = 3;

/** The id of the user invited or changed, or why not. */
export type UserResult = Outcome<string>;
type Options = { portalOrigin: string; now: Date };

const NOT_FOUND = refused(problem('NOT_FOUND', 'No such user.', ['userId']));
const refusedAt = (code: Problem['code'], message: string, field: string) => refused(problem(code, message, [field]));

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
  const problems: Problem[] = [];
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!isEmailAddress(email)) problems.push(problem('INVALID_INPUT', 'Not an email address.', ['email']));
  if (!name || name.length > 200)
    problems.push(problem('INVALID_INPUT', 'Give a name of at most 200 characters.', ['name']));

  let customerId = input.customerId;
  const customerRole = CUSTOMER_ROLES.includes(input.role);
  if (actor.role === 'CUSTOMER_ADMIN') {
    if (!customerRole) problems.push(problem('FORBIDDEN', 'You may invite customer users and admins only.', ['role']));
    if (customerId !== null && customerId !== actor.customerId)
      problems.push(problem('NOT_FOUND', 'No such customer.', ['customerId']));
    customerId = actor.customerId;
  } else if (customerRole && customerId === null) {
    problems.push(problem('INVALID_INPUT', 'A customer user needs a customer.', ['customerId']));
  } else if (!customerRole && customerId !== null) {
    problems.push(problem('INVALID_INPUT', 'Vendor staff belong to no customer.', ['customerId']));
  }
  const customer = customerId
    ? await prisma.customer.findUnique({ where: { id: customerId }, select: { locale: true, deactivatedAt: true } })
    : null;
  if (customerId && !customer && !problems.some((p) => p.field?.[0] === 'customerId'))
    problems.push(problem('NOT_FOUND', 'No such customer.', ['customerId']));
  if (customer?.deactivatedAt) problems.push(problem('INVALID_INPUT', 'The customer is deactivated.', ['customerId']));
  if (problems.length > 0) return refused(...problems);

  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    return refusedAt('CONFLICT', 'An account with this email exists.', 'email');
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
    await sendInvitation(tx, actor, user.id, 'user.invite', options, { email, role: input.role, customerId });
    return user;
  });
  return done(created.id);
}

export async function resendInvitation(
  prisma: PrismaClient,
  actor: Viewer,
  userId: string,
  options: Options,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, userId);
  if (!user) return NOT_FOUND;
  if (user.passwordHash !== NO_PASSWORD)
    return refusedAt(
      'INVALID_TRANSITION',
      'This user has already set a password; send a password reset instead.',
      'userId',
    );
  if (user.disabledAt) return refusedAt('INVALID_TRANSITION', 'This user is disabled.', 'userId');
  await prisma.$transaction((tx) => sendInvitation(tx, actor, user.id, 'user.inviteResend', options));
  return done(user.id);
}

/** Emails the invitation's one-time link (any earlier one stops working) and records who sent it. */
async function sendInvitation(
  tx: Prisma.TransactionClient,
  actor: Viewer,
  userId: string,
  action: 'user.invite' | 'user.inviteResend',
  options: Options,
  data?: Prisma.InputJsonObject,
): Promise<void> {
  await sendOneTimeLinkEmail(tx, userId, 'INVITE', options);
  await audit(tx, { actorId: actor.userId, action, entityType: 'User', entityId: userId, at: options.now, data });
}

/** A new role: the user's cached credentials are forgotten everywhere, as they carry the old one. */
export async function changeUserRole(
  prisma: PrismaClient,
  credentials: CredentialDrops,
  actor: Viewer,
  input: { userId: string; role: Role },
  now: Date,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, input.userId);
  if (!user) return NOT_FOUND;
  if (user.id === actor.userId) return refusedAt('INVALID_INPUT', 'You cannot change your own role.', 'userId');
  const roles = user.customerId ? CUSTOMER_ROLES : STAFF_ROLES;
  if (!roles.includes(input.role)) {
    const message = user.customerId
      ? 'A customer user can only be CUSTOMER_USER or CUSTOMER_ADMIN.'
      : 'Vendor staff can only have a staff role.';
    return refusedAt('INVALID_INPUT', message, 'role');
  }
  if (user.role === input.role) return refusedAt('INVALID_INPUT', `The user already is ${input.role}.`, 'role');
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
  forgetUserCredentials(credentials, [user.id]);
  return done(user.id);
}

/** Disabling ends the user's sessions and API tokens at once; enabling lets them log in again. */
export async function setUserDisabled(
  prisma: PrismaClient,
  credentials: CredentialDrops,
  actor: Viewer,
  userId: string,
  disabled: boolean,
  now: Date,
): Promise<UserResult> {
  const user = await managedUser(prisma, actor, userId);
  if (!user) return NOT_FOUND;
  if (user.id === actor.userId) return refusedAt('INVALID_INPUT', 'You cannot disable or enable yourself.', 'userId');
  if (disabled === (user.disabledAt !== null)) {
    const state = disabled ? 'disabled' : 'enabled';
    return refusedAt('INVALID_TRANSITION', `The user is already ${state}.`, 'userId');
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
  if (disabled) await revokeUserCredentials(prisma, credentials, [user.id], now);
  return done(user.id);
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
  UNKNOWN: problem('NOT_FOUND', 'This link is not valid. Ask for a new one.', ['token']),
  EXPIRED: problem('LINK_EXPIRED', 'This link has expired. Ask for a new one.', ['token']),
  USED: problem('LINK_USED', 'This link has already been used. Ask for a new one if you need to.', ['token']),
} as const;

/**
 * Sets the password of the link's user and uses the link up; gives the account's email. The
 * password is checked first, so a rejected password does not spend the link. A reset also ends the
 * user's sessions, and every process forgets the credentials it verified for the user.
 */
export async function setPasswordWithLink(
  prisma: PrismaClient,
  credentials: CredentialDrops,
  input: { token: string; password: string },
  now: Date,
): Promise<Outcome<string>> {
  const weakness = newPasswordProblem(input.password);
  if (weakness) {
    const message =
      weakness === 'TOO_SHORT'
        ? `The password needs at least ${ONE_TIME_LINK_MIN_PASSWORD} characters.`
        : `The password can have at most ${ONE_TIME_LINK_MAX_PASSWORD} characters.`;
    return refusedAt('INVALID_INPUT', message, 'password');
  }
  if (input.token.length === 0 || input.token.length > 200) return refused(LINK_PROBLEMS.UNKNOWN);
  // Looked at before hashing, so a guessed or spent token costs no argon2 work.
  const before = await checkOneTimeLink(prisma, input.token, now);
  if (before.state !== 'VALID') return refused(LINK_PROBLEMS[before.state]);
  const passwordHash = await hashPassword(input.password);
  type Redemption = { problem: Problem } | { userId: string; email: string; purpose: OneTimeTokenPurpose };
  const outcome: Redemption = await prisma
    .$transaction(async (tx): Promise<Redemption> => {
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
    .catch((error: unknown): Redemption => {
      if (error instanceof LinkRefused) return { problem: LINK_PROBLEMS.UNKNOWN };
      throw error;
    });
  if ('problem' in outcome) return refused(outcome.problem);
  // Whoever knew the old password is logged out; partner tools' API tokens keep working (so only
  // sessions are deleted, but the cache forgets both: the tokens are looked up afresh).
  if (outcome.purpose === 'PASSWORD_RESET') await invalidateUserSessions(prisma, outcome.userId);
  forgetUserCredentials(credentials, [outcome.userId]);
  return done(outcome.email);
}

/** Rolls the redemption back: the link stays unused for a user who cannot use it anyway. */
class LinkRefused extends Error {}
