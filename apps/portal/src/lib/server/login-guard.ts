// Which requests need a signed-in viewer. Everything does except the login page,
// the language switch (used from the login page), the password pages reached from an
// email's one-time link or the login page's "forgot password", and built assets. Files in
// static/ never reach the hooks: adapter-node and vite serve them first.

const PUBLIC_PATHS = new Set(['/login', '/locale']);

export function requiresLogin(pathname: string): boolean {
  if (PUBLIC_PATHS.has(pathname)) return false;
  if (pathname.startsWith('/_app/')) return false;
  // /password/forgot and /password/<token>: one segment, nothing deeper.
  if (/^\/password\/[^/]+$/.test(pathname)) return false;
  return true;
}

/** Endpoints called by scripts, which get a 401 rather than a redirect to the login page. */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}
