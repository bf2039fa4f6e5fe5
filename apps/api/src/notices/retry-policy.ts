// The one retry policy of every outgoing message (notice deliveries by email and webhook, queued
// emails): how long a claim keeps other workers off a message, how long one send may take, and when
// a failed one is tried again. Deterministic (no jitter): the log shows a customer's admin exactly
// when the next try comes, and tests can name it. A burst of failures against one receiver is
// already spread out by the messages' own creation times.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long a claim keeps other workers off a message. Longer than any one send can take (SEND_DEADLINE_MS). */
export const CLAIM_LEASE_MS = 2 * MINUTE;
/** A send still unsettled after this counts as failed, so its result is recorded well inside the lease. */
export const SEND_DEADLINE_MS = MINUTE;
/** The stored `lastError` is cut to this length. */
export const LAST_ERROR_MAX_LENGTH = 1000;

/** The wait after the 1st, 2nd, ... failed attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR];

/** The first try plus one retry per delay: a message is abandoned when its 6th attempt fails (about 8.5 hours in). */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after attempt number `attempts` (1-based, counting the one that just failed)
 * failed at `failedAt`; null when that was the last attempt and the message is abandoned.
 */
export function nextRetryAt(attempts: number, failedAt: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
