// isDatabaseUnavailable: the errors Prisma 7 and @prisma/adapter-pg raised while a PostgreSQL
// server was stopped (shapes captured from tests/faults/postgres-restart.test.ts's setup), and
// errors that must not count as an outage.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.ts';

/** A PrismaClientKnownRequestError's shape: what the check reads of it. */
function prismaError(code: string, cause?: Record<string, unknown>) {
  return Object.assign(new Error('Invalid `prisma.x()` invocation'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : {},
  });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a model query, server refusing connections',
      prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
    ],
    [
      'a raw query, server refusing connections',
      prismaError('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
    ],
    [
      'a query cut by a fast shutdown (57P01)',
      prismaError('P2010', { kind: 'postgres', code: '57P01', severity: 'FATAL' }),
    ],
    ['a server starting up (57P03)', prismaError('P2010', { kind: 'postgres', code: '57P03', severity: 'FATAL' })],
    ['a connection exception (08006)', prismaError('P2010', { kind: 'postgres', code: '08006', severity: 'FATAL' })],
    ['the connection closed', prismaError('P1017', { kind: 'ConnectionClosed' })],
    ['the pool timing out', prismaError('P2024')],
    ['a raw socket error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['node-postgres losing the connection', new Error('Connection terminated unexpectedly')],
  ])('%s: yes', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    // As yoga hands it to maskError: wrapped in a GraphQLError, or as the cause of another error.
    expect(isDatabaseUnavailable(new GraphQLError('Unexpected error.', { originalError: error }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: error }))).toBe(true);
  });

  it.each([
    ['a unique violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    ['a record not found', prismaError('P2025')],
    [
      'a syntax error in a raw query (42601)',
      prismaError('P2010', { kind: 'postgres', code: '42601', severity: 'ERROR' }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a refusal raised on purpose', new GraphQLError('Not allowed.', { extensions: { code: 'FORBIDDEN' } })],
    ['not an error at all', 'Connection terminated unexpectedly'],
    ['null', null],
  ])('%s: no', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
