// The request body limit itself is yoga's `maxRequestBodySize` (set from MAX_BODY_BYTES in yoga.ts):
// it refuses a declared Content-Length over the limit up front and counts the bytes actually read
// otherwise (chunked, or a Content-Length that understates the body), answering 413 with a GraphQL
// error REQUEST_ENTITY_TOO_LARGE. This plugin handles what follows over HTTP.
import type { Plugin } from 'graphql-yoga';

/**
 * After a 413 the unread rest of the body is still on the connection, where a keep-alive client's
 * next request would queue behind it until the server's keep-alive timeout: close the connection.
 */
export function closeConnectionAfterTooLarge(): Plugin {
  return {
    onResponse({ response }) {
      if (response.status === 413) response.headers.set('connection', 'close');
    },
  };
}
