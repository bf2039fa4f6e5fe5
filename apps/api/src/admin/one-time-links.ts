// One-time links (invitations and password resets): issued with a fresh random token of which only
// the SHA-256 is stored, so a database leak yields no usable link; redeemed once.
import type { OneTimeTokenPurpose, Prisma, PrismaClient } from '@upgrade-desk/db';
import { oneTimeLinkExpiresAt, oneTimeLinkState, type OneTimeLinkState } from '@upgrade-desk/domain';
import { generateToken, hashToken } from '../auth/token.ts';

/**
 * Issues a link for `userId` and expires the user's older unused links of the same purpose, so
 * only the newest email works. Returns the token (to be put in the email, never stored).
 */
export async function issueOneTimeLink(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await tx.oneTimeToken.updateMany({
    where: { userId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const token = generateToken();
  const expiresAt = oneTimeLinkExpiresAt(now);
  const row = await tx.oneTimeToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

type LinkLookup =
  | { state: 'VALID'; id: string; userId: string; purpose: OneTimeTokenPurpose }
  | { state: Exclude<OneTimeLinkState, 'VALID'> | 'UNKNOWN' };

/** What the link of `token` is at `now`, without using it up. */
export async function checkOneTimeLink(
  db: PrismaClient | Prisma.TransactionClient,
  token: string,
  now: Date,
): Promise<LinkLookup> {
  const link = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return { state: 'UNKNOWN' };
  const state = oneTimeLinkState(link, now);
  if (state !== 'VALID') return { state };
  return { state, id: link.id, userId: link.userId, purpose: link.purpose };
}

/**
 * Marks the link of `token` used, if it is valid at `now`. The update is conditional (usedAt still
 * null), so two concurrent redemptions cannot both succeed.
 */
export async function redeemOneTimeLink(tx: Prisma.TransactionClient, token: string, now: Date): Promise<LinkLookup> {
  const link = await checkOneTimeLink(tx, token, now);
  if (link.state !== 'VALID') return link;
  const { count } = await tx.oneTimeToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  return count === 0 ? { state: 'USED' } : link;
}
