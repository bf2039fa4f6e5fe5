import type { PrismaClient, User } from '@upgrade-desk/db';
import { API_TOKEN_PREFIX, validateApiToken } from './api-token.ts';
import { validateSessionToken, type SessionSettings } from './session.ts';
import type { Viewer } from './viewer.ts';

/** `Authorization: Bearer <token>` for sessions and API tokens alike; anything else is anonymous. */
export function bearerToken(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

export async function authenticate(
  prisma: PrismaClient,
  authorization: string | null,
  settings: SessionSettings,
  now: Date,
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) return null;
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await validateApiToken(prisma, token, now);
    return apiToken && viewerOf(apiToken.user, { kind: 'API_TOKEN', tokenId: apiToken.id, scopes: apiToken.scopes });
  }
  const session = await validateSessionToken(prisma, token, settings, now);
  return session && viewerOf(session.user, { kind: 'SESSION', sessionId: session.id });
}

function viewerOf(user: Pick<User, 'id' | 'role' | 'locale' | 'customerId'>, credential: Viewer['credential']): Viewer {
  return { userId: user.id, role: user.role, locale: user.locale, customerId: user.customerId, credential };
}
