// Verified credentials, kept in memory for a few seconds so that a request with a session or API
// token does not look it up in the database every time. Keyed by the token's SHA-256 (as stored),
// never the token. A credential is dropped at once, in every process (through the event bus: in
// process, or Redis pub/sub with REDIS_URL), when it is revoked, and all of a user's are dropped when
// what the viewer carries changes: disabling the user, a password change, a new role or locale.
// Whatever writes such a change calls `drop()`; a change made behind the API's back (SQL by hand)
// is seen within the time to live.
import type { PubSub } from 'graphql-yoga';
import type { NoticeEvents } from '../notices/events.ts';
import type { Viewer } from './viewer.ts';

/** What to forget: one session, one API token, or every credential of one user. */
export type CredentialDrop = { sessionId: string } | { apiTokenId: string } | { userId: string };

export interface VerifiedCredential {
  viewer: Viewer;
  /** When the session or token expires (null: an API token without expiry). */
  expiresAt: Date | null;
  /** An API token's last recorded use (its precision is a minute: see api-token.ts). */
  lastUsedAt?: Date | null;
}

export interface CredentialCache {
  get(tokenHash: string): VerifiedCredential | undefined;
  /**
   * Counts drops: a lookup that began before a drop must not store what it read, which may be what
   * was just revoked. Read it before the lookup and hand it to set().
   */
  readonly generation: number;
  set(tokenHash: string, credential: VerifiedCredential, generation: number): void;
  /** Forgets here at once and tells every other process. */
  drop(what: CredentialDrop): void;
  close(): Promise<void>;
}

export interface CredentialCacheOptions {
  /** 0: nothing is kept (every request looks its credential up). */
  ttlMs: number;
  events: NoticeEvents;
  maxEntries?: number;
  /** The clock of the time to live (real time, not the API's domain clock). */
  nowMs?: () => number;
}

// The bus carries any topic over the same channels; this one is declared here, beside its only
// publisher and subscriber, so the notices module need not know of it.
type CredentialTopics = { credentialsDropped: [drop: CredentialDrop] };

function matches(credential: VerifiedCredential, drop: CredentialDrop): boolean {
  const { viewer } = credential;
  if ('userId' in drop) return viewer.userId === drop.userId;
  if ('sessionId' in drop)
    return viewer.credential.kind === 'SESSION' && viewer.credential.sessionId === drop.sessionId;
  return viewer.credential.kind === 'API_TOKEN' && viewer.credential.tokenId === drop.apiTokenId;
}

export function createCredentialCache(options: CredentialCacheOptions): CredentialCache {
  const bus = options.events as unknown as PubSub<CredentialTopics>;
  const maxEntries = options.maxEntries ?? 10_000;
  const nowMs = options.nowMs ?? (() => performance.now());
  const entries = new Map<string, { credential: VerifiedCredential; storedAt: number }>();
  let generation = 0;

  function forget(drop: CredentialDrop): void {
    generation += 1;
    for (const [hash, entry] of entries) if (matches(entry.credential, drop)) entries.delete(hash);
  }

  const drops = options.ttlMs > 0 ? bus.subscribe('credentialsDropped') : undefined;
  if (drops) {
    void (async () => {
      for await (const drop of drops) forget(drop);
    })();
  }

  return {
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (nowMs() - entry.storedAt >= options.ttlMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.credential;
    },
    get generation() {
      return generation;
    },
    set(tokenHash, credential, since) {
      if (options.ttlMs <= 0 || since !== generation) return;
      entries.delete(tokenHash);
      // Map keeps insertion order: the first key is the oldest.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { credential, storedAt: nowMs() });
    },
    drop(what) {
      forget(what);
      // Every process (this one too, harmlessly) hears it; without subscribers nobody caches.
      bus.publish('credentialsDropped', what);
    },
    close: async () => {
      entries.clear();
      await drops?.return?.();
    },
  };
}
