// Per-credential request rate limit on /graphql: a fixed window of one minute, counted per API token
// or session (by the SHA-256 of the bearer credential, never the secret itself) and per user (all of
// a user's sessions and tokens share one budget), else per client address (an IPv6 client's /64). Counted in-process, or in Redis when REDIS_URL is set so that several API processes
// share one budget. Responses carry the IETF draft-07 "RateLimit header fields for HTTP":
//   RateLimit-Policy: 600;w=60
//   RateLimit: limit=600, remaining=599, reset=42
// and a refusal is HTTP 429 with Retry-After and the GraphQL error code RATE_LIMITED.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { bearerToken } from '../auth/authenticate.ts';
import { hashToken } from '../auth/token.ts';
import type { Config } from '../config.ts';
import { clientIp, type Context, type ServerContext } from '../context.ts';
import { clientNetworkOf } from '../net/address-ranges.ts';

export interface RateLimitRule {
  /** Requests allowed per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
}

/** How many requests a key has made in the window that contains `now`, and when that window ends. */
export interface WindowCount {
  count: number;
  /** Epoch milliseconds. */
  windowEndsAt: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  resetSeconds: number;
}

/** The fixed window `nowMs` falls in: its number since the epoch and the instant it ends. */
export function fixedWindow(nowMs: number, windowMs: number): { index: number; endsAt: number } {
  const index = Math.floor(nowMs / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}

/** Whether the `count`-th request of the window is allowed, and what is left of the budget. */
export function decide(rule: RateLimitRule, hit: WindowCount, nowMs: number): RateLimitDecision {
  return {
    allowed: hit.count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - hit.count),
    resetSeconds: Math.max(1, Math.ceil((hit.windowEndsAt - nowMs) / 1000)),
  };
}

/** The draft-07 RateLimit headers for a decision; a refusal adds Retry-After. */
export function rateLimitHeaders(rule: RateLimitRule, decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `${rule.limit};w=${Math.round(rule.windowMs / 1000)}`,
    RateLimit: `limit=${decision.limit}, remaining=${decision.remaining}, reset=${decision.resetSeconds}`,
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.resetSeconds);
  return headers;
}

/** Whose budget a request spends first: its bearer credential's hash, else its client address. */
export function rateLimitKey(authorization: string | null, ip: string): string {
  const token = bearerToken(authorization);
  return token ? `token:${hashToken(token)}` : addressKey(ip);
}

const addressKey = (ip: string) => `ip:${clientNetworkOf(ip)}`;
const userKey = (userId: string) => `user:${userId}`;

/** Counts requests per key and window. */
export interface RateLimitStore {
  /** Adds one request to `key`'s count in the window containing `nowMs`; returns the new count. */
  hit(key: string, nowMs: number, windowMs: number): Promise<WindowCount>;
  close(): Promise<void>;
}

/** Counts in this process; windows that have ended are dropped when the next one starts. */
export function createMemoryRateLimitStore(): RateLimitStore {
  const counts = new Map<string, { index: number; count: number }>();
  let currentIndex = -1;
  return {
    hit(key, nowMs, windowMs) {
      const { index, endsAt } = fixedWindow(nowMs, windowMs);
      if (index > currentIndex) {
        currentIndex = index;
        for (const [k, entry] of counts) if (entry.index < index) counts.delete(k);
      }
      const entry = counts.get(key);
      const count = entry && entry.index === index ? entry.count + 1 : 1;
      counts.set(key, { index, count });
      return Promise.resolve({ count, windowEndsAt: endsAt });
    },
    close: () => Promise.resolve(),
  };
}

export interface RedisRateLimitStoreOptions {
  url: string;
  /** Prepended to every key (REDIS_CHANNEL_PREFIX). */
  prefix: string;
  /** Counts while Redis does not answer, so an outage does not take the API down with it. */
  fallback?: RateLimitStore;
  logError?: (message: string, error: unknown) => void;
}

