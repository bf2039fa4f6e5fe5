import type { PrismaClient, UpgradeKind } from '@upgrade-desk/db';
import { DEFAULT_NOTICE_POLICIES, type NoticePolicy } from '@upgrade-desk/domain';
import type { Config } from './config.ts';
import { AddressRanges, parseAddressRanges, parseIpAddress } from './net/address-ranges.ts';
import { authenticate } from './auth/authenticate.ts';
import type { CredentialCache } from './auth/credential-cache.ts';
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
  /** Verified credentials; whatever revokes one, or changes a user, drops them here (and everywhere). */
  credentials: CredentialCache;
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

// The configured list is parsed once per config, not on every request (each asks for its address twice).
const parsedRanges = new WeakMap<readonly string[], AddressRanges>();
function trustedRanges(list: AddressRanges | readonly string[]): AddressRanges {
  if (list instanceof AddressRanges) return list;
  let ranges = parsedRanges.get(list);
  if (!ranges) parsedRanges.set(list, (ranges = parseAddressRanges(list)));
  return ranges;
}

/**
 * The caller's address. A peer that is not a trusted proxy is the caller, whatever X-Forwarded-For
 * says. From a trusted proxy the header is read from the right, skipping further trusted hops: each
 * proxy appends the address it saw, so the rightmost entry a trusted hop did not write is the
 * first one the client could not forge; anything left of it is the client's own text. An entry
 * that is not an address ends the walk at the last trusted hop. In-process calls (`yoga.fetch`, no
 * socket) are treated as from a trusted proxy.
 */
export function clientIp(
  request: Request,
  server: ServerContext,
  trustedProxies: AddressRanges | readonly string[],
): string {
  const trusted = trustedRanges(trustedProxies);
  const peerText = server.req?.socket?.remoteAddress;
  const peer = peerText === undefined ? undefined : parseIpAddress(peerText);
  if (peerText !== undefined && (!peer || !trusted.includes(peer))) return peer?.toString() ?? peerText;
  let nearest = peer?.toString() ?? 'unknown';
  const hops = request.headers.get('x-forwarded-for')?.split(',') ?? [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIpAddress(hops[i]!);
    if (!hop) break;
    nearest = hop.toString();
    if (!trusted.includes(hop)) break;
  }
  return nearest;
}

export async function createContext(
  deps: {
    prisma: PrismaClient;
    config: Config;
    events: NoticeEvents;
    credentials: CredentialCache;
    now?: () => Date;
    onNoticesChanged?: () => void;
  },
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
    deps.credentials,
  );
  return {
    prisma: deps.prisma,
    config: deps.config,
    viewer,
    now,
    events: deps.events,
    credentials: deps.credentials,
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
