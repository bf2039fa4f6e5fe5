// The noticePublished subscription over real server-sent-event connections: scoped to the viewer's
// customer, re-checked against the database (never the event's word), in one process and across
// two API processes sharing Redis; and noticeAcknowledged, vendor staff's live acknowledgements.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoticeEvents, publishNoticePublished, type NoticeEvents } from '../../apps/api/src/notices/events.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';
import { openEventStream, type EventStream } from './sse-client.ts';

const SUBSCRIPTION =
  'subscription ($customerId: ID) { noticePublished(customerId: $customerId) { id title customer { code } } }';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

type Code = 'HANOI-WATER' | 'SAIGON-GARMENT';
let counter = 0;

/** A notice row for the customer (published unless told otherwise), with a unique title. */
async function insertNotice(api: TestApi, code: Code, options: { published?: boolean } = {}) {
  const prisma = api.db.prisma;
  const customer = await prisma.customer.findUniqueOrThrow({ where: { code } });
  const target = await prisma.upgradeTarget.findFirstOrThrow({ where: { customerId: customer.id } });
  counter += 1;
  return prisma.notice.create({
    data: {
      upgradeId: target.upgradeId,
      customerId: customer.id,
      stage: 'ADVISORY',
      sequence: 1000 + counter,
      channels: ['IN_APP'],
      scheduledFor: NOW,
      publishedAt: options.published === false ? null : NOW,
      locale: customer.locale,
      title: `Live ${code} #${counter}`,
      body: 'Live test',
    },
  });
}

/** Inserts a published notice and announces it on `events`, as the dispatcher does after its commit. */
async function publish(api: TestApi, events: NoticeEvents, code: Code) {
  const notice = await insertNotice(api, code);
  publishNoticePublished(events, notice.customerId, notice.id);
  return notice;
}

async function nextTitle(stream: EventStream, timeoutMs = 5000): Promise<string | null> {
  const message = await stream.next(timeoutMs);
  if (!message) return null;
  expect(message.event, JSON.stringify(message.data)).toBe('next');
  expect(message.data?.errors).toBeUndefined();
  return message.data!.data!.noticePublished.title;
}

/**
 * The server attaches its listener shortly after answering with the stream's headers: publish
 * markers until one arrives, then a last one, and read up to it, so the stream holds nothing stale.
 */
async function waitUntilListening(api: TestApi, events: NoticeEvents, stream: EventStream, code: Code) {
  for (let attempt = 0; ; attempt++) {
    await publish(api, events, code);
    if (await stream.next(200).then((m) => m !== null)) break;
    if (attempt > 50) throw new Error('the subscription never started listening');
  }
  const last = await publish(api, events, code);
  for (;;) {
    const title = await nextTitle(stream);
    if (title === null) throw new Error('the last marker never arrived');
    if (title === last.title) return;
  }
}

async function customerId(api: TestApi, code: Code): Promise<string> {
  const token = await api.login(ACCOUNTS.admin);
  const { data } = await api.gql(
    'query ($s: String) { customers(first: 1, search: $s) { edges { node { id code } } } }',
    { s: code },
    { token },
  );
  expect(data.customers.edges[0].node.code).toBe(code);
  return data.customers.edges[0].node.id;
}

