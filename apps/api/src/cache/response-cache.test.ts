import { describe, expect, it } from 'vitest';
import { createResponseCache, jsonBytes } from './response-cache.ts';

function cache(ttlMs = 1000, maxEntries = 3, maxBytes = 1_000_000) {
  let clock = 0;
  const c = createResponseCache<string>({ ttlMs, maxEntries, maxBytes, now: () => clock });
  return { c, advance: (ms: number) => (clock += ms) };
}

describe('response cache', () => {
  it('serves what was stored under the same key, and nothing under another', () => {
    const { c } = cache();
    c.set('a', 'A', c.generation);
    expect(c.get('a')).toBe('A');
    expect(c.get('b')).toBeUndefined();
  });

  it('forgets an entry once its TTL has passed', () => {
    const { c, advance } = cache(1000);
    c.set('a', 'A', c.generation);
    advance(999);
    expect(c.get('a')).toBe('A');
    advance(1);
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('serves nothing cached before an invalidation', () => {
    const { c } = cache();
    c.set('a', 'A', c.generation);
    c.invalidate();
    expect(c.get('a')).toBeUndefined();
  });

  it('does not keep a result computed while an invalidation happened', () => {
    const { c } = cache();
    const started = c.generation;
    c.invalidate(); // a mutation committed while the query ran: its result may predate it
    c.set('a', 'stale', started);
    expect(c.get('a')).toBeUndefined();
    c.set('a', 'fresh', c.generation);
    expect(c.get('a')).toBe('fresh');
  });

  it('drops the least recently used entry beyond its size', () => {
    const { c } = cache(1000, 2);
    c.set('a', 'A', c.generation);
    c.set('b', 'B', c.generation);
    c.get('a'); // a is now the most recently used
    c.set('c', 'C', c.generation);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('A');
    expect(c.get('c')).toBe('C');
  });

  it('stores nothing with a TTL of 0 (caching off)', () => {
    const { c } = cache(0);
    c.set('a', 'A', c.generation);
    expect(c.get('a')).toBeUndefined();
  });

  it('weighs an entry as its key plus its value as JSON, in UTF-8 bytes', () => {
    expect(jsonBytes('ab')).toBe(4); // "ab"
    expect(jsonBytes({ tên: 'Hà Nội' })).toBe(Buffer.byteLength('{"tên":"Hà Nội"}'));
    const { c } = cache(1000, 100);
    c.set('key', 'é', c.generation); // 3 + 4
    expect(c.bytes).toBe(3 + 4);
    c.set('key', 'ab', c.generation); // replacing an entry does not count it twice
    expect(c.bytes).toBe(3 + 4);
    c.invalidate();
    expect(c.bytes).toBe(0);
  });

  it('drops the least recently used entries beyond its weight in bytes, whatever their number', () => {
    // Each entry: a 1-byte key and a 10-character string (12 bytes as JSON): 13 bytes.
    const { c } = cache(1000, 1_000, 40);
    for (const key of ['a', 'b', 'c']) c.set(key, 'x'.repeat(10), c.generation);
    expect(c.size).toBe(3);
    expect(c.bytes).toBe(39);
    c.get('a'); // b is now the least recently used
    c.set('d', 'x'.repeat(10), c.generation);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')]).toEqual(Array(3).fill('x'.repeat(10)));
    expect(c.bytes).toBeLessThanOrEqual(40);
  });

  it('keeps nothing heavier than the whole budget, and keeps what it held', () => {
    const { c } = cache(1000, 1_000, 40);
    c.set('a', 'small', c.generation);
    c.set('b', 'x'.repeat(100), c.generation);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('small');
  });

  it('releases the weight of an entry found expired', () => {
    const { c, advance } = cache(1000, 10, 1_000);
    c.set('a', 'A', c.generation);
    advance(1000);
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBe(0);
  });
});
