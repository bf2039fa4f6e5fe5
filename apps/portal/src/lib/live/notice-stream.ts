// The browser side of live updates: urql over the portal's same-origin /api/graphql endpoint,
// which relays the API's server-sent-event streams (noticePublished, noticeAcknowledged) with the
// session's token. Loaded lazily (the root layout, the upgrades board), so it does not weigh on a
// page's first render.
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { onEnd, pipe, subscribe } from 'wonka';
import { InboxNoticeFields, type InboxNotice } from '../fragments';
import { graphql } from '../graphql';

export const NoticePublished = graphql(
  `
    subscription NoticePublished {
      noticePublished {
        ...InboxNoticeFields
      }
    }
  `,
  [InboxNoticeFields],
);

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

export interface NoticeWatch {
  onNotice(notice: InboxNotice): void;
  /** The stream was down and is back: what was published meanwhile is missing. */
  onReconnect(): void;
}

/** Follows published notices until the returned function is called, reconnecting with backoff. */
export function watchPublishedNotices(watch: NoticeWatch, client = browserGraphqlClient()): () => void {
  return watchSubscription(
    NoticePublished,
    {},
    { onData: (data) => watch.onNotice(data.noticePublished), onReconnect: () => watch.onReconnect() },
    client,
  );
}

export interface SubscriptionWatch<Data> {
  onData(data: Data): void;
  /** The stream was down and is back: what happened meanwhile is missing. */
  onReconnect(): void;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A stream still open after this long is taken as connected (it sends nothing until an event comes). */
const SETTLED_MS = 3_000;

/** Follows a subscription until the returned function is called, reconnecting with backoff. */
export function watchSubscription<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  watch: SubscriptionWatch<Data>,
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
      client.subscription(document, variables),
      onEnd(() => {
        clearTimeout(settleTimer);
        if (stopped) return;
        retryTimer = setTimeout(() => connect(true), retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }),
      subscribe((result) => {
        if (result.data) watch.onData(result.data);
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