/**
 * Counts in Redis, shared by every API process: one key per credential and window, incremented and
 * given an expiry in one MULTI. When Redis fails or is slow (> 250 ms) the request is counted
 * in-process instead: the limit then holds per process until Redis is back.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const redis = new Redis(options.url, { commandTimeout: 250, maxRetriesPerRequest: 1 });
  const fallback = options.fallback ?? createMemoryRateLimitStore();
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  let failing = false;
  redis.on('error', (error: unknown) => {
    if (!failing) logError('Redis (rate limit) error', error);
    failing = true;
  });
  return {
    async hit(key, nowMs, windowMs) {
      const { index, endsAt } = fixedWindow(nowMs, windowMs);
      const redisKey = `${options.prefix}ratelimit:${key}:${index}`;
      try {
        const replies = await redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, windowMs * 2)
          .exec();
        const [error, count] = replies?.[0] ?? [new Error('no reply from Redis')];
        if (error || typeof count !== 'number') throw error ?? new Error('unexpected reply from Redis');
        failing = false;
        return { count, windowEndsAt: endsAt };
      } catch (error) {
        if (!failing) logError('Redis rate limit count failed; counting in-process', error);
        failing = true;
        return fallback.hit(key, nowMs, windowMs);
      }
    },
    close: async () => {
      await Promise.allSettled([redis.quit(), fallback.close()]);
    },
  };
}

export interface RateLimitOptions {
  config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'REDIS_URL' | 'REDIS_CHANNEL_PREFIX' | 'TRUSTED_PROXIES'>;
  /** Default: Redis with REDIS_URL, else in-process. The plugin closes it on dispose. */
  store?: RateLimitStore;
  /** The clock of the windows (real time, not the API's domain clock). */
  nowMs?: () => number;
}

function rateLimitedError(headers: Record<string, string>): GraphQLError {
  return new GraphQLError(`Too many requests. Try again in ${headers['Retry-After']} seconds.`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers } },
  });
}

/**
 * The yoga plugin: every /graphql request spends one from its key's budget before its body is read;
 * over the budget it is answered 429. Once the context knows the caller, an accepted credential
 * spends its user's budget too, so a user's many sessions and tokens share one; a bearer the API
 * does not accept spends the client address's budget, so inventing tokens cannot mint fresh
 * budgets. Every /graphql response carries the RateLimit headers of the tightest budget it spent.
 */
export function rateLimit(options: RateLimitOptions): Plugin<Context, ServerContext> {
  const rule: RateLimitRule = { limit: options.config.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };
  if (rule.limit === 0) return {};
  const store =
    options.store ??
    (options.config.REDIS_URL
      ? createRedisRateLimitStore({ url: options.config.REDIS_URL, prefix: options.config.REDIS_CHANNEL_PREFIX })
      : createMemoryRateLimitStore());
  const nowMs = options.nowMs ?? Date.now;
  const spent = new WeakMap<Request, { key: string; ip: string; decision: RateLimitDecision }>();

  async function spend(key: string): Promise<RateLimitDecision> {
    const now = nowMs();
    return decide(rule, await store.hit(key, now, rule.windowMs), now);
  }

  return {
    async onRequestParse({ request, serverContext }) {
      const ip = clientIp(request, serverContext ?? {}, options.config.TRUSTED_PROXIES);
      const key = rateLimitKey(request.headers.get('authorization'), ip);
      const decision = await spend(key);
      spent.set(request, { key, ip, decision });
      if (!decision.allowed) throw rateLimitedError(rateLimitHeaders(rule, decision));
    },
    onContextBuilding() {
      return async ({ context }) => {
        const state = spent.get(context.request);
        if (!state || !state.key.startsWith('token:')) return;
        const decision = await spend(context.viewer ? userKey(context.viewer.userId) : addressKey(state.ip));
        // The tighter of the two budgets is the one to report.
        if (!decision.allowed || decision.remaining < state.decision.remaining) state.decision = decision;
        if (!decision.allowed) throw rateLimitedError(rateLimitHeaders(rule, decision));
      };
    },
    onResponse({ request, response }) {
      const state = spent.get(request);
      if (!state) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(rule, state.decision))) {
        response.headers.set(name, value);
      }
    },
    onDispose: () => store.close(),
  };
}
