// Shared attributes of the portal's cookies. No `$app`/`$env` imports: unit-tested
// from the root vitest config.

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain-http development on the loopback is the only place cookies go without `Secure`. */
export function isLocalHost(url: URL): boolean {
  return LOCAL_HOSTNAMES.has(url.hostname);
}

export interface BaseCookieOptions {
  path: '/';
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
}

export function baseCookieOptions(url: URL): BaseCookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: !isLocalHost(url) };
}
