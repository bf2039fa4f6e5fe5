// The staff console (/console/*) is for vendor staff: a customer gets a 403 page, never a crash.
// The console's layout and each console page's load and actions call requireStaff (layout loads
// do not run before form actions, and page loads run beside the layout's).
import { error } from '@sveltejs/kit';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@upgrade-desk/domain/time-zone';
import type { Viewer } from '../api-types';
import { consoleCapabilities, isStaffRole } from '../console/capabilities';

export function requireStaff(locals: App.Locals): Viewer {
  const viewer = locals.viewer;
  if (!viewer || !isStaffRole(viewer.role)) error(403, 'The console is for vendor staff');
  return viewer;
}

/** Pages that only create or edit (new customer, new module, edit customer) are for ADMINs only. */
export function requireAdmin(locals: App.Locals): Viewer {
  const viewer = requireStaff(locals);
  if (!consoleCapabilities(viewer.role).administer) error(403, 'ADMIN only');
  return viewer;
}

/** The cookie in which the console keeps the staff member's own time zone (the browser's). */
export const STAFF_TIME_ZONE_COOKIE = 'ud_staff_tz';

/**
 * Staff-side times (release dates, the console's own clock) are shown in the staff member's own
 * zone. The API keeps no time zone for a user, so the console takes the browser's, which its
 * layout stores in a cookie; until then (or without JavaScript) the vendor's zone, Vietnam's.
 */
export function staffTimeZone(cookieValue: string | undefined): string {
  return cookieValue && isValidTimeZone(cookieValue) ? cookieValue : DEFAULT_TIME_ZONE;
}
