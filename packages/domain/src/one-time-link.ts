// The rules of one-time links (invitations and password resets). The token itself is random and
// only its hash is stored (apps/api); these are the rules on the stored row.

/** An invitation or a password-reset link is valid for 72 hours. */
export const ONE_TIME_LINK_HOURS = 72;

export const ONE_TIME_LINK_MIN_PASSWORD = 12;
export const ONE_TIME_LINK_MAX_PASSWORD = 256;

export type OneTimeLinkState = 'VALID' | 'EXPIRED' | 'USED';

export function oneTimeLinkExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ONE_TIME_LINK_HOURS * 60 * 60 * 1000);
}

/**
 * Whether a stored link may still be used at `now`. A used link stays used; a link past its expiry
 * is expired at the very instant of expiry. (Issuing a new link expires the user's older ones of the
 * same purpose, so only the newest email works.)
 */
export function oneTimeLinkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): OneTimeLinkState {
  if (link.usedAt) return 'USED';
  if (now.getTime() >= link.expiresAt.getTime()) return 'EXPIRED';
  return 'VALID';
}

/** Why `password` cannot be set, or null. Length is what counts (NIST SP 800-63B); no composition rules. */
export function newPasswordProblem(password: string): 'TOO_SHORT' | 'TOO_LONG' | null {
  const length = [...password].length;
  if (length < ONE_TIME_LINK_MIN_PASSWORD) return 'TOO_SHORT';
  if (length > ONE_TIME_LINK_MAX_PASSWORD) return 'TOO_LONG';
  return null;
}
