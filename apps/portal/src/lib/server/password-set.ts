// What the set-password page tells the person after the API refused: link problems offer a new
// link instead of the form; a password problem shows the form again.
import type { UserError } from '$lib/api-types';

export type PasswordSetProblem = 'mismatch' | 'weak' | 'expired' | 'used' | 'invalid' | 'unavailable' | 'done';

export function passwordSetProblem(errors: readonly UserError[]): PasswordSetProblem {
  const codes = new Set(errors.map((e) => e.code));
  if (codes.has('LINK_EXPIRED')) return 'expired';
  if (codes.has('LINK_USED')) return 'used';
  if (errors.some((e) => e.field?.includes('password'))) return 'weak';
  return 'invalid';
}
