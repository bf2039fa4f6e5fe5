import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { DEFAULT_VENDOR_CONTACT, DEFAULT_WARRANTY_MONTHS } from '@upgrade-desk/domain';
import { z } from 'zod';
import { LOG_LEVELS } from './logging.ts';
import { parseAddressRanges } from './net/address-ranges.ts';

/** The monorepo root: relative paths in the configuration are resolved from here, not from the cwd. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const port = z.coerce.number().int().min(1).max(65535);

const ConfigSchema = z.object({
  /**
   * `production` unless said otherwise: masked errors, https-only webhooks, secure cookies. `pnpm start`
   * passes `development` (its demo mode) and the test harness `test`, each only when NODE_ENV is unset.
   */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** `pglite:<dir>` (default `.data/pglite`) or `postgresql://...`. */
  DATABASE_URL: z.string().min(1).optional(),
  API_PORT: port.default(4000),
  API_HOST: z.string().default('127.0.0.1'),
  DEMO_PASSWORD: z.string().min(8).default(DEMO_PASSWORD),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Peers (addresses or CIDR ranges) whose X-Forwarded-For is believed: the portal's server calls the
   * API on the user's behalf. IPv4-mapped IPv6 peers match their IPv4 entry.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((list, ctx) => {
      try {
        return parseAddressRanges(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /** JSON log lines at this level and above; default `info` (`silent` under NODE_ENV=test). */
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  /** Warranty on a module installed by closing a NEW_MODULE request, in calendar months. */
  WARRANTY_MONTHS: z.coerce.number().int().min(0).max(120).default(DEFAULT_WARRANTY_MONTHS),
  /** Set to share live notice events between API processes (and a separate dispatcher) over Redis pub/sub. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Prepended to every Redis channel, so several deployments (or test runs) can share one Redis. */
  REDIS_CHANNEL_PREFIX: z.string().default('upgrade-desk:'),
  /** The API's public origin, for links handed out to be opened elsewhere (calendar feeds, unsubscribe links). */
  PUBLIC_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** The portal's public origin: invitation and password-reset emails link to its /password/<token> page. */
  ORIGIN: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PORTAL_PORT: port.default(3000),
  /** Outgoing mail server, e.g. `smtp://user:pass@mail.example:587` or `smtps://…:465`. Unset: mails go to OUTBOX_DIR. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).default('Upgrade Desk <no-reply@upgrade-desk.example>'),
  // The vendor's contact, closing every notice (the customer's account team follows it).
  VENDOR_NAME: z.string().trim().min(1).default(DEFAULT_VENDOR_CONTACT.name),
  VENDOR_EMAIL: z.email().default(DEFAULT_VENDOR_CONTACT.email),
  VENDOR_PHONE: z.string().trim().default(DEFAULT_VENDOR_CONTACT.phone),
  /** Key of the signed one-click unsubscribe links in notice emails. Unset: one generated and kept in the database. */
  UNSUBSCRIBE_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Where notice emails are written as .eml files when SMTP_URL is unset (relative paths: from the repo root). */
  OUTBOX_DIR: z
    .string()
    .min(1)
    .default('.data/outbox')
    .transform((dir) => path.resolve(repoRoot, dir)),
  /** A webhook receiver that has not answered within this many milliseconds has failed (and is retried). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Lets webhook endpoints on the loopback (`http://localhost`, `127.0.0.1`, `[::1]`) be registered
   * and delivered to, over plain http too, for a receiver on the developer's machine. Default: on in
   * `pnpm start`'s demo mode and tests, off in production, where it cannot be turned on.
   */
  WEBHOOK_ALLOW_LOOPBACK_HTTP: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((value) => value === 'true' || value === '1')
    .optional(),
  /** `inline`: the notice worker runs inside the API process; `off`: run it apart with `pnpm dispatch`. */
  NOTICE_WORKER: z.enum(['inline', 'off']).default('inline'),
  /** How often the notice worker looks for due notices, deliveries and escalations. */
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /**
   * Per customer, caps on what grows with use (past them a creation is refused with LIMIT_REACHED):
   * blackout windows (all of them, past ones too: delete old ones to make room), API tokens not
   * revoked (of all its users; a staff member's own count apart), active webhook endpoints, and
   * module requests still open (not CLOSED, REJECTED or WITHDRAWN).
   */
  MAX_BLACKOUT_WINDOWS_PER_CUSTOMER: z.coerce.number().int().min(1).max(10_000).default(100),
  MAX_API_TOKENS_PER_CUSTOMER: z.coerce.number().int().min(1).max(1_000).default(20),
  MAX_WEBHOOK_ENDPOINTS_PER_CUSTOMER: z.coerce.number().int().min(1).max(100).default(10),
  MAX_OPEN_MODULE_REQUESTS_PER_CUSTOMER: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Live (server-sent events) subscriptions open at once per session or API token: a new one closes the oldest. */
  MAX_LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(100).default(3),
  /** Live subscriptions open at once per client address (an IPv6 client's /64): past it, new ones get 429. */
  MAX_LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Largest /graphql request body in bytes (counted as read, whatever Content-Length says); larger: 413. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1_000).max(100_000_000).default(100_000),
  /** /graphql requests per minute per API token or session (else per client address); over it: 429. 0: no limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /**
   * A verified session or API token is believed for this long without a database lookup (dropped at
   * once, in every process, on revoke, logout or a change to its user); 0: looked up on every request.
   * Default 5 s (off under NODE_ENV=test, whose tests change users behind the API's back).
   */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Repeated queries by the same credential are answered from memory for this long, unless data changed first; 0: off. Default 10 s (off under NODE_ENV=test). */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  /** Most memory the response cache's answers may take, in bytes (as JSON); least recently used go first. */
  RESPONSE_CACHE_BYTES: z.coerce.number().int().min(10_000).max(4_000_000_000).default(50_000_000),
});

