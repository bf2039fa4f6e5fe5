import type { ApiTokenScope, Prisma, PrismaClient } from '@upgrade-desk/db';
import { CREDENTIAL_USER, userMayAuthenticate } from './session.ts';
import { generateToken, hashToken } from './token.ts';

/** Partner-tool tokens carry a prefix so they are told apart from session tokens (and found by secret scanners). */
export const API_TOKEN_PREFIX = 'udt_';

// Writing lastUsedAt on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

export async function createApiToken(
  prisma: Prisma.TransactionClient,
  input: { userId: string; name: string; scopes: ApiTokenScope[]; expiresAt: Date | null },
) {
  const token = generateToken(API_TOKEN_PREFIX);
  const apiToken = await prisma.apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt,
      tokenHash: hashToken(token),
    },
  });
  return { token, apiToken };
}

/**
 * The tokens that count against a cap: those not revoked (expired ones too, as they are still
 * listed), of every user of the owner's customer, or of the staff member alone.
 */
export function cappedApiTokens(owner: { userId: string; customerId: string | null }): Prisma.ApiTokenWhereInput {
  return {
    revokedAt: null,
    ...(owner.customerId ? { user: { customerId: owner.customerId } } : { userId: owner.userId }),
  };
}

/**
 * Looks an API token up by its SHA-256; revoked and expired tokens are refused, and so are those of
 * disabled users and of deactivated customers' users.
 */
export async function validateApiToken(prisma: PrismaClient, tokenHash: string, now: Date) {
  const apiToken = await prisma.apiToken.findUnique({ where: { tokenHash }, include: { user: CREDENTIAL_USER } });
  if (!apiToken || apiToken.revokedAt || !userMayAuthenticate(apiToken.user)) return null;
  if (apiToken.expiresAt && apiToken.expiresAt <= now) return null;
  apiToken.lastUsedAt = await recordApiTokenUseIfDue(prisma, apiToken.id, apiToken.lastUsedAt, now);
  return apiToken;
}

/** Records a use when the last one recorded is over a minute old; returns the (possibly new) time. */
export async function recordApiTokenUseIfDue(
  prisma: PrismaClient,
  id: string,
  lastUsedAt: Date | null,
  now: Date,
): Promise<Date | null> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() <= LAST_USED_PRECISION_MS) return lastUsedAt;
  await prisma.apiToken.update({ where: { id }, data: { lastUsedAt: now } });
  return now;
}
