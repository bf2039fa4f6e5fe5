// Vendor staff's live acknowledgements: what the upgrades board follows (loaded lazily by it).
import { graphql, type ResultOf } from '../graphql';
import { watchSubscription, type SubscriptionWatch } from './notice-stream';

export const NoticeAcknowledged = graphql(`
  subscription NoticeAcknowledged {
    noticeAcknowledged {
      id
      acknowledgedAt
      acknowledgedBy {
        name
      }
      customer {
        id
        name
      }
      upgrade {
        id
        title
      }
    }
  }
`);

export type AcknowledgedNotice = ResultOf<typeof NoticeAcknowledged>['noticeAcknowledged'];

/** Follows acknowledgements as customers record them until the returned function is called. */
export function watchAcknowledgements(watch: SubscriptionWatch<AcknowledgedNotice>): () => void {
  return watchSubscription(
    NoticeAcknowledged,
    {},
    {
      onData: (data) => watch.onData(data.noticeAcknowledged),
      onReconnect: () => watch.onReconnect(),
    },
  );
}
