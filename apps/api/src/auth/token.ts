import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 160 random bits, base32: the lucia guide's session token. */
export function generateToken(prefix = ''): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return prefix + encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Tokens are stored only as this hash, so a database leak yields no usable credential. Computed on
 * every authenticated request (node's native SHA-256: several times faster than one in JavaScript).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
