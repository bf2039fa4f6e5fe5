// Tells "the database is not there right now" (stopped, restarting, refusing or dropping
// connections) from other failures, so a request can be answered 503 SERVICE_UNAVAILABLE, which a
// client or load balancer retries, instead of an internal error. Prisma 7 over @prisma/adapter-pg
// raises these as PrismaClientKnownRequestError: a P1xxx code, or P2010 (raw queries) with the
// adapter's error in `meta.driverAdapterError`.

/** Prisma error codes that mean the server cannot be reached or dropped the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Kinds of @prisma/adapter-pg's DriverAdapterError that mean the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** PostgreSQL SQLSTATEs: class 08 (connection exception) and 57P01-57P03 (shutting down, crashed, starting up). */
const SQLSTATE = /^(08|57P0[1-3])/;
/** Node socket errors, should a raw driver error get through unwrapped. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** node-postgres errors that carry no code. */
const DRIVER_MESSAGES =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect)$/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  meta?: { driverAdapterError?: { cause?: AdapterCause } };
  cause?: unknown;
  originalError?: unknown;
}

interface AdapterCause {
  kind?: unknown;
  code?: unknown;
}

function adapterCauseUnavailable(cause: AdapterCause | undefined): boolean {
  if (!cause || typeof cause.kind !== 'string') return false;
  if (ADAPTER_KINDS.has(cause.kind)) return true;
  return cause.kind === 'postgres' && typeof cause.code === 'string' && SQLSTATE.test(cause.code);
}

/**
 * Whether `error`, or an error it wraps (a GraphQLError's originalError, any `cause`), says the
 * database is unavailable rather than that the query or the data was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const e = current as ErrorLike;
    if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
    if (adapterCauseUnavailable(e.meta?.driverAdapterError?.cause)) return true;
    if (e.name === 'DriverAdapterError' && adapterCauseUnavailable(e.cause as AdapterCause | undefined)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}
