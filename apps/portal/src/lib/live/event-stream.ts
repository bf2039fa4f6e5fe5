// The browser side of the API's live events: urql over the portal's same-origin /api/graphql
// endpoint, which relays the API's server-sent-event streams with the session's token. Each live
// feature (customers' published notices, staff alerts) names its subscription and what to take
// from each event; connecting, reconnecting with backoff and stopping live here, once.
import { Client, fetchExchange, type TypedDocumentNode } from '@urql/core';
import { onEnd, pipe, subscribe } from 'wonka';

export function browserGraphqlClient(): Client {
  return new Client({
    url: '/api/graphql',
    exchanges: [fetchExchange],
    // Subscriptions over fetch: POST with Accept: text/event-stream, read as a stream.
    fetchSubscriptions: true,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    // The endpoint refuses requests without this header (cross-site request forgery).
    fetchOptions: { headers: { 'x-upgrade-desk-csrf': '1' }, credentials: 'same-origin' },
  });
}

export interface LiveWatch<Item> {
  onItem(item: Item): void;
  /** The stream was down and is back: what happened meanwhile is missing. */
  onReconnect(): void;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A stream still open after this long is taken as connected (it sends nothing until an event comes). */
const SETTLED_MS = 3_000;

/** Follows `subscription` until the returned function is called, reconnecting with backoff. */
export function watchSubscription<Data, Item>(
  subscription: TypedDocumentNode<Data, Record<string, never>>,
  itemOf: (data: Data) => Item,
  watch: LiveWatch<Item>,
  client = browserGraphqlClient(),
): () => void {
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let current: { unsubscribe(): void } | undefined;

  const connect = (isReconnect: boolean) => {
    settleTimer = setTimeout(() => {
      retryMs = FIRST_RETRY_MS;
      if (isReconnect) watch.onReconnect();
    }, SETTLED_MS);
    current = pipe(
      client.subscription(subscription, {}),
      onEnd(() => {
        clearTimeout(settleTimer);
        if (stopped) return;
        retryTimer = setTimeout(() => connect(true), retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }),
      subscribe((result) => {
        if (result.data) watch.onItem(itemOf(result.data));
      }),
    );
  };

  connect(false);
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(settleTimer);
    current?.unsubscribe();
  };
}
