import { error } from '@sveltejs/kit';
import { mayUseGraphiQL } from '$lib/server/graphiql-page';
import type { PageServerLoad } from './$types';

// Anonymous visitors were sent to /login by the session hook; customers get a 403 page.
export const load: PageServerLoad = ({ locals }) => {
  if (!mayUseGraphiQL(locals.viewer)) error(403, 'GraphiQL is for vendor staff');
  return {};
};
