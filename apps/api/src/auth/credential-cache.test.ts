import { afterEach, describe, expect, it } from 'vitest';
import { createNoticeEvents } from '../notices/events.ts';
import { createCredentialCache, type CredentialCache, type VerifiedCredential } from './credential-cache.ts';

const events = createNoticeEvents({ REDIS_URL: undefined, REDIS_CHANNEL_PREFIX: 'test:' });
let clock = 0;
const caches: CredentialCache[] = [];
const cache = (ttlMs = 5_000, maxEntries?: number) => {
  const created = createCredentialCache({ ttlMs, events, maxEntries, nowMs: () => clock });
  caches.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
  clock = 0;
});

const session = (userId: string, sessionId: string): VerifiedCredential => ({
  viewer: { userId, role: 'CUSTOMER_USER', locale: 'VI', customerId: 'c1', credential: { kind: 'SESSION', sessionId } },
  expiresAt: new Date('2026-12-31T00:00:00Z'),
});
const apiToken = (userId: string, tokenId: string): VerifiedCredential => ({
  viewer: {
    userId,
    role: 'CUSTOMER_ADMIN',
    locale: 'EN',
    customerId: 'c1',
    credential: { kind: 'API_TOKEN', tokenId, scopes: ['READ'] },
  },
  expiresAt: null,
  lastUsedAt: null,
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('createCredentialCache', () => {
  it('keeps a credential for its time to live', () => {
    const c = cache(5_000);
    c.set('h1', session('u1', 's1'), c.generation);
    clock = 4_999;
    expect(c.get('h1')?.viewer.userId).toBe('u1');
    clock = 5_000;
    expect(c.get('h1')).toBeUndefined();
  });

  it('keeps nothing with a time to live of 0', () => {
    const c = cache(0);
    c.set('h1', session('u1', 's1'), c.generation);
    expect(c.get('h1')).toBeUndefined();
  });

  it('drops one session, one API token, or all of a user', () => {
    const c = cache();
    const put = (hash: string, credential: VerifiedCredential) => c.set(hash, credential, c.generation);
    put('a', session('u1', 's1'));
    put('b', session('u1', 's2'));
    put('c', apiToken('u1', 't1'));
    put('d', session('u2', 's3'));
    c.drop({ sessionId: 's1' });
    expect(['a', 'b', 'c', 'd'].map((h) => c.get(h) !== undefined)).toEqual([false, true, true, true]);
    c.drop({ apiTokenId: 't1' });
    expect(['b', 'c', 'd'].map((h) => c.get(h) !== undefined)).toEqual([true, false, true]);
    c.drop({ userId: 'u1' });
    expect(['b', 'd'].map((h) => c.get(h) !== undefined)).toEqual([false, true]);
  });

  it('does not store what a lookup read before a drop', () => {
    const c = cache();
    const generation = c.generation;
    c.drop({ sessionId: 's1' });
    c.set('h1', session('u1', 's1'), generation);
    expect(c.get('h1')).toBeUndefined();
  });

  it('hears the drops of other processes on the event bus', async () => {
    const here = cache();
    const there = cache();
    here.set('h1', session('u1', 's1'), here.generation);
    await tick(); // the subscription is set up asynchronously
    there.drop({ userId: 'u1' });
    await tick();
    expect(here.get('h1')).toBeUndefined();
  });

  it('forgets the oldest entry past its size', () => {
    const c = cache(5_000, 2);
    for (const hash of ['a', 'b', 'c']) c.set(hash, session('u1', hash), c.generation);
    expect(['a', 'b', 'c'].map((h) => c.get(h) !== undefined)).toEqual([false, true, true]);
  });
});
