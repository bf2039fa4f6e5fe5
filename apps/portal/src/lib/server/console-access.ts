// The staff console (/console/*) is for vendor staff: a customer gets a 403 page, never a crash.
// Layout loads do not run before form actions, and page loads run beside the layout's: so every
// console page's load and actions call requireStaff too, not only the console's layout.
import { error } from '@sveltejs/kit';
import { isCustomerRole, type Viewer } from '../api-types';

export function requireStaff(locals: App.Locals): Viewer {
  const viewer = locals.viewer;
  if (!viewer || isCustomerRole(viewer.role) || viewer.customer !== null) error(403, 'The console is for vendor staff');
  return viewer;
}
