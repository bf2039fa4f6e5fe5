// Vendor staff's live acknowledgements: the API's noticeAcknowledged stream, followed through
// event-stream.ts. Loaded lazily by the upgrades board once it is interactive.
import { graphql, type ResultOf } from '../graphql';
import { watchSubscription, type LiveWatch } from './event-stream';

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
export function watchAcknowledgements(watch: LiveWatch<AcknowledgedNotice>): () => void {
  return watchSubscription(NoticeAcknowledged, (data) => data.noticeAcknowledged, watch);
}
