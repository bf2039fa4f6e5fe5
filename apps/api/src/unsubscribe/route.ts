import type { PrismaClient } from '@upgrade-desk/db';
import type { Plugin } from 'graphql-yoga';
import { audit } from '../audit.ts';
import type { Config } from '../config.ts';
import type { NoticeEvents } from '../notices/events.ts';
import { NOT_FOUND, pathRoute } from '../path-route.ts';
import { RESUBSCRIBE_FIELD, unsubscribePage } from './page.ts';
import { UNSUBSCRIBE_PATH_PREFIX, unsubscribeKey, unsubscribeUserFromPath } from './token.ts';

// Nothing on the page loads from elsewhere or runs; its one form posts back to this same URL.
const PAGE_SECURITY = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  // The URL is a credential for one setting: keep it out of shared caches and Referer headers.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** Whether a POST asks to turn notice emails back on (the page's button); anything else turns them off. */
async function wantsResubscribe(request: Request): Promise<boolean> {
  try {
    return (await request.formData()).has(RESUBSCRIBE_FIELD);
  } catch {
    // RFC 8058's POST carries "List-Unsubscribe=One-Click"; a body we cannot read still means "stop".
    return false;
  }
}

/**
 * Serves the one-click unsubscribe links of notice emails, `/unsubscribe/<user id>.<signature>`,
 * next to GraphQL (like the calendar feed), so mail providers reach it without a session:
 * - POST (RFC 8058 one-click, or the page's button) turns that user's notice emails off, or back on
 *   when the page's "resubscribe" button sent it, and answers with the page;
 * - GET shows the page in the user's language: the current setting and one button to change it. A
 *   GET never changes anything, since mail scanners open every link they see.
 * A link that is not one we signed, or whose user is gone, gets the same bare 404.
 */
export function unsubscribeLinks(deps: {
  prisma: PrismaClient;
  config: Pick<Config, 'UNSUBSCRIBE_SECRET'>;
  events: NoticeEvents;
  now?: () => Date;
}): Plugin {
  const now = deps.now ?? (() => new Date());
  return pathRoute(UNSUBSCRIBE_PATH_PREFIX, ['GET', 'HEAD', 'POST'], async ({ request, url, respond, text }) => {
    const userId = unsubscribeUserFromPath(await unsubscribeKey(deps), url.pathname);
    const select = { email: true, locale: true, emailNotifications: true } as const;
    let user = userId ? await deps.prisma.user.findUnique({ where: { id: userId }, select }) : null;
    if (!userId || !user) return text(404, NOT_FOUND);

    if (request.method === 'POST') {
      const emailNotifications = await wantsResubscribe(request);
      if (user.emailNotifications !== emailNotifications) {
        user = await deps.prisma.$transaction(async (tx) => {
          const updated = await tx.user.update({ where: { id: userId }, data: { emailNotifications }, select });
          await audit(tx, {
            actorId: userId,
            action: 'user.emailNotifications',
            entityType: 'User',
            entityId: userId,
            at: now(),
            data: { emailNotifications, via: 'unsubscribe-link' },
          });
          return updated;
        });
        // Cached answers (viewer { emailNotifications }) are dropped in every API process.
        deps.events.publish('dataChanged', { source: 'unsubscribe-link' });
      }
    }
    respond(request.method === 'HEAD' ? null : unsubscribePage(user), {
      headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY },
    });
  });
}
