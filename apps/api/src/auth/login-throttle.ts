import { sqlTimestamp, type PrismaClient } from '@upgrade-desk/db';

export interface ThrottleRule {
  /** Attempts allowed in one window before the key locks. */
  limit: number;
  windowMs: number;
  lockMs: number;
}

export const LOGIN_THROTTLE = {
  account: { limit: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { limit: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

export const throttleKeys = {
  account: (email: string) => `account:${email.trim().toLowerCase()}`,
  ip: (ip: string) => `ip:${ip}`,
};

/**
 * Counts one login attempt against `key` BEFORE the password is checked: the increment is a single
 * atomic upsert, so parallel requests (batches, several API processes) cannot slip past the limit.
 * Returns false when the key is locked; the right password is then refused too, until the lock ends.
 */
export async function countLoginAttempt(
  prisma: PrismaClient,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<boolean> {
  const windowStartedBefore = new Date(now.getTime() - rule.windowMs);
  const rows = await prisma.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStartsAt") VALUES (${key}, 1, ${sqlTimestamp(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${sqlTimestamp(windowStartedBefore)}
                        AND ("LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= ${sqlTimestamp(now)})
                   THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStartsAt" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${sqlTimestamp(windowStartedBefore)}
                        AND ("LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= ${sqlTimestamp(now)})
                   THEN ${sqlTimestamp(now)} ELSE "LoginThrottle"."windowStartsAt" END
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  if (!row) return false;
  if (row.lockedUntil && row.lockedUntil > now) return false;
  if (row.failures > rule.limit) {
    await prisma.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + rule.lockMs) } });
    return false;
  }
  return true;
}

/** A successful login clears the account's count; the client address keeps its count minus this attempt. */
export async function clearLoginAttempts(prisma: PrismaClient, accountKey: string, ipKey: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: accountKey } });
  await prisma.loginThrottle.updateMany({
    where: { key: ipKey, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}
