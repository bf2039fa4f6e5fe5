import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.ts';

function cache(ttlMs = 1000, maxEntries = 3) {
  let clock = 0;
  const c = createResponseCache<string>({ ttlMs, maxEntries, now: () => clock });
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
});
