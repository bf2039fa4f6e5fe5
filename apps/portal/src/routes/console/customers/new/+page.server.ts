import { error } from '@sveltejs/kit';
import { EMPTY_CUSTOMER, timeZoneChoices } from '$lib/console/customer-form';
import { requireStaff } from '$lib/server/console-access';
import { saveCustomer, supportedTimeZones } from '$lib/server/customer-admin';
import { consoleCapabilities } from '$lib/console/capabilities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const viewer = requireStaff(locals);
  // Only an ADMIN creates customers: the form is not offered to other staff (the API refuses them too).
  if (!consoleCapabilities(viewer.role).administer) error(403, 'ADMIN only');
  return { initial: EMPTY_CUSTOMER, timeZones: timeZoneChoices(EMPTY_CUSTOMER.timeZone, supportedTimeZones()) };
};

export const actions: Actions = {
  default: (event) => saveCustomer(event, null),
};
