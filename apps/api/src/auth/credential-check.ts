import type { PrismaClient } from '@upgrade-desk/db';
import type { Viewer } from './viewer.ts';

/**
 * Whether the credential a long-lived request (a subscription) was authenticated with still holds:
 * the session or API token not revoked or expired, the user not disabled nor of a deactivated
 * customer. Read-only, unlike authenticate(), which also extends sessions.
 */
export async function credentialIsCurrent(prisma: PrismaClient, viewer: Viewer, now: Date): Promise<boolean> {
  // The rule of userMayAuthenticate (session.ts), as a filter.
  const activeUser = { disabledAt: null, OR: [{ customerId: null }, { customer: { deactivatedAt: null } }] };
  if (viewer.credential.kind === 'SESSION') {
    const count = await prisma.session.count({
      where: { id: viewer.credential.sessionId, expiresAt: { gt: now }, user: activeUser },
    });
    return count > 0;
  }
  const count = await prisma.apiToken.count({
    where: {
      id: viewer.credential.tokenId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      user: activeUser,
    },
  });
  return count > 0;
}
