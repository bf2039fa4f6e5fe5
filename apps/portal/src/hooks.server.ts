import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { htmlLang, LOCALE_COOKIE, pickLocale } from '$lib/i18n/locale';
import { config } from '$lib/server/config';
import { graphqlClient } from '$lib/server/graphql';
import { proxyErrorResponse } from '$lib/server/graphql-proxy';
import { isApiPath, requiresLogin } from '$lib/server/login-guard';
import { loopbackRedirect } from '$lib/server/loopback-origin';
import { loginUrl } from '$lib/server/redirect-target';
import { clearSessionCookie, getSessionToken } from '$lib/server/session';
import { lookUpViewer } from '$lib/server/viewer';

export const init: ServerInit = () => {
  // Importing config validated the environment; say where the API is once.
  console.info(`portal: API_URL=${config.apiUrl}`);
};

/** Every request gets an id: sent to the API with each call, quoted on error pages, in every log line. */
const requestId: Handle = async ({ event, resolve }) => {
  event.locals.requestId = crypto.randomUUID();
  const response = await resolve(event);
  // Responses passed through from fetch() have immutable headers; those already carry the API's id.
  try {
    response.headers.set('x-request-id', event.locals.requestId);
  } catch {
    // immutable: left as it is
  }
  return response;
};

/** http://127.0.0.1:3000 while ORIGIN is http://localhost:3000: pages are sent to ORIGIN, where their forms work. */
const loopbackOrigin: Handle = async ({ event, resolve }) => {
  if (event.request.method === 'GET' || event.request.method === 'HEAD') {
    const target = loopbackRedirect(event.url, event.request.headers.get('host'));
    if (target) redirect(307, target);
  }
  return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
  event.locals.viewer = null;
  let apiUnavailable = false;

  if (getSessionToken(event)) {
    const lookup = await lookUpViewer(graphqlClient(event));
    if (lookup.kind === 'signed-in') event.locals.viewer = lookup.viewer;
    else if (lookup.kind === 'rejected') clearSessionCookie(event);
    else apiUnavailable = true;
  }

  // With a cookie but no answer from the API we do not send the user to /login:
  // the page's own query fails too and +error.svelte says the service is down.
  if (!event.locals.viewer && !apiUnavailable && requiresLogin(event.url.pathname)) {
    if (isApiPath(event.url.pathname)) return proxyErrorResponse(401, 'Not logged in');
    redirect(303, loginUrl(event.url));
  }

  // urql reads content-type of the API's responses inside load (STACK.md gotcha 8).
  return resolve(event, { filterSerializedResponseHeaders: (name) => name === 'content-type' });
};

const locale: Handle = async ({ event, resolve }) => {
  event.locals.locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.locals.viewer?.locale);
  const lang = htmlLang(event.locals.locale);
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%ud.lang%', lang),
  });
};

export const handle: Handle = sequence(loopbackOrigin, requestId, session, locale);

// Unexpected errors: log the details with an id, show the user only the id.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status < 500) return { message };
  // The request id (also in the API's log lines for this page), or a new one if the hook never ran.
  const errorId = event.locals.requestId ?? crypto.randomUUID();
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
  console.error(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'portal error',
      requestId: errorId,
      method: event.request.method,
      path: event.url.pathname,
      status,
      error: detail,
    }),
  );
  return { message, errorId };
};
