// Structured logs through pino: one JSON object per line on stdout (readable lines in development
// at a terminal), with the request id of the request being served when there is one. Every API request gets an id (a well-formed `X-Request-Id` from the
// caller or the portal is kept, anything else is replaced), echoed in the response's
// `X-Request-Id` header and written on every line logged while serving it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { pino } from 'pino';
import pinoPretty from 'pino-pretty';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line. */
  child(fields: LogFields): Logger;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` as the serving of one request: lines logged inside carry its id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** The caller's id when it is a sane token (a proxy's or the portal's), else a new UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{8,64}$/.test(header) ? header : randomUUID();
}

/** Errors become { name, message, code, stack } (JSON.stringify drops an Error's own fields). */
function serialise(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return {
    name: value.name,
    message: value.message,
    ...(code === undefined ? {} : { code }),
    stack: value.stack,
  };
}

/** Secrets never reach a log line, whatever a caller passes as fields (one level deep too). */
const REDACTED_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'authorization', 'cookie', 'secret'];
export const REDACTED = '[redacted]';

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go (one JSON object each, without the newline); default stdout. */
  write?: (line: string) => void;
  now?: () => Date;
  fields?: LogFields;
  /** Human-readable lines instead of JSON; default: in development when stdout is a terminal. */
  pretty?: boolean;
}

function destination(options: LoggerOptions): pino.DestinationStream {
  const { write } = options;
  if (write) return { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) };
  const pretty = options.pretty ?? (process.env.NODE_ENV === 'development' && process.stdout.isTTY === true);
  return pretty ? pinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l' }) : process.stdout;
}

/** JSON lines through pino: level names, ISO times, the request id of the async scope, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const root = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => {
          const line: LogFields = {};
          for (const [key, value] of Object.entries(fields)) line[key] = serialise(value);
          try {
            JSON.stringify(line);
            return line;
          } catch {
            // A field that cannot be serialised (a cycle, a BigInt) must not take the request down.
            return { requestId: line.requestId, unserialisable: true };
          }
        },
      },
      redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]), censor: REDACTED },
    },
    destination(options),
  );
  return wrap(options.fields ? root.child(options.fields) : root);
}

function wrap(logger: pino.Logger): Logger {
  return {
    debug: (msg, fields = {}) => logger.debug(fields, msg),
    info: (msg, fields = {}) => logger.info(fields, msg),
    warn: (msg, fields = {}) => logger.warn(fields, msg),
    error: (msg, fields = {}) => logger.error(fields, msg),
    child: (fields) => wrap(logger.child(fields)),
  };
}

/** For code that takes the older `(message, data)` log callback (the notice worker). */
export function logFunction(logger: Logger): (message: string, data?: LogFields) => void {
  return (message, data) => logger.info(message, data);
}

/** How bad an error yoga reports is: the caller's mistakes are not the operator's problem. */
export type ErrorSeverity = (error: unknown) => 'debug' | 'warn' | 'error';

/**
 * yoga's own logger (it logs every error it masks, with no request at hand) writing through ours;
 * inside an HTTP request the line still gets the request id from the async scope. `severity`
 * picks the level of each error (default: error).
 */
export function yogaLogger(logger: Logger, severity: ErrorSeverity = () => 'error') {
  const text = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : ''))
      .join(' ')
      .trim();
  const firstError = (args: unknown[]) => args.find((a) => a instanceof Error);
  return {
    debug: (...args: unknown[]) => logger.debug(text(args) || 'yoga', { error: firstError(args) }),
    info: (...args: unknown[]) => logger.info(text(args) || 'yoga'),
    warn: (...args: unknown[]) => logger.warn(text(args) || 'yoga', { error: firstError(args) }),
    error: (...args: unknown[]) => {
      const error = firstError(args);
      const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
      const level = error === undefined ? 'error' : severity(error);
      logger[level](text(args) || (level === 'error' ? 'unexpected error' : 'request refused'), { error: original });
    },
  };
}

interface RequestRecord {
  id: string;
  started: number;
  operation?: string;
}

/**
 * Gives every request an id (kept from the async scope when server.ts opened one), echoes it in
 * `X-Request-Id`, and logs one line per request when its response starts: method, path, status,
 * operation name, duration. Health checks log at debug, so probes do not drown the log.
 */
export function requestLogging(logger: Logger): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request }) {
      const id = requestScope.getStore()?.requestId ?? requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
      records.set(request, { id, started: performance.now() });
    },
    onParams({ params, request }) {
      const record = records.get(request);
      if (record && typeof params.operationName === 'string') record.operation = params.operationName.slice(0, 100);
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set(REQUEST_ID_HEADER, record.id);
      const url = new URL(request.url);
      const health = url.pathname === '/healthz' || url.pathname === '/readyz';
      const fields = {
        requestId: record.id,
        method: request.method,
        path: url.pathname,
        status: response.status,
        operation: record.operation,
        durationMs: Math.round((performance.now() - record.started) * 10) / 10,
      };
      if (health) logger.debug('request', fields);
      else if (response.status >= 500) logger.error('request', fields);
      else logger.info('request', fields);
    },
  };
}
