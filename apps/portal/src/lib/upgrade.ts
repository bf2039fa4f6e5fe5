import type { UpgradeKind, UpgradeStatus } from './api-types';

/** An upgrade as the dashboard and the maintenance list show it. */
export interface UpgradeListItem {
  id: string;
  kind: UpgradeKind;
  status: UpgradeStatus;
  title: string;
  windowStart: string;
  windowEnd: string;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  modules: { id: string; name: string }[];
}

export const UPGRADE_LIST_FIELDS = `
  id
  kind
  status
  title
  windowStart
  windowEnd
  expectedDowntimeMinutes
  requiresRelogin
  modules {
    id
    name
  }
`;
