import type { UpgradeKind, UpgradeStatus } from '../api-types';

/** What a calendar needs of an upgrade to show it on a day. */
export interface CalendarEvent {
  id: string;
  kind: UpgradeKind;
  status: UpgradeStatus;
  title: string;
}
