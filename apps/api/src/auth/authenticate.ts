import type { PrismaClient, User } from '@upgrade-desk/db';
import { API_TOKEN_PREFIX, recordApiTokenUseIfDue, validateApiToken } from './api-token.ts';
import type { CredentialCache, VerifiedCredential } from './credential-cache.ts';
import { extendSessionIfDue, validateSession, type SessionSettings } from './session.ts';
import { hashToken } from './token.ts';
import type { Viewer } from './viewer.ts';

/** `Authorization: Bearer <token>` for sessions and API tokens alike; anything else is anonymous. */
export function bearerToken(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/**
 * The viewer a bearer token stands for, or null. A credential verified in the last few seconds is
 * taken from `cache` (see credential-cache.ts for when it is dropped); its sliding expiry and last
 * use are still written when due, from the cached times, so a hit costs no database round trip.
 */
export async function authenticate(
  prisma: PrismaClient,
  authorization: string | null,
  settings: SessionSettings,
  now: Date,
  cache?: CredentialCache,
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash);
  if (cached && (cached.expiresAt === null || cached.expiresAt > now)) {
    await keepCurrent(prisma, cached, settings, now);
    return cached.viewer;
  }
  // Unknown tokens are never cached, so inventing them cannot fill the cache.
  const generation = cache?.generation ?? 0;
  const verified = await verify(prisma, token, tokenHash, settings, now);
  if (verified) cache?.set(tokenHash, verified, generation);
  return verified?.viewer ?? null;
}

async function verify(
  prisma: PrismaClient,
  token: string,
  tokenHash: string,
  settings: SessionSettings,
  now: Date,
): Promise<VerifiedCredential | null> {
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await validateApiToken(prisma, tokenHash, now);
    if (!apiToken) return null;
    return {
      viewer: viewerOf(apiToken.user, { kind: 'API_TOKEN', tokenId: apiToken.id, scopes: apiToken.scopes }),
      expiresAt: apiToken.expiresAt,
      lastUsedAt: apiToken.lastUsedAt,
    };
  }
  const session = await validateSession(prisma, tokenHash, settings, now);
  if (!session) return null;
  return { viewer: viewerOf(session.user, { kind: 'SESSION', sessionId: session.id }), expiresAt: session.expiresAt };
}

/** What a database lookup would also have written: a session's new expiry, a token's last use. */
async function keepCurrent(
  prisma: PrismaClient,
  cached: VerifiedCredential,
  settings: SessionSettings,
  now: Date,
): Promise<void> {
  const credential = cached.viewer.credential;
  if (credential.kind === 'SESSION' && cached.expiresAt) {
    cached.expiresAt = await extendSessionIfDue(prisma, credential.sessionId, cached.expiresAt, settings, now);
  } else if (credential.kind === 'API_TOKEN') {
    cached.lastUsedAt = await recordApiTokenUseIfDue(prisma, credential.tokenId, cached.lastUsedAt ?? null, now);
  }
}

function viewerOf(user: Pick<User, 'id' | 'role' | 'locale' | 'customerId'>, credential: Viewer['credential']): Viewer {
  return { userId: user.id, role: user.role, locale: user.locale, customerId: user.customerId, credential };
}
