import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

// RFC 3339 with an explicit offset: a time without a zone is ambiguous for customers in several zones.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    throw new GraphQLError('DateTime must be an RFC 3339 instant with an offset, e.g. 2026-12-20T19:00:00+07:00', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`Not a valid instant: ${value}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

export function parseCalendarDate(value: unknown): Date {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError('Date must be a calendar date, e.g. 2026-12-31', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'RFC 3339 instant with offset, e.g. 2026-12-20T19:00:00+07:00',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('Date', {
  description: 'Calendar date, e.g. 2026-12-31',
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(ast.kind === Kind.STRING ? ast.value : null),
});
