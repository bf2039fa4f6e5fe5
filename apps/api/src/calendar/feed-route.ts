import type { Plugin } from 'graphql-yoga';
import type { PrismaClient } from '@upgrade-desk/db';
import { NOT_FOUND, pathRoute } from '../path-route.ts';
import { CALENDAR_PATH_PREFIX, calendarTokenFromPath } from './calendar-token.ts';
import { renderCalendarFeed } from './feed.ts';

/**
 * Serves `GET /calendar/<token>.ics` next to GraphQL, inside yoga, so it works through `yoga.fetch`
 * as well as over HTTP. Anything that is not a current token's feed gets the same bare 404: the
 * answer says nothing about whether a token ever existed or whose it was.
 */
export function calendarFeed(deps: { prisma: PrismaClient }): Plugin {
  return pathRoute(CALENDAR_PATH_PREFIX, ['GET', 'HEAD'], async ({ request, url, respond, text }) => {
    const token = calendarTokenFromPath(url.pathname);
    const feed = token ? await renderCalendarFeed(deps.prisma, token) : null;
    if (feed === null) return text(404, NOT_FOUND);
    respond(request.method === 'HEAD' ? null : feed, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="upgrades.ics"',
        // The URL is a secret: keep the feed out of shared caches and the token out of Referer headers.
        'cache-control': 'private, no-cache',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}
