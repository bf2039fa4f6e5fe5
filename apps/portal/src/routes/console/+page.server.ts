import { redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/console-access';
import type { PageServerLoad } from './$types';

/** Where /console (and so a staff member's login) opens: the upgrades board, the console's day-to-day view. */
const CONSOLE_HOME = '/console/upgrades';

export const load: PageServerLoad = ({ locals }) => {
  requireStaff(locals);
  redirect(303, CONSOLE_HOME);
};
