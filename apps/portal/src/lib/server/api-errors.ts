// What a failed GraphQL call means for a page or a form. Pure (no `$app`/`$env`): unit-tested
// from the root vitest config.
import type { UserError, UserErrorCode } from '../api-types';
import type { MessageKey } from '../i18n/messages';

/** The parts of urql's CombinedError that decide the outcome. */
export interface ApiErrorLike {
  networkError?: Error;
  graphQLErrors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  response?: { status?: number } | null;
}

export type ApiFailure =
  /** The session is gone (expired, revoked): log in again. */
  | 'unauthenticated'
  /** Not allowed for this viewer. */
  | 'forbidden'
  /** A malformed or unknown ID in the URL. */
  | 'not-found'
  /** The API is down, or failed: try again later. */
  | 'unavailable';

export function classifyApiError(error: ApiErrorLike): ApiFailure {
  const status = error.response?.status;
  const codes = error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (codes.includes('FORBIDDEN')) return 'forbidden';
  if (codes.includes('BAD_USER_INPUT') || codes.includes('NOT_FOUND')) return 'not-found';
  return 'unavailable';
}

/** HTTP status for a failed page load; +error.svelte words it. */
export function failureStatus(failure: Exclude<ApiFailure, 'unauthenticated'>): 403 | 404 | 503 {
  return failure === 'forbidden' ? 403 : failure === 'not-found' ? 404 : 503;
}

/** The sentence a form shows for the API's business errors (the first one decides). */
export function userErrorMessage(errors: readonly Pick<UserError, 'code'>[]): MessageKey {
  const code: UserErrorCode = errors[0]?.code ?? 'INVALID_INPUT';
  return `form.error.${code}`;
}

/** The message a form shows when a mutation could not run at all. */
export function failureMessage(failure: ApiFailure): MessageKey {
  return failure === 'forbidden'
    ? 'form.error.FORBIDDEN'
    : failure === 'not-found'
      ? 'form.error.NOT_FOUND'
      : 'form.error.unavailable';
}
