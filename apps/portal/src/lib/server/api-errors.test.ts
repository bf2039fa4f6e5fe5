import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { UserErrorCode } from '../api-types';
import { messages } from '../i18n/messages';
import { classifyApiError, failureMessage, failureStatus, userErrorMessage } from './api-errors';

const gqlError = (code: string) => ({
  graphQLErrors: [{ message: code, extensions: { code } }],
  response: { status: 200 },
});

describe('classifyApiError', () => {
  it('sends an ended session to the login page', () => {
    expect(classifyApiError({ graphQLErrors: [], response: { status: 401 } })).toBe('unauthenticated');
    expect(classifyApiError(gqlError('UNAUTHENTICATED'))).toBe('unauthenticated');
  });

  it('tells refusals and bad IDs apart from outages', () => {
    expect(classifyApiError(gqlError('FORBIDDEN'))).toBe('forbidden');
    expect(classifyApiError(gqlError('BAD_USER_INPUT'))).toBe('not-found');
    expect(classifyApiError(gqlError('INTERNAL_SERVER_ERROR'))).toBe('unavailable');
    expect(classifyApiError({ networkError: new Error('ECONNREFUSED'), graphQLErrors: [] })).toBe('unavailable');
  });

  it('maps failures to statuses and sentences', () => {
    expect(failureStatus('forbidden')).toBe(403);
    expect(failureStatus('not-found')).toBe(404);
    expect(failureStatus('unavailable')).toBe(503);
    expect(messages.en[failureMessage('unavailable')]).toMatch(/cannot be reached/);
  });
});

describe('userErrorMessage', () => {
  it('words every code of the API in the catalog', () => {
    // The codes as the API's printed schema has them, so a code added there needs its sentence here.
    const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../../api/schema.graphql'), 'utf8'));
    const codes = schema.getType('UserErrorCode');
    if (!(codes instanceof GraphQLEnumType)) throw new Error('UserErrorCode is not an enum of the schema');
    expect(codes.getValues().length).toBeGreaterThan(0);
    for (const { value } of codes.getValues()) {
      expect(messages.vi[userErrorMessage([{ code: value as UserErrorCode }])], value).toBeTruthy();
      expect(messages.en[userErrorMessage([{ code: value as UserErrorCode }])], value).toBeTruthy();
    }
    expect(userErrorMessage([])).toBe('form.error.INVALID_INPUT');
  });
});
