import type { PrismaClient } from '@upgrade-desk/db';
import { generateToken, hashToken } from './token.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionSettings {
  lifetimeDays: number;
}

/** Creates a session and returns the token (shown to the client once); only its SHA-256 is stored. */
export async function createSession(
  prisma: PrismaClient,
  userId: string,
  settings: SessionSettings,
  now: Date,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + settings.lifetimeDays * DAY_MS);
  await prisma.session.create({
    data: { id: hashToken(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) },
  });
  return { token, expiresAt };
}

/**
 * What a credential's lookup reads of its user: the viewer's fields, and whether the user (or the
 * user's customer) may be in at all. The customer comes in the same query (relationJoins).
 */
export const CREDENTIAL_USER = {
  select: {
    id: true,
    role: true,
    locale: true,
    customerId: true,
    disabledAt: true,
    customer: { select: { deactivatedAt: true } },
  },
} as const;

/**
 * Whether a user may use a credential: not disabled, and not of a deactivated customer. Disabling
 * and deactivating also delete or revoke the credentials; this refuses any that outlived that.
 */
export function userMayAuthenticate(user: {
  disabledAt: Date | null;
  customer: { deactivatedAt: Date | null } | null;
}): boolean {
  return user.disabledAt === null && !user.customer?.deactivatedAt;
}

/**
 * Looks a session up by its id (the SHA-256 of its token). Expired sessions, and those of users
 * who may no longer be in, are deleted; sessions past half their lifetime are extended (sliding
 * expiry, as the lucia guide does it) so active users stay logged in.
 */
export async function validateSession(prisma: PrismaClient, id: string, settings: SessionSettings, now: Date) {
  const session = await prisma.session.findUnique({ where: { id }, include: { user: CREDENTIAL_USER } });
  if (!session) return null;
  if (session.expiresAt <= now || !userMayAuthenticate(session.user)) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  session.expiresAt = await extendSessionIfDue(prisma, id, session.expiresAt, settings, now);
  return session;
}

/**
 * Sliding expiry: a session used past half its lifetime gets a whole new one. That is one write
 * per half-lifetime, not one per request; returns the (possibly new) expiry.
 */
export async function extendSessionIfDue(
  prisma: PrismaClient,
  id: string,
  expiresAt: Date,
  settings: SessionSettings,
  now: Date,
): Promise<Date> {
  const lifetime = settings.lifetimeDays * DAY_MS;
  if (expiresAt.getTime() - now.getTime() >= lifetime / 2) return expiresAt;
  const extended = new Date(now.getTime() + lifetime);
  await prisma.session.update({ where: { id }, data: { expiresAt: extended } });
  return extended;
}

export async function invalidateSession(prisma: PrismaClient, sessionId: string): Promise<boolean> {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId } });
  return count > 0;
}

export async function invalidateUserSessions(prisma: PrismaClient, userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
