import { EMPTY_CUSTOMER, timeZoneChoices } from '$lib/console/customer-form';
import { requireAdmin } from '$lib/server/console-access';
import { saveCustomer, supportedTimeZones } from '$lib/server/customer-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  // Only an ADMIN creates customers: the form is not offered to other staff (the API refuses them too).
  requireAdmin(locals);
  return { initial: EMPTY_CUSTOMER, timeZones: timeZoneChoices(EMPTY_CUSTOMER.timeZone, supportedTimeZones()) };
};

export const actions: Actions = {
  default: (event) => saveCustomer(event, null),
};
