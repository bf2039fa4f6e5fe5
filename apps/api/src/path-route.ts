import type { Plugin } from 'graphql-yoga';

// Routes served next to GraphQL, inside yoga (the calendar feed, the unsubscribe links), so they
// work through `yoga.fetch` as well as over HTTP. Their paths carry a secret: every answer here is
// kept out of caches, and whatever is not found gets the same bare 404.

export interface PathRequest {
  request: Request;
  url: URL;
  /** Ends the request with this answer. */
  respond(body: string | null, init: ResponseInit): void;
  /** Ends the request with a plain-text answer. */
  text(status: number, body: string): void;
}

export const NOT_FOUND = 'Not found\n';

/**
 * A yoga plugin answering the requests whose path starts with `prefix`: a method not in `methods`
 * gets 405, the others go to `handle`. Other paths are left to GraphQL.
 */
export function pathRoute(
  prefix: string,
  methods: readonly string[],
  handle: (route: PathRequest) => Promise<void>,
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(prefix)) return;
      const respond = (body: string | null, init: ResponseInit) => endResponse(new fetchAPI.Response(body, init));
      const text = (status: number, body: string, headers: Record<string, string> = {}) =>
        respond(body, {
          status,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
        });
      if (!methods.includes(request.method)) {
        return text(405, 'Method not allowed\n', { allow: methods.join(', ') });
      }
      await handle({ request, url, respond, text: (status, body) => text(status, body) });
    },
  };
}
