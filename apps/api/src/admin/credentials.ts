// Ending people's access at once: their sessions are deleted (through auth/session.ts, the one
// place sessions are revoked) and their API tokens revoked, then every process forgets the
// credentials it verified for them (auth/credential-cache.ts), so the next request is refused
// rather than answered from memory for up to AUTH_CACHE_TTL_MS. Called right after the change that
// ends the access (a user disabled, a customer deactivated) has committed; that change alone
// already refuses new logins.
import type { PrismaClient } from '@upgrade-desk/db';
import type { CredentialCache } from '../auth/credential-cache.ts';
import { invalidateUserSessions } from '../auth/session.ts';

/** The part of the credential cache the administration uses: forgetting a user's credentials. */
export type CredentialDrops = Pick<CredentialCache, 'drop'>;

export async function revokeUserCredentials(
  prisma: PrismaClient,
  credentials: CredentialDrops,
  userIds: readonly string[],
  now: Date,
): Promise<{ sessions: number; apiTokens: number }> {
  if (userIds.length === 0) return { sessions: 0, apiTokens: 0 };
  let sessions = 0;
  for (const userId of userIds) sessions += await invalidateUserSessions(prisma, userId);
  const apiTokens = await prisma.apiToken.updateMany({
    where: { userId: { in: [...userIds] }, revokedAt: null },
    data: { revokedAt: now },
  });
  forgetUserCredentials(credentials, userIds);
  return { sessions, apiTokens: apiTokens.count };
}

/**
 * Every process stops believing what it verified for these users: for a change to what the viewer
 * carries (a role) or to whether the user may be in at all. Call after the change has committed.
 */
export function forgetUserCredentials(credentials: CredentialDrops, userIds: readonly string[]): void {
  for (const userId of userIds) credentials.drop({ userId });
}
