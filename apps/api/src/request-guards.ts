// Guards against malformed or hostile requests that would otherwise end in a 500 or an internal
// error (each found by `pnpm fuzz`): an HTTP request target no URL can be built from, text with NUL
// characters (PostgreSQL cannot store them), and documents or variables nested deep enough to
// exhaust the call stack.
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

/**
 * Whether yoga's server adapter can build the request's URL from its target and Host header. An
 * asterisk (`OPTIONS *`), an absolute-form target (`GET http://elsewhere/`) or a Host header that is
 * not a host make it throw "Invalid URL", which it answers with a 500: refuse those with a 400 first.
 */
export function isValidRequestTarget(target: string | undefined, host: string | undefined): boolean {
  if (!target?.startsWith('/')) return false;
  try {
    const url = new URL(`http://${host ?? 'localhost'}${target}`);
    return url.pathname.startsWith('/');
  } catch {
    return false;
  }
}

/**
 * Whether any string in `value` (a JSON value: variables) contains U+0000. Walks iteratively, so
 * variables nested thousands deep cannot overflow the stack here.
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** Whether a string literal in the document contains U+0000 (written `\u0000` in GraphQL). */
export function documentContainsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

export const NUL_MESSAGE = 'Text must not contain NUL (U+0000) characters.';

/**
 * Refuses, before anything runs, an operation whose string literals or variables contain U+0000:
 * PostgreSQL text cannot hold it, so the first query using such a value would fail with an internal
 * error (a login with `admin@x\u0000` did, in the login throttle's query).
 */
export function rejectNulCharacters(): Plugin<Context> {
  const refuse = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { document: DocumentNode; variableValues?: unknown };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    if (containsNul(args.variableValues) || documentContainsNul(args.document)) {
      setResultAndStopExecution({
        errors: [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } })],
      });
    }
  };
  return { onExecute: refuse, onSubscribe: refuse };
}

/** A stack overflow while parsing, validating or running a request: the request was nested too deeply. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

const badRequest = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400, spec: false } } });

/**
 * The error to answer instead of a masked internal one when an unexpected error was really the
 * request's fault, else null:
 * - a stack overflow (parsing, validating or coercing a document or variables nested thousands deep);
 * - a bare SyntaxError, thrown by yoga's own JSON.parse of the `variables` or `extensions` parameter of
 *   a GET or form-encoded request (errors from resolvers arrive wrapped in a GraphQLError instead).
 */
export function requestFaultError(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isStackOverflow(original)) return badRequest('The request is nested too deeply.', 'QUERY_TOO_COMPLEX');
  if (error instanceof SyntaxError) {
    return badRequest('The "variables" or "extensions" parameter is not valid JSON.', 'BAD_REQUEST');
  }
  return null;
}
