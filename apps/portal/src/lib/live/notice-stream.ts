// Customers' live notices: the API's noticePublished stream, followed through event-stream.ts.
// Loaded lazily by the root layout, so it does not weigh on a page's first render.
import { InboxNoticeFields, type InboxNotice } from '../fragments';
import { graphql } from '../graphql';
import { browserGraphqlClient, watchSubscription } from './event-stream';

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

export interface NoticeWatch {
  onNotice(notice: InboxNotice): void;
  /** The stream was down and is back: what was published meanwhile is missing. */
  onReconnect(): void;
}

/** Follows published notices until the returned function is called, reconnecting with backoff. */
export function watchPublishedNotices(watch: NoticeWatch, client = browserGraphqlClient()): () => void {
  return watchSubscription(
    NoticePublished,
    (data) => data.noticePublished,
    { onItem: watch.onNotice, onReconnect: watch.onReconnect },
    client,
  );
}
