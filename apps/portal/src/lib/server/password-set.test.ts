import { describe, expect, it } from 'vitest';
import type { UserError } from '$lib/api-types';
import { passwordSetProblem } from './password-set';

const error = (code: UserError['code'], field: string[] | null): UserError => ({ code, field, message: '' });

describe('passwordSetProblem', () => {
  it.each([
    [[error('LINK_EXPIRED', ['input', 'token'])], 'expired'],
    [[error('LINK_USED', ['input', 'token'])], 'used'],
    [[error('NOT_FOUND', ['input', 'token'])], 'invalid'],
    [[error('INVALID_INPUT', ['input', 'password'])], 'weak'],
    [[], 'invalid'],
  ] as const)('%j -> %s', (errors, problem) => {
    expect(passwordSetProblem(errors)).toBe(problem);
  });
});
