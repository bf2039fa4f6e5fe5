// Serves repeated queries from the response cache (see response-cache.ts for what is cached and
// when it is thrown away). Keyed by the credential (a session or an API token: one user, one set
// of visibility rules), the document, the operation name and the variables the operation declares
// (others change nothing in the answer, so they must not mint new entries); anonymous calls,
// errors, mutations and subscriptions are never cached. Every mutation, and every `dataChanged`
// event (a notice-worker round here or in another process), invalidates all of it.
import { getOperationAST, type OperationDefinitionNode } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { NoticeEvents } from '../notices/events.ts';
import { createResponseCache } from './response-cache.ts';

export interface ResponseCachePluginOptions {
  ttlMs: number;
  maxEntries?: number;
  /** Total weight of the cached answers (as JSON, with their keys): RESPONSE_CACHE_BYTES. */
  maxBytes: number;
  events: NoticeEvents;
}

type CachedResult = Record<string, unknown>;

/**
 * The variables the operation declares and the request gives, in declaration order; the rest are
 * ignored. A declared variable left out stays out (its default applies, which an explicit null would not).
 */
export function declaredVariables(
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): [string, unknown][] {
  return (operation.variableDefinitions ?? []).flatMap(({ variable }): [string, unknown][] =>
    variables && Object.hasOwn(variables, variable.name.value)
      ? [[variable.name.value, variables[variable.name.value]]]
      : [],
  );
}

export function cacheKey(
  context: Context & YogaInitialContext,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): string | undefined {
  const viewer = context.viewer;
  const query = context.params?.query;
  if (!viewer || typeof query !== 'string') return undefined;
  const credential =
    viewer.credential.kind === 'SESSION' ? `s:${viewer.credential.sessionId}` : `t:${viewer.credential.tokenId}`;
  return JSON.stringify([
    credential,
    query,
    context.params.operationName ?? null,
    declaredVariables(operation, variables),
  ]);
}

export function responseCache(options: ResponseCachePluginOptions): Plugin<Context> {
  if (options.ttlMs <= 0) return {};
  const cache = createResponseCache<CachedResult>({
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries ?? 5_000,
    maxBytes: options.maxBytes,
  });
  const changes = options.events.subscribe('dataChanged');
  void (async () => {
    for await (const _ of changes) cache.invalidate();
  })();

  return {
    onExecute({ args, setResultAndStopExecution }) {
      const definition = getOperationAST(args.document, args.operationName);
      const operation = definition?.operation;
      if (operation === 'mutation') {
        return {
          onExecuteDone() {
            // This process at once (read your own writes), the others through the event bus.
            cache.invalidate();
            options.events.publish('dataChanged', { source: 'mutation' });
          },
        };
      }
      if (!definition || operation !== 'query') return;
      const key = cacheKey(args.contextValue as Context & YogaInitialContext, definition, args.variableValues);
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
