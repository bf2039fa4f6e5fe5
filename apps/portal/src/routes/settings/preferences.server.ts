// The signed-in user's own preferences; the language has its own route (/locale), shared with the header.
import type { RequestEvent } from '@sveltejs/kit';
import { submitMutation } from '$lib/server/form-action';
import { ViewerUpdate } from '$lib/server/viewer-update';

export async function saveEmailPreference(event: RequestEvent) {
  const emailNotifications = (await event.request.formData()).get('emailNotifications') === 'on';
  return submitMutation(
    event,
    ViewerUpdate,
    { input: { emailNotifications } },
    {
      payload: (data) => data.viewerUpdate,
      done: () => ({ email: { done: 'settings.emailSaved' as const } }),
      failed: ({ form }) => ({ email: { error: form } }),
    },
  );
}
