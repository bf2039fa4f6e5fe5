// When a failed EMAIL or WEBHOOK delivery is tried again. Deterministic (no jitter): the log shows a
// customer's admin exactly when the next try comes, and tests can name it. A burst of failures
// against one receiver is already spread out by the deliveries' own publication times.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, ... failed attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR];

/** The first try plus one retry per delay: a delivery is abandoned when its 6th attempt fails (about 8.5 hours in). */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after attempt number `attempts` (1-based, counting the one that just failed)
 * failed at `failedAt`; null when that was the last attempt and the delivery is abandoned.
 */
export function nextRetryAt(attempts: number, failedAt: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
