// Login throttling. Failures lock one account *from one address* (so somebody guessing elsewhere
// cannot lock the real user out: from an address with no failures the right password still works),
// and one address across all accounts (password spraying). Each lock doubles with every further
// failure: exponential back-off, up to a ceiling.
import { Prisma, sqlTimestamp, type PrismaClient } from '@upgrade-desk/db';
import { clientNetworkOf } from '../net/address-ranges.ts';

export interface BackoffRule {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; every further failure doubles it, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
  /** A run of failures is forgotten once this long has passed since it began (and no lock holds). */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

export const LOGIN_THROTTLE = {
  /** One account from one client address: a forgotten password, or somebody guessing it from there. */
  accountAddress: { freeFailures: 5, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  /** One client address across accounts. */
  address: { freeFailures: 100, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE, forgetAfterMs: 15 * MINUTE },
} satisfies Record<string, BackoffRule>;

/** How long the `failures`-th failure in a row locks its key; null while failures are still free. */
export function lockDurationMs(rule: BackoffRule, failures: number): number | null {
  if (failures < rule.freeFailures) return null;
  // The exponent is capped so that a long run cannot overflow; the ceiling is reached long before.
  return Math.min(rule.maxLockMs, rule.baseLockMs * 2 ** Math.min(failures - rule.freeFailures, 40));
}

/** Keys by the client's network (an IPv6 client's /64), so rotating inside it gains nothing. */
export const throttleKeys = {
  accountAddress: (email: string, ip: string) => `account:${email.trim().toLowerCase()}|ip:${clientNetworkOf(ip)}`,
  address: (ip: string) => `ip:${clientNetworkOf(ip)}`,
};

/**
 * Counts one login attempt against `key` BEFORE the password is checked, and sets the key's lock
 * when this attempt is over the free ones: one atomic upsert, so parallel requests (several API
 * processes) cannot slip past a lock. Returns false, counting nothing, while the key is locked;
 * the right password is then refused too from there, until the lock ends.
 */
export async function countLoginAttempt(
  prisma: PrismaClient,
  key: string,
  rule: BackoffRule,
  now: Date,
): Promise<boolean> {
  const at = sqlTimestamp(now);
  const forgottenBefore = sqlTimestamp(new Date(now.getTime() - rule.forgetAfterMs));
  const firstLock = lockDurationMs(rule, 1);
  const stale = Prisma.sql`"LoginThrottle"."windowStartsAt" < ${forgottenBefore}`;
  const failures = Prisma.sql`(CASE WHEN ${stale} THEN 1 ELSE "LoginThrottle"."failures" + 1 END)`;
  const rows = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStartsAt", "lockedUntil")
    VALUES (${key}, 1, ${at}, ${firstLock === null ? null : sqlTimestamp(new Date(now.getTime() + firstLock))})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "windowStartsAt" = CASE WHEN ${stale} THEN ${at} ELSE "LoginThrottle"."windowStartsAt" END,
      "lockedUntil" = CASE WHEN ${failures} >= ${rule.freeFailures}::int
        THEN ${at} + INTERVAL '1 millisecond' * LEAST(${rule.maxLockMs}::float8,
          ${rule.baseLockMs}::float8 * POWER(2::float8, LEAST(${failures} - ${rule.freeFailures}::int, 40)))
        ELSE NULL END
    WHERE "LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= ${at}
    RETURNING "failures"`;
  return rows.length > 0;
}

/**
 * Takes one counted attempt back from `key` (a login that succeeded, or one refused by another
 * key's lock), lifting its lock if it is then within the free failures again.
 */
export async function releaseLoginAttempt(prisma: PrismaClient, key: string, rule: BackoffRule): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = "failures" - 1,
      "lockedUntil" = CASE WHEN "failures" - 1 < ${rule.freeFailures}::int THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key} AND "failures" > 0`;
}

/** A successful login forgets the account's failures from this address. */
export async function clearLoginAttempts(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
