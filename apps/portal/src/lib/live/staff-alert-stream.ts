// Staff alerts as they are raised: the API's staffAlertRaised stream (the viewer's own alerts),
// followed through event-stream.ts. Loaded lazily by the alerts page once it is interactive.
import { StaffAlertFields, type StaffAlertItem } from '../fragments';
import { graphql } from '../graphql';
import { watchSubscription, type LiveWatch } from './event-stream';

export const StaffAlertRaised = graphql(
  `
    subscription StaffAlertRaised {
      staffAlertRaised {
        ...StaffAlertFields
      }
    }
  `,
  [StaffAlertFields],
);

/** Follows the viewer's new alerts until the returned function is called. */
export function watchStaffAlerts(watch: LiveWatch<StaffAlertItem>): () => void {
  return watchSubscription(StaffAlertRaised, (data) => data.staffAlertRaised, watch);
}
