import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@upgrade-desk/db';
import type { Config } from '../config.ts';
import { senderDomain } from '../notices/channels/email.ts';
import { serverSecret } from '../server-secret.ts';

// One-click unsubscribe links (RFC 8058): mail providers POST to the URL in a notice email's
// List-Unsubscribe header without any session, so the URL itself must say whose notices to stop and
// prove that we wrote it. It holds the user's id and an HMAC-SHA256 of it under a server key; only
// the server can make one, and one link can only ever change its own user's email setting.

export const UNSUBSCRIBE_PATH_PREFIX = '/unsubscribe/';

/** `/unsubscribe/<user id>.<43 base64url characters>`; anything else is simply not found. */
const UNSUBSCRIBE_PATH =
  /^\/unsubscribe\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** Separates these MACs from anything else the same key might ever sign. */
const PURPOSE = 'upgrade-desk/unsubscribe/v1:';

export type UnsubscribeKeyConfig = Pick<Config, 'UNSUBSCRIBE_SECRET'>;

/** The signing key: UNSUBSCRIBE_SECRET, else the one generated and kept in the database. */
export function unsubscribeKey(deps: { config: UnsubscribeKeyConfig; prisma: PrismaClient }): Promise<string> {
  return deps.config.UNSUBSCRIBE_SECRET !== undefined
    ? Promise.resolve(deps.config.UNSUBSCRIBE_SECRET)
    : serverSecret(deps.prisma, 'unsubscribe');
}

function mac(key: string, userId: string): Buffer {
  return createHmac('sha256', key)
    .update(PURPOSE + userId)
    .digest();
}

export function signUnsubscribeToken(key: string, userId: string): string {
  return `${userId}.${mac(key, userId).toString('base64url')}`;
}

/** The user whose link this path is, or null when it is not a link this key signed. */
export function unsubscribeUserFromPath(key: string, pathname: string): string | null {
  const match = UNSUBSCRIBE_PATH.exec(pathname);
  if (!match) return null;
  const [, userId, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, userId);
  // Constant-time, so the response time tells nothing about how much of a forged MAC was right.
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

/** Where a notice email's reader can stop notice emails: the one-click URL and a mailto. */
export interface UnsubscribeLinks {
  url: string;
  mailto: string;
}

export type UnsubscribeLinkConfig = UnsubscribeKeyConfig & Pick<Config, 'PUBLIC_API_URL' | 'MAIL_FROM'>;

/** Makes the links of one user, with the key read once. */
export interface UnsubscribeLinkMaker {
  linksFor(userId: string): Promise<UnsubscribeLinks>;
}

export function createUnsubscribeLinkMaker(deps: {
  config: UnsubscribeLinkConfig;
  prisma: PrismaClient;
}): UnsubscribeLinkMaker {
  const { config } = deps;
  return {
    async linksFor(userId) {
      const token = signUnsubscribeToken(await unsubscribeKey(deps), userId);
      return {
        // On the API's public origin: the mail provider's servers call it, not the portal's users.
        url: `${config.PUBLIC_API_URL}${UNSUBSCRIBE_PATH_PREFIX}${token}`,
        // Nothing reads this mailbox automatically yet; the address is on the sender's own domain so
        // an operator can route it, and the subject names the user unforgeably.
        mailto: `mailto:unsubscribe@${senderDomain(config.MAIL_FROM)}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
      };
    },
  };
}
