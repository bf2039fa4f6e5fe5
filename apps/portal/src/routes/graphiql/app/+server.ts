import { error } from '@sveltejs/kit';
import { mayUseGraphiQL, staffGraphiQLPage } from '$lib/server/graphiql-page';
import type { RequestHandler } from './$types';

// The GraphiQL document shown in /graphiql's frame. Checked again here: it can be opened directly.
export const GET: RequestHandler = async ({ locals }) => {
  if (!mayUseGraphiQL(locals.viewer)) error(403, 'GraphiQL is for vendor staff');
  return new Response(await staffGraphiQLPage(locals.locale), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache' },
  });
};