describe('noticePublished over server-sent events', () => {
  let api: TestApi;
  const streams: EventStream[] = [];
  const open = async (body: { query: string; variables?: Record<string, unknown> }, token?: string) => {
    const stream = await openEventStream(api.origin!, body, token);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    api = await startTestApi({ listen: true });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await api?.close();
  });

  it("delivers the customer's own notices, and never another customer's", async () => {
    const stream = await open({ query: SUBSCRIPTION }, await api.login(ACCOUNTS.hanoiUser));
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await waitUntilListening(api, api.events, stream, 'HANOI-WATER');

    for (let round = 0; round < 3; round++) {
      await publish(api, api.events, 'SAIGON-GARMENT');
      const hanoi = await publish(api, api.events, 'HANOI-WATER');
      // Delivery is in publishing order: had SAIGON's been let through, it would come first.
      const message = await stream.next();
      expect(message?.data?.data).toEqual({
        noticePublished: { id: expect.any(String), title: hanoi.title, customer: { code: 'HANOI-WATER' } },
      });
    }
  });

  it('re-checks each event against the database: unpublished or forged notices are not delivered', async () => {
    const stream = await open({ query: SUBSCRIPTION }, await api.login(ACCOUNTS.hanoiUser));
    await waitUntilListening(api, api.events, stream, 'HANOI-WATER');
    const hanoiId = (await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } })).id;

    // Announced before its transaction committed (publishedAt still null): not visible, not sent.
    const draft = await insertNotice(api, 'HANOI-WATER', { published: false });
    publishNoticePublished(api.events, hanoiId, draft.id);
    // An event on HANOI's topic naming SAIGON's notice: the topic proves nothing.
    const saigon = await insertNotice(api, 'SAIGON-GARMENT');
    publishNoticePublished(api.events, hanoiId, saigon.id);
    // Garbage ids are ignored rather than breaking the stream.
    publishNoticePublished(api.events, hanoiId, 'not-a-uuid');

    const marker = await publish(api, api.events, 'HANOI-WATER');
    expect(await nextTitle(stream)).toBe(marker.title);
  });

  it("lets vendor staff watch every customer's notices, or one customer's", async () => {
    const token = await api.login(ACCOUNTS.care);
    const all = await open({ query: SUBSCRIPTION }, token);
    await waitUntilListening(api, api.events, all, 'HANOI-WATER');
    const saigon = await publish(api, api.events, 'SAIGON-GARMENT');
    const hanoi = await publish(api, api.events, 'HANOI-WATER');
    expect([await nextTitle(all), await nextTitle(all)]).toEqual([saigon.title, hanoi.title]);

    const one = await open(
      { query: SUBSCRIPTION, variables: { customerId: await customerId(api, 'SAIGON-GARMENT') } },
      token,
    );
    await waitUntilListening(api, api.events, one, 'SAIGON-GARMENT');
    await publish(api, api.events, 'HANOI-WATER');
    const onlySaigon = await publish(api, api.events, 'SAIGON-GARMENT');
    expect(await nextTitle(one)).toBe(onlySaigon.title);
  });

  it("refuses a customer user who asks for another customer's notices", async () => {
    const stream = await open(
      { query: SUBSCRIPTION, variables: { customerId: await customerId(api, 'SAIGON-GARMENT') } },
      await api.login(ACCOUNTS.hanoiUser),
    );
    const message = await stream.next();
    expect(message?.data?.data ?? null).toBeNull();
    expect(message?.data?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stream.next())?.event).toMatch(/^(complete|end)$/);
  });

  it('refuses anonymous callers', async () => {
    const stream = await open({ query: SUBSCRIPTION });
    const message = await stream.next();
    expect(message?.data?.data ?? null).toBeNull();
    expect(message?.data?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stream.next())?.event).toMatch(/^(complete|end)$/);
  });

  it('ends the stream once the session is revoked', async () => {
    const token = await api.login(ACCOUNTS.hanoiAdmin);
    const stream = await open({ query: SUBSCRIPTION }, token);
    await waitUntilListening(api, api.events, stream, 'HANOI-WATER');
    const { data } = await api.gql('mutation { sessionRevoke { revoked } }', {}, { token });
    expect(data.sessionRevoke.revoked).toBe(true);
    await publish(api, api.events, 'HANOI-WATER');
    expect((await stream.next())?.event).toMatch(/^(complete|end)$/);
  });
});

