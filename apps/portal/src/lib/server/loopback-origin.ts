// On a developer's machine the portal answers at one origin (ORIGIN, e.g. http://localhost:3000),
// and SvelteKit refuses form posts from any other. The same server reached by another loopback
// name (http://127.0.0.1:3000, which adapter-node prints as where it listens) would show pages
// whose forms all fail, so pages asked for there are sent to ORIGIN instead. Loopback only:
// behind a reverse proxy the Host header may name the upstream, which must not be redirected.
// No `$app`/`$env` imports: unit-tested from the root vitest config.
import { isLocalHost } from './cookie-policy';

/**
 * Where to send a page request that reached the portal under another loopback name, or null.
 * `url` is SvelteKit's (its origin is ORIGIN when set); `host` is the request's Host header.
 */
export function loopbackRedirect(url: URL, host: string | null): string | null {
  if (!host || host === url.host || !isLocalHost(url)) return null;
  let asked: URL;
  try {
    asked = new URL(`${url.protocol}//${host}`);
  } catch {
    return null;
  }
  if (asked.host === url.host || asked.port !== url.port || !isLocalHost(asked)) return null;
  return url.href;
}
