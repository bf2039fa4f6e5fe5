import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  viewer: locals.viewer ? { name: locals.viewer.name } : null,
});
