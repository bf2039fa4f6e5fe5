import { redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

/** Where /console (and so a staff member's login) opens until the console has a board of its own. */
const CONSOLE_HOME = '/console/customers';

export const load: PageServerLoad = ({ locals }) => {
  requireStaff(locals);
  redirect(303, CONSOLE_HOME);
};
