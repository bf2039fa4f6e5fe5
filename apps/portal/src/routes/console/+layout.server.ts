import { consoleCapabilities } from '$lib/console/capabilities';
import { requireStaff, STAFF_TIME_ZONE_COOKIE, staffTimeZone } from '$lib/server/console-access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
  const viewer = requireStaff(locals);
  return {
    can: consoleCapabilities(viewer.role),
    // Overrides the root layout's zone: staff-side times in the staff member's own zone.
    timeZone: staffTimeZone(cookies.get(STAFF_TIME_ZONE_COOKIE)),
  };
};
