// Live notice events: what the `noticePublished` subscription listens to. In-process by default;
// with REDIS_URL, over Redis pub/sub, so that every API process serving the audience hears a
// notice published by any of them (or by a separate dispatcher process).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub, type PubSubEvent, type PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';

/**
 * Events carry ids only: a subscriber loads the row itself, through the viewer's visibility filter,
 * so nothing on the bus (or in Redis) is ever trusted or leaks a notice's text.
 */
export interface NoticePublishedEvent {
  noticeId: string;
}

export interface NoticeAcknowledgedEvent {
  noticeId: string;
  customerId: string;
  upgradeId: string;
}

// A type alias, not an interface: createPubSub wants an index-signature-compatible type.
export type NoticeTopics = {
  /** Topic id: the customer the notice was published to. */
  noticePublished: [customerId: string, payload: NoticePublishedEvent];
  /** Every customer's notices, for vendor staff watching them all. */
  noticePublishedToAnyCustomer: [payload: NoticePublishedEvent & { customerId: string }];
  /** A customer's user acknowledged a notice, for vendor staff following the acknowledgements. */
  noticeAcknowledged: [payload: NoticeAcknowledgedEvent];
  /** Topic id: the staff user an alert was written for (ids only, like notices). */
  staffAlertRaised: [userId: string, payload: { alertId: string }];
  /** Something visible may have changed (a mutation, a notice-worker round): cached responses are dropped. */
  dataChanged: [payload: { source: string }];
};

export interface NoticeEvents extends PubSub<NoticeTopics> {
  /**
   * Resolves once events published now go out at once (Redis connected), or after `timeoutMs`
   * regardless: until then they wait in the client's queue.
   */
  ready(timeoutMs: number): Promise<void>;
  /** Quits the Redis connections (when there are any); pending subscriptions stop receiving. */
  close(): Promise<void>;
}

export type NoticeEventsConfig = Pick<Config, 'REDIS_URL' | 'REDIS_CHANNEL_PREFIX'>;

export interface NoticeEventsOptions {
  /** Where connection and publish failures are reported; they never throw into a request. */
  logError?: (message: string, error: unknown) => void;
}

type NoticeEventTarget = PubSubEventTarget<NoticeTopics>;

export function createNoticeEvents(config: NoticeEventsConfig, options: NoticeEventsOptions = {}): NoticeEvents {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  if (!config.REDIS_URL) {
    return Object.assign(createPubSub<NoticeTopics>(), {
      ready: () => Promise.resolve(),
      close: () => Promise.resolve(),
    });
  }

  // A subscribed connection can only (un)subscribe, so publishing needs a connection of its own.
  const publishClient = new Redis(config.REDIS_URL);
  const subscribeClient = new Redis(config.REDIS_URL);
  for (const [name, client] of [
    ['publish', publishClient],
    ['subscribe', subscribeClient],
  ] as const) {
    // ioredis reconnects by itself; without a listener it would print every failed attempt as unhandled.
    client.on('error', (error: unknown) => logError(`Redis (${name} connection) error`, error));
  }
  const redisTarget = createRedisEventTarget<PubSubEvent<NoticeTopics, keyof NoticeTopics>>({
    publishClient,
    subscribeClient,
  });
  const prefix = config.REDIS_CHANNEL_PREFIX;

  const target: NoticeEventTarget = {
    // Published straight on the client rather than through redisTarget.dispatchEvent, which drops the
    // command's promise: a Redis outage must be logged, not crash the process with an unhandled rejection.
    dispatchEvent(event) {
      const message = event.detail === undefined ? '' : JSON.stringify(event.detail);
      publishClient.publish(prefix + event.type, message).catch((error: unknown) => {
        logError(`Redis publish to ${prefix + event.type} failed`, error);
      });
      return true;
    },
    addEventListener: (type, listener) => redisTarget.addEventListener(prefix + type, listener),
    removeEventListener: (type, listener) => redisTarget.removeEventListener(prefix + type, listener),
  };

  const connected = (client: Redis) =>
    client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', resolve));
  return Object.assign(createPubSub<NoticeTopics>({ eventTarget: target }), {
    ready: async (timeoutMs: number) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.all([connected(publishClient), connected(subscribeClient)]), late]);
      clearTimeout(timer);
    },
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}

/**
 * Announces a notice that has just been published to `customerId`. Call it after the transaction
 * that set `publishedAt` commits, so a subscriber never loads a notice it cannot see yet.
 */
export function publishNoticePublished(events: NoticeEvents, customerId: string, noticeId: string): void {
  events.publish('noticePublished', customerId, { noticeId });
  events.publish('noticePublishedToAnyCustomer', { customerId, noticeId });
}

/**
 * Announces acknowledgements that were just recorded (not ones repeated). Call it after they are
 * written, so a subscriber loading the notice reads who acknowledged it and when.
 */
export function publishNoticesAcknowledged(events: NoticeEvents, notices: readonly NoticeAcknowledgedEvent[]): void {
  for (const { noticeId, customerId, upgradeId } of notices) {
    events.publish('noticeAcknowledged', { noticeId, customerId, upgradeId });
  }
}
