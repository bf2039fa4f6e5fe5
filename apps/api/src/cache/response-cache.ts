// A per-credential cache of query results. Reads far outnumber writes here (a dashboard polled by
// every user of every customer, partner tools listing notices), and a result is a pure function of
// (who asks, the document, the variables, the data). So a result is kept for a short TTL and
// thrown away, everything at once, the moment the data may have changed: after any mutation,
// after a notice-worker round that changed something, in this process or (over Redis) any other.
// Coarse on purpose: one generation counter is easy to get right; per-entity invalidation is not.
// Bounded twice: in entries, and in bytes (each entry weighs its key plus its value as JSON), so a
// few huge answers cannot hold the process's memory hostage.

export interface ResponseCacheOptions<T> {
  /** How long a result may be served; bounds staleness for what no event announces (time passing). */
  ttlMs: number;
  /** Least recently used entries go first beyond this. */
  maxEntries: number;
  /** ...and beyond this total weight; a value heavier than this on its own is not kept. */
  maxBytes: number;
  /** The weight of a value in bytes; default: its JSON's UTF-8 length. */
  weigh?: (value: T) => number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  generation: number;
  expiresAt: number;
  bytes: number;
}

/** A value's weight: the UTF-8 bytes of its JSON (what it would take to send it). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export interface ResponseCache<T> {
  /** The current generation; pass it to set() so a result computed across an invalidation is not kept. */
  readonly generation: number;
  get(key: string): T | undefined;
  set(key: string, value: T, computedInGeneration: number): void;
  /** The data may have changed: nothing cached so far is served again. */
  invalidate(): void;
  readonly size: number;
  /** The total weight of what is kept, keys included. */
  readonly bytes: number;
}

export function createResponseCache<T>(options: ResponseCacheOptions<T>): ResponseCache<T> {
  const now = options.now ?? (() => performance.now());
  // A Map iterates in insertion order; re-inserting on each hit makes the first key the least recently used.
  const weigh = options.weigh ?? jsonBytes;
  const entries = new Map<string, Entry<T>>();
  let generation = 0;
  let bytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  return {
    get generation() {
      return generation;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.generation !== generation || entry.expiresAt <= now()) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, computedInGeneration) {
      if (computedInGeneration !== generation || options.ttlMs <= 0) return;
      remove(key);
      const weight = Buffer.byteLength(key, 'utf8') + weigh(value);
      if (weight > options.maxBytes) return;
      entries.set(key, { value, generation, expiresAt: now() + options.ttlMs, bytes: weight });
      bytes += weight;
      while (entries.size > options.maxEntries || bytes > options.maxBytes) remove(entries.keys().next().value!);
    },
    invalidate() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
  };
}
