import { requireStaff } from '$lib/server/console-access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  requireStaff(locals);
  return {};
};
