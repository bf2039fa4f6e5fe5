import { createHash } from 'node:crypto';

// Demo rows get ids derived from their natural keys ("customer:HANOI-WATER"), so re-seeding
// gives every row the same id: bookmarks, test fixtures and links in the portal keep working.

function digest(naturalKey: string): Buffer {
  return createHash('sha256').update(naturalKey, 'utf8').digest();
}

/** A UUID (version 8, "custom") built from the SHA-256 of the natural key. */
export function stableId(naturalKey: string): string {
  const bytes = digest(naturalKey).subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A number in [0, 1) that depends only on the key: the seed's stand-in for Math.random, so
 * "does this customer acknowledge that notice" has the same answer on every run and does not
 * shift when rows are added elsewhere.
 */
export function stableFraction(naturalKey: string): number {
  return digest(`fraction:${naturalKey}`).readUInt32BE(0) / 0x1_0000_0000;
}

/** A secret-looking hex string derived from the key (demo data only: it is predictable). */
export function stableHex(naturalKey: string, length: number): string {
  return digest(`hex:${naturalKey}`).toString('hex').slice(0, length);
}
