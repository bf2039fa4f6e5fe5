// Where to send the browser after logging in or switching language. Only paths on
// this site are accepted: anything that could leave it (absolute URLs,
// protocol-relative `//host`, backslash tricks, paths that normalise to `//host`)
// falls back, so `?redirectTo=` cannot be used as an open redirect.

const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

export function safeRedirectTarget(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // Browsers treat `\` as `/` and drop tabs and newlines in URLs.
  if (hasBackslashOrControl(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const target = url.pathname + url.search + url.hash;
  // `/.//evil.example` normalises to `//evil.example`.
  if (target.startsWith('//')) return fallback;
  return target;
}

function hasBackslashOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x5c || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Where a successful login goes: a safe `redirectTo`, but never back to /login or /logout; without
 * one, the user's home (`/` for customers, the console for staff).
 */
export function afterLoginTarget(raw: unknown, home = '/'): string {
  const target = safeRedirectTarget(raw);
  const { pathname } = new URL(target, PLACEHOLDER_ORIGIN);
  return pathname === '/login' || pathname === '/logout' || target === '/' ? home : target;
}

/** The login page URL that brings the user back to `url` afterwards. */
export function loginUrl(url: URL): string {
  const target = url.pathname + url.search;
  return target === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(target)}`;
}
