// The staff's GraphiQL (/graphiql): the same self-contained GraphiQL bundle as the API's own page
// (no script, style or font from another host), pointed at the portal's same-origin GraphQL proxy,
// so it runs with the signed-in session's cookie and needs no token pasted anywhere.
import { everydayDocument } from '@upgrade-desk/graphiql';
import { isCustomerRole, type Locale, type Role } from '$lib/api-types';
import { t } from '$lib/i18n/messages';
import { CSRF_HEADER } from './graphql-proxy';

/**
 * GraphiQL is a vendor staff tool. The API stays the authority (it answers introspection to staff
 * only); this keeps customers from a page that would only show them refusals.
 */
export function mayUseGraphiQL(viewer: { role: Role } | null): boolean {
  return viewer !== null && !isCustomerRole(viewer.role);
}

const rendered = new Map<Locale, Promise<string>>();

/** The page's HTML (about 9 MB, the same for every staff member): rendered once per locale. */
export function staffGraphiQLPage(locale: Locale): Promise<string> {
  let page = rendered.get(locale);
  if (!page) {
    // Imported on first use: the bundle is large and most portal processes never serve it.
    page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
      renderGraphiQL({
        title: t(locale, 'app.name'),
        endpoint: '/api/graphql',
        // The proxy refuses requests without it (cross-site forgery), and GET: queries go as POST.
        additionalHeaders: { [CSRF_HEADER]: '1' },
        method: 'POST',
        useGETForQueries: false,
        credentials: 'same-origin',
        // The proxy sends the session's token and drops other headers: an editor for them would mislead.
        isHeadersEditorEnabled: false,
        defaultQuery: everydayDocument(),
      }),
    );
    page.catch(() => rendered.delete(locale));
    rendered.set(locale, page);
  }
  return page;
}
