// Serves repeated queries from the response cache (see response-cache.ts for what is cached and
// when it is thrown away). Keyed by the credential (a session or an API token: one user, one set
// of visibility rules), the document, the operation name and the variables; anonymous calls,
// errors, mutations and subscriptions are never cached. Every mutation, and every `dataChanged`
// event (a notice-worker round here or in another process), invalidates all of it.
import { getOperationAST } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { NoticeEvents } from '../notices/events.ts';
import { createResponseCache } from './response-cache.ts';

export interface ResponseCachePluginOptions {
  ttlMs: number;
  maxEntries?: number;
  events: NoticeEvents;
}

type CachedResult = Record<string, unknown>;

function cacheKey(context: Context & YogaInitialContext): string | undefined {
  const viewer = context.viewer;
  const query = context.params?.query;
  if (!viewer || typeof query !== 'string') return undefined;
  const credential =
    viewer.credential.kind === 'SESSION' ? `s:${viewer.credential.sessionId}` : `t:${viewer.credential.tokenId}`;
  return JSON.stringify([credential, query, context.params.operationName ?? null, context.params.variables ?? null]);
}

export function responseCache(options: ResponseCachePluginOptions): Plugin<Context> {
  if (options.ttlMs <= 0) return {};
  const cache = createResponseCache<CachedResult>({ ttlMs: options.ttlMs, maxEntries: options.maxEntries ?? 5_000 });
  const changes = options.events.subscribe('dataChanged');
  void (async () => {
    for await (const _ of changes) cache.invalidate();
  })();

  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') {
        return {
          onExecuteDone() {
            // This process at once (read your own writes), the others through the event bus.
            cache.invalidate();
            options.events.publish('dataChanged', { source: 'mutation' });
          },
        };
      }
      if (operation !== 'query') return;
      const key = cacheKey(args.contextValue as Context & YogaInitialContext);
      if (key === undefined) return;
      const hit = cache.get(key);
      if (hit) {
        setResultAndStopExecution(hit);
        return;
      }
      const generation = cache.generation;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          cache.set(key, result as CachedResult, generation);
        },
      };
    },
    onDispose: async () => {
      await changes.return?.();
    },
  };
}
