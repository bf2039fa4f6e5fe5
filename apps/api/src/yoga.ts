import { PothosValidationError } from '@pothos/core';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { PrismaClient } from '@upgrade-desk/db';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import { createYoga, Repeater, type Plugin } from 'graphql-yoga';
import { createCredentialCache } from './auth/credential-cache.ts';
import { isStaff } from './auth/viewer.ts';
import { responseCache } from './cache/response-cache-plugin.ts';
import { calendarFeed } from './calendar/feed-route.ts';
import type { Config } from './config.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { healthChecks } from './health.ts';
import { createLogger, requestLogging, yogaLogger, type Logger } from './logging.ts';
import { createContext, type Context, type ServerContext } from './context.ts';
import { closeConnectionAfterTooLarge } from './limits/body-limit.ts';
import { liveStreamLimits } from './limits/live-streams.ts';
import { operationLimits } from './limits/operation-limits.ts';
import { rateLimit } from './limits/rate-limit.ts';
import { createNoticeEvents, type NoticeEvents } from './notices/events.ts';
import { rejectNulCharacters, requestFaultError } from './request-guards.ts';
import { schema } from './schema/index.ts';
import { unsubscribeLinks } from './unsubscribe/route.ts';

export const CSRF_HEADER = 'x-upgrade-desk-csrf';

/** Malformed input is the caller's mistake (logged at debug); a database outage is an operator's warning. */
function errorSeverity(error: unknown): 'debug' | 'warn' | 'error' {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof PothosValidationError || requestFaultError(error)) return 'debug';
  if (isDatabaseUnavailable(error)) return 'warn';
  return 'error';
}

/** Introspection (and so GraphiQL's docs) is for vendor staff; everyone else has the committed schema.graphql. */
function staffOnlyIntrospection(): Plugin<Context> {
  // Per parsed document: yoga's parser cache hands out the same document object for the same query
  // text, so the check walks each operation once rather than on every request.
  const introspects = new WeakMap<object, boolean>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (isStaff(args.contextValue.viewer)) return;
      let found = introspects.get(args.document);
      if (found === undefined) {
        found = validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]).length > 0;
        introspects.set(args.document, found);
      }
      if (found) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError('Introspection is available to vendor staff only.', { extensions: { code: 'FORBIDDEN' } }),
          ],
        });
      }
    },
  };
}

/**
 * Live subscriptions end when the API is disposed (`yoga.dispose()`, which server shutdown calls):
 * each stream completes, its response finishes, and the HTTP server can close instead of waiting
 * forever on long-lived server-sent-event connections. Also closes the events object when the API
 * created it.
 */
function subscriptionsEndOnDispose(ownedEvents: NoticeEvents | undefined): Plugin<Context> {
  const disposed = new AbortController();
  const whenDisposed = new Promise<void>((resolve) => disposed.signal.addEventListener('abort', () => resolve()));
  return {
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) setResult(Repeater.race([result, whenDisposed]));
      },
    }),
    onDispose: async () => {
      disposed.abort();
      await ownedEvents?.close();
    },
  };
}

export interface ApiDependencies {
  prisma: PrismaClient;
  config: Config;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Called after a mutation planned notices (the in-process dispatcher wakes up). */
  onNoticesChanged?: () => void;
  /**
   * Live notice events, shared with whatever publishes notices (the dispatcher). When absent the API
   * creates its own from the config (in-process, or Redis with REDIS_URL) and closes it on dispose.
   */
  events?: NoticeEvents;
  /** Where structured logs go; default: JSON lines on stdout at config.LOG_LEVEL. */
  logger?: Logger;
}

export function createApi(deps: ApiDependencies) {
  const ownedEvents = deps.events ? undefined : createNoticeEvents(deps.config);
  const events = deps.events ?? ownedEvents!;
  const logger = deps.logger ?? createLogger({ level: deps.config.LOG_LEVEL });
  const credentials = createCredentialCache({ ttlMs: deps.config.AUTH_CACHE_TTL_MS, events });
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Counted on the bytes actually read, so a missing or lying Content-Length does not get past it.
    maxRequestBodySize: deps.config.MAX_BODY_BYTES,
    logging: yogaLogger(logger, errorSeverity),
    context: ({ request, ...server }) => createContext({ ...deps, events, credentials }, request, server),
    // GraphiQL from our own dependencies (scripts, styles and editor workers inline in the page),
    // not yoga's default CDN copy, so it loads where no other host is reachable. Imported on the
    // first page view: the bundle is 9 MB of JavaScript that API requests never need.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: {
      title: 'Upgrade Desk API',
      // Partners paste their API token here, so the header editor starts open.
      defaultEditorToolsVisibility: 'headers',
      defaultQuery: [
        '# Log in with sessionCreate, then set the header {"Authorization": "Bearer <token>"}.',
        '# Introspection (the docs pane) needs a vendor staff account.',
        'mutation LogIn {',
        '  sessionCreate(input: { email: "admin@vendor.example", password: "..." }) {',
        '    token',
        '    userErrors { code message }',
        '  }',
        '}',
      ].join('\n'),
    },
    maskedErrors: {
      isDev: deps.config.NODE_ENV === 'development',
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        // Pothos raises these for malformed arguments (a bad global ID, a bad page size): the caller's mistake, safe to say.
        if (original instanceof PothosValidationError) {
          return new GraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        // Unexpected errors that were the request's fault (too deeply nested, malformed GET parameters): a 400 saying so.
        const requestFault = requestFaultError(error);
        if (requestFault) return requestFault;
        // Errors raised on purpose (auth refusals, bad input) are GraphQLErrors already: pass them through
        // unchanged, which also keeps yoga from logging them as failures.
        if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError))
          return error;
        // The database is down or restarting: say so (503, retried by clients and load balancers), never how.
        if (isDatabaseUnavailable(error)) {
          return new GraphQLError('The service is briefly unavailable; try again shortly.', {
            extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
          });
        }
        return new GraphQLError(message, {
          extensions: isDev
            ? { code: 'INTERNAL_SERVER_ERROR', originalError: String(original) }
            : { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
    plugins: [
      requestLogging(logger),
      healthChecks(deps),
      calendarFeed(deps),
      unsubscribeLinks({ ...deps, events }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER, 'x-graphql-yoga-csrf'] }),
      rateLimit({ config: deps.config }),
      // Before the operation limits and the introspection check: a hit is an answer this credential
      // already got for this very document and variables, so those checks passed then.
      responseCache({
        ttlMs: deps.config.RESPONSE_CACHE_TTL_MS,
        maxBytes: deps.config.RESPONSE_CACHE_BYTES,
        events,
      }),
      closeConnectionAfterTooLarge(),
      operationLimits(),
      rejectNulCharacters(),
      staffOnlyIntrospection(),
      liveStreamLimits({
        perSession: deps.config.MAX_LIVE_STREAMS_PER_SESSION,
        perAddress: deps.config.MAX_LIVE_STREAMS_PER_ADDRESS,
      }),
      subscriptionsEndOnDispose(ownedEvents),
      { onDispose: () => credentials.close() },
    ],
  });
}

export type Api = ReturnType<typeof createApi>;
