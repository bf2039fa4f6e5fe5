import type { PrismaClient, UpgradeKind } from '@upgrade-desk/db';
import { DEFAULT_NOTICE_POLICIES, type NoticePolicy } from '@upgrade-desk/domain';
import type { Config } from './config.ts';
import { authenticate } from './auth/authenticate.ts';
import { createCustomerCounter, type CustomerCounter } from './customer-counts.ts';
import type { Viewer } from './auth/viewer.ts';
import type { NoticeEvents } from './notices/events.ts';

export interface Context {
  prisma: PrismaClient;
  config: Config;
  viewer: Viewer | null;
  now: () => Date;
  /** Live notice events (in-process, or Redis pub/sub shared by every API process). */
  events: NoticeEvents;
  clientIp: string;
  userAgent: string | undefined;
  /** Set by the first login attempt of a request, so aliases cannot pack several into one. */
  loginAttempted: boolean;
  /** Tells the dispatcher that notices were planned, so those due now go out without waiting for its next round. */
  noticesChanged(): void;
  /** The notice policies, read at most once per request. */
  noticePolicies(): Promise<ReadonlyMap<UpgradeKind, NoticePolicy>>;
  /** Counts over one customer's rows, batched per tick and cached for the request (customer-counts.ts). */
  customerCount: CustomerCounter;
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
  deps: { prisma: PrismaClient; config: Config; events: NoticeEvents; now?: () => Date; onNoticesChanged?: () => void },
  request: Request,
  server: ServerContext,
): Promise<Context> {
  const now = deps.now ?? (() => new Date());
  let policies: Promise<ReadonlyMap<UpgradeKind, NoticePolicy>> | undefined;
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
    events: deps.events,
    clientIp: clientIp(request, server, deps.config.TRUSTED_PROXIES),
    userAgent: request.headers.get('user-agent') ?? undefined,
    loginAttempted: false,
    noticesChanged: () => deps.onNoticesChanged?.(),
    noticePolicies: () => (policies ??= loadNoticePolicies(deps.prisma)),
    customerCount: createCustomerCounter(deps.prisma),
  };
}

/** The policy rows an ADMIN edits; a kind without a row falls back to the vendor's defaults. */
async function loadNoticePolicies(prisma: PrismaClient): Promise<ReadonlyMap<UpgradeKind, NoticePolicy>> {
  const rows = await prisma.noticePolicy.findMany();
  const policies = new Map<UpgradeKind, NoticePolicy>(Object.values(DEFAULT_NOTICE_POLICIES).map((p) => [p.kind, p]));
  for (const { updatedAt: _updatedAt, updatedById: _updatedById, ...row } of rows) policies.set(row.kind, row);
  return policies;
}