const ConfigWithDefaults = ConfigSchema.refine(
  (config) => !(config.NODE_ENV === 'production' && config.WEBHOOK_ALLOW_LOOPBACK_HTTP),
  {
    path: ['WEBHOOK_ALLOW_LOOPBACK_HTTP'],
    message: 'cannot be on in production (webhooks must not reach the server itself)',
  },
).transform((config) => ({
  ...config,
  PUBLIC_API_URL: config.PUBLIC_API_URL ?? `http://127.0.0.1:${config.API_PORT}`,
  ORIGIN: config.ORIGIN ?? `http://localhost:${config.PORTAL_PORT}`,
  LOG_LEVEL: config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'silent' : 'info'),
  RESPONSE_CACHE_TTL_MS: config.RESPONSE_CACHE_TTL_MS ?? (config.NODE_ENV === 'test' ? 0 : 10_000),
  AUTH_CACHE_TTL_MS: config.AUTH_CACHE_TTL_MS ?? (config.NODE_ENV === 'test' ? 0 : 5_000),
  WEBHOOK_ALLOW_LOOPBACK_HTTP: config.WEBHOOK_ALLOW_LOOPBACK_HTTP ?? config.NODE_ENV !== 'production',
}));

export type Config = z.infer<typeof ConfigWithDefaults>;

/** Reads the environment once, at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigWithDefaults.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}

/**
 * Settings that are valid but probably not what was meant, as sentences for the start-up log of
 * an API process (`api`) or of a notice worker run apart (`worker`, `pnpm dispatch`).
 */
export function configWarnings(config: Config, role: 'api' | 'worker'): string[] {
  const warnings: string[] = [];
  if (!config.REDIS_URL && role === 'worker') {
    warnings.push(
      'No REDIS_URL: API processes hear nothing of what this worker publishes (no live notices in the ' +
        'portal, and their cached answers are dropped only when RESPONSE_CACHE_TTL_MS runs out).',
    );
  }
  if (!config.REDIS_URL && role === 'api' && config.NOTICE_WORKER === 'off') {
    warnings.push(
      'NOTICE_WORKER=off without REDIS_URL: what a worker in another process publishes reaches no live ' +
        'subscriber here, and cached answers are dropped only when RESPONSE_CACHE_TTL_MS runs out.',
    );
  }
  if (config.NODE_ENV === 'production' && config.RATE_LIMIT_PER_MINUTE === 0) {
    warnings.push('RATE_LIMIT_PER_MINUTE=0 in production: requests are not limited per token or address.');
  }
  return warnings;
}

/** The vendor's contact as notices print it. */
export function vendorContact(config: Pick<Config, 'VENDOR_NAME' | 'VENDOR_EMAIL' | 'VENDOR_PHONE'>) {
  return { name: config.VENDOR_NAME, email: config.VENDOR_EMAIL, phone: config.VENDOR_PHONE };
}
