import { redirect } from '@sveltejs/kit';
import { parseLocale } from '$lib/i18n/locale';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { runMutation } from '$lib/server/api';
import { safeRedirectTarget } from '$lib/server/redirect-target';
import { ViewerUpdate } from '$lib/server/viewer-update';
import type { Actions, PageServerLoad } from './$types';

// The language switch posts here from every page, signed in or not.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const locale = parseLocale(form.get('locale'));
    if (locale) {
      setLocaleCookie(event, locale);
      // Remembered for the account too, so the next browser (and the API's module names) follow it.
      if (event.locals.viewer) await runMutation(event, ViewerUpdate, { input: { locale } });
    }
    redirect(303, safeRedirectTarget(form.get('redirectTo')));
  },
};
