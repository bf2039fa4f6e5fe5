import { DEFAULT_TIME_ZONE } from '@upgrade-desk/domain/time-zone';
import { graphql } from '$lib/graphql';
import { loadQuery } from '$lib/server/api';
import { createToken, revokeToken } from './api-tokens.server';
import { createBlackout, deleteBlackout } from './blackout-windows.server';
import { saveEmailPreference } from './preferences.server';
import type { Actions, PageServerLoad } from './$types';

// The form parsers, for the tests.
export { parseBlackoutForm as _parseBlackoutForm } from './blackout-windows.server';
export { parseTokenForm as _parseTokenForm } from './api-tokens.server';

const SettingsQuery = graphql(`
  query Settings {
    viewer {
      locale
      emailNotifications
      apiTokens {
        id
        name
        scopes
        createdAt
        expiresAt
        lastUsedAt
      }
      customer {
        timeZone
        blackoutWindows {
          id
          reason
          startsAt
          endsAt
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const data = await loadQuery(event, SettingsQuery, {});
  const viewer = data.viewer;
  return {
    isCustomer: viewer?.customer != null,
    blackoutWindows: [...(viewer?.customer?.blackoutWindows ?? [])].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    ),
    apiTokens: viewer?.apiTokens ?? [],
    emailNotifications: viewer?.emailNotifications ?? true,
  };
};

/** Times typed into the forms are in the customer's zone. */
function customerTimeZone(locals: App.Locals): string {
  return locals.viewer?.customer?.timeZone ?? DEFAULT_TIME_ZONE;
}

export const actions: Actions = {
  email: saveEmailPreference,
  createBlackout: (event) => createBlackout(event, customerTimeZone(event.locals)),
  deleteBlackout,
  createToken: (event) => createToken(event, customerTimeZone(event.locals)),
  revokeToken,
};
