import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  containsNul,
  documentContainsNul,
  isStackOverflow,
  isValidRequestTarget,
  requestFaultError,
} from './request-guards.ts';

describe('isValidRequestTarget', () => {
  it('accepts origin-form targets with a proper host', () => {
    expect(isValidRequestTarget('/graphql', '127.0.0.1:4000')).toBe(true);
    expect(isValidRequestTarget('/graphql?query=%7B__typename%7D', 'api.example')).toBe(true);
    expect(isValidRequestTarget('//graphql', 'api.example')).toBe(true);
    expect(isValidRequestTarget('/calendar/x.ics', undefined)).toBe(true);
  });

  it('refuses targets and hosts no URL can be built from', () => {
    expect(isValidRequestTarget('*', 'api.example')).toBe(false);
    expect(isValidRequestTarget('http://elsewhere.example/graphql', 'api.example')).toBe(false);
    expect(isValidRequestTarget(undefined, 'api.example')).toBe(false);
    expect(isValidRequestTarget('/graphql', 'a b')).toBe(false);
    expect(isValidRequestTarget('/graphql', '[::1')).toBe(false);
    expect(isValidRequestTarget('/graphql', 'x:99999999')).toBe(false);
  });
});

describe('containsNul', () => {
  it('finds U+0000 in strings and keys at any depth', () => {
    expect(containsNul({ input: { email: 'a\u0000@x' } })).toBe(true);
    expect(containsNul({ ids: ['x', ['y', '\u0000']] })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNul({ input: { email: 'a@x', n: 1, ok: true, none: null } })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });

  it('walks variables nested far deeper than the call stack allows', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(containsNul({ v: deep })).toBe(true);
  });
});

describe('documentContainsNul', () => {
  it('looks at string literals, escaped or block', () => {
    expect(documentContainsNul(parse('{ customers(search: "a\\u0000b") { totalCount } }'))).toBe(true);
    expect(documentContainsNul(parse('{ customers(search: "ab") { totalCount } }'))).toBe(false);
  });
});

describe('requestFaultError', () => {
  it('answers a stack overflow, bare or from a resolver, with a 400', () => {
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    for (const error of [overflow, new GraphQLError('x', { originalError: overflow as Error })]) {
      const answer = requestFaultError(error);
      expect(answer?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', http: { status: 400 } });
    }
  });

  it('answers a bare SyntaxError (yoga reading GET parameters) with a 400', () => {
    let syntax: unknown;
    try {
      JSON.parse('{bad');
    } catch (error) {
      syntax = error;
    }
    expect(requestFaultError(syntax)?.extensions).toMatchObject({ code: 'BAD_REQUEST', http: { status: 400 } });
  });

  it('leaves other errors alone', () => {
    expect(requestFaultError(new Error('database on fire'))).toBeNull();
    expect(requestFaultError(new RangeError('Invalid time value'))).toBeNull();
    expect(requestFaultError(new GraphQLError('x', { originalError: new SyntaxError('in a resolver') }))).toBeNull();
  });
});
