import type { PrismaClient } from '@upgrade-desk/db';
import type { Config } from './config.ts';
import { authenticate } from './auth/authenticate.ts';
import type { Viewer } from './auth/viewer.ts';

export interface Context {
  prisma: PrismaClient;
  config: Config;
  viewer: Viewer | null;
  now: () => Date;
  clientIp: string;
  userAgent: string | undefined;
  /** Set by the first login attempt of a request, so aliases cannot pack several into one. */
  loginAttempted: boolean;
}

export interface ServerContext {
  /** The Node request when served over HTTP; absent for in-process `yoga.fetch` calls. */
  req?: { socket?: { remoteAddress?: string } };
}

/** The caller's address; X-Forwarded-For is believed only from a trusted proxy (the portal's server). */
export function clientIp(request: Request, server: ServerContext, trustedProxies: readonly string[]): string {
  const peer = server.req?.socket?.remoteAddress;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded && (peer === undefined || trustedProxies.includes(peer))) return forwarded;
  return peer ?? 'unknown';
}

export async function createContext(
  deps: { prisma: PrismaClient; config: Config; now?: () => Date },
  request: Request,
  server: ServerContext,
): Promise<Context> {
  const now = deps.now ?? (() => new Date());
  const viewer = await authenticate(
    deps.prisma,
    request.headers.get('authorization'),
    { lifetimeDays: deps.config.SESSION_DAYS },
    now(),
  );
  return {
    prisma: deps.prisma,
    config: deps.config,
    viewer,
    now,
    clientIp: clientIp(request, server, deps.config.TRUSTED_PROXIES),
    userAgent: request.headers.get('user-agent') ?? undefined,
    loginAttempted: false,
  };
}
