import { describe, expect, it } from 'vitest';
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
  it('words every code of the contract in the catalog', () => {
    for (const code of [
      'INVALID_INPUT',
      'NOT_FOUND',
      'FORBIDDEN',
      'INVALID_TRANSITION',
      'NOTICE_PERIOD_TOO_SHORT',
      'WINDOW_INVALID',
      'CONFLICT',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED',
      'LIMIT_REACHED',
    ] as const) {
      expect(messages.vi[userErrorMessage([{ code }])]).toBeTruthy();
    }
    expect(userErrorMessage([])).toBe('form.error.INVALID_INPUT');
  });
});