describe('noticeAcknowledged over server-sent events', () => {
  const ACKNOWLEDGED =
    'subscription { noticeAcknowledged { id title acknowledgedAt acknowledgedBy { email } customer { code } upgrade { id } } }';
  const ACKNOWLEDGE = `mutation ($ids: [ID!]!) {
    noticeAcknowledge(input: { ids: $ids }) { notices { id } userErrors { code } } }`;
  let api: TestApi;
  const streams: EventStream[] = [];
  const open = async (token?: string) => {
    const stream = await openEventStream(api.origin!, { query: ACKNOWLEDGED }, token);
    streams.push(stream);
    return stream;
  };
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };

  /** A published notice awaiting HANOI-WATER's acknowledgement. */
  async function awaitingNotice() {
    const notice = await insertNotice(api, 'HANOI-WATER');
    return api.db.prisma.notice.update({
      where: { id: notice.id },
      data: { requiresAcknowledgement: true, acknowledgeBy: new Date(NOW.getTime() + 86_400_000) },
    });
  }

  async function acknowledge(email: string, noticeId: string) {
    const { data, errors } = await api.gql(
      ACKNOWLEDGE,
      { ids: [Buffer.from(`Notice:${noticeId}`).toString('base64')] },
      { token: await token(email) },
    );
    expect(errors).toBeUndefined();
    expect(data.noticeAcknowledge.userErrors).toEqual([]);
  }

  async function nextAcknowledged(stream: EventStream) {
    const message = await stream.next();
    expect(message?.event, JSON.stringify(message?.data)).toBe('next');
    expect(message?.data?.errors).toBeUndefined();
    return message!.data!.data!.noticeAcknowledged;
  }

  /** Acknowledges fresh notices until the stream delivers one, then reads up to a last marker. */
  async function waitUntilFollowing(stream: EventStream) {
    for (let attempt = 0; ; attempt++) {
      await acknowledge(ACCOUNTS.hanoiUser, (await awaitingNotice()).id);
      if (await stream.next(200).then((m) => m !== null)) break;
      if (attempt > 50) throw new Error('the subscription never started listening');
    }
    const last = await awaitingNotice();
    await acknowledge(ACCOUNTS.hanoiUser, last.id);
    for (;;) if ((await nextAcknowledged(stream)).title === last.title) return;
  }

  beforeAll(async () => {
    api = await startTestApi({ listen: true });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await api?.close();
  });

  it('tells vendor staff who acknowledged which notice, as it is recorded', async () => {
    const stream = await open(await token(ACCOUNTS.engineer));
    expect(stream.response.status).toBe(200);
    await waitUntilFollowing(stream);

    const notice = await awaitingNotice();
    await acknowledge(ACCOUNTS.hanoiAdmin, notice.id);
    const event = await nextAcknowledged(stream);
    expect(event).toEqual({
      id: expect.any(String),
      title: notice.title,
      acknowledgedAt: expect.any(String),
      acknowledgedBy: { email: ACCOUNTS.hanoiAdmin },
      customer: { code: 'HANOI-WATER' },
      upgrade: { id: Buffer.from(`Upgrade:${notice.upgradeId}`).toString('base64') },
    });
    const row = await api.db.prisma.acknowledgement.findUniqueOrThrow({ where: { noticeId: notice.id } });
    expect(new Date(event.acknowledgedAt).getTime()).toBe(row.at.getTime());
  });

  it('announces an acknowledgement once: acknowledging again, or a forged event, sends nothing', async () => {
    const stream = await open(await token(ACCOUNTS.care));
    await waitUntilFollowing(stream);
    const first = await awaitingNotice();
    await acknowledge(ACCOUNTS.hanoiUser, first.id);
    expect((await nextAcknowledged(stream)).title).toBe(first.title);

    // Acknowledged again (the first acknowledgement stands): no new event.
    await acknowledge(ACCOUNTS.hanoiAdmin, first.id);
    // An event naming a notice nobody acknowledged: the event's word is not taken.
    const unacknowledged = await awaitingNotice();
    api.events.publish('noticeAcknowledged', {
      noticeId: unacknowledged.id,
      customerId: unacknowledged.customerId,
      upgradeId: unacknowledged.upgradeId,
    });
    const marker = await awaitingNotice();
    await acknowledge(ACCOUNTS.hanoiUser, marker.id);
    expect((await nextAcknowledged(stream)).title).toBe(marker.title);
  });

  it('refuses customers and anonymous callers', async () => {
    for (const caller of [await token(ACCOUNTS.hanoiAdmin), undefined]) {
      const stream = await open(caller);
      const message = await stream.next();
      expect(message?.data?.data ?? null).toBeNull();
      expect(message?.data?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await stream.next())?.event).toMatch(/^(complete|end)$/);
    }
  });
});

describe('noticePublished across two API processes over Redis', () => {
  const prefix = `upgrade-desk-test-${randomUUID()}:`;
  const config = { REDIS_URL, REDIS_CHANNEL_PREFIX: prefix };
  let eventsA: NoticeEvents;
  let eventsB: NoticeEvents;
  let apiA: TestApi;
  let apiB: TestApi;
  let redis: Redis;

  beforeAll(async () => {
    eventsA = createNoticeEvents(config);
    eventsB = createNoticeEvents(config);
    redis = new Redis(REDIS_URL);
    apiA = await startTestApi({ listen: true, events: eventsA });
    apiB = await startTestApi({ listen: true, events: eventsB, db: apiA.db });
  });
  afterAll(async () => {
    await apiB?.close();
    await apiA?.close();
    await Promise.all([eventsA?.close(), eventsB?.close(), redis?.quit()]);
  });

  it('a notice published on server A reaches the SSE client of server B, and only its customer', async () => {
    const stream = await openEventStream(apiB.origin!, { query: SUBSCRIPTION }, await apiB.login(ACCOUNTS.hanoiUser));
    try {
      const hanoiId = (await apiA.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } })).id;
      // Wait until server B's Redis connection has subscribed to HANOI's channel (this run's prefix only).
      const channel = `${prefix}noticePublished:${hanoiId}`;
      for (let attempt = 0; ; attempt++) {
        const [, subscribers] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        if (Number(subscribers) === 1) break;
        if (attempt > 100) throw new Error(`nobody subscribed to ${channel}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      await publish(apiA, eventsA, 'SAIGON-GARMENT');
      const hanoi = await publish(apiA, eventsA, 'HANOI-WATER');
      expect(await nextTitle(stream)).toBe(hanoi.title);

      // Shutting server B down ends its live streams instead of hanging on them.
      await apiB.close();
      expect((await stream.next())?.event).toMatch(/^(complete|end)$/);
    } finally {
      stream.close();
    }
  });
});
