import { isCustomerRole } from '$lib/api-types';
import { consoleCapabilities, isStaffRole } from '$lib/console/capabilities';
import { DEFAULT_TIME_ZONE } from '@upgrade-desk/domain/time-zone';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const viewer = locals.viewer;
  return {
    locale: locals.locale,
    // Every time on every page is shown in the customer's zone; staff see Vietnam's.
    timeZone: viewer?.customer?.timeZone ?? DEFAULT_TIME_ZONE,
    viewer: viewer && {
      name: viewer.name,
      role: viewer.role,
      isCustomer: isCustomerRole(viewer.role) && viewer.customer !== null,
      isStaff: isStaffRole(viewer.role),
      isCustomerAdmin: viewer.role === 'CUSTOMER_ADMIN' && viewer.customer !== null,
      unacknowledgedNoticeCount: viewer.customer?.unacknowledgedNoticeCount ?? 0,
      // Loaded with the viewer by the session hook: the console's navigation costs no query of its own.
      unreadStaffAlertCount: viewer.unreadStaffAlertCount ?? 0,
      releasesAdvisories: consoleCapabilities(viewer.role).releaseAdvisories,
    },
  };
};
