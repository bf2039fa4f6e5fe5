// Ending people's access at once: their sessions are deleted (through auth/session.ts, the one
// place sessions are revoked, so a session cache hooked there hears of it) and their API tokens
// revoked. Called right after the change that ends the access (a user disabled, a customer
// deactivated) has committed; that change alone already refuses new logins.
import type { PrismaClient } from '@upgrade-desk/db';
import { invalidateUserSessions } from '../auth/session.ts';

export async function revokeUserCredentials(
  prisma: PrismaClient,
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
  return { sessions, apiTokens: apiTokens.count };
}
