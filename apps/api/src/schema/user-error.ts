import { PROBLEM_CODES, type Outcome, type Problem, type ProblemCode } from '../problem.ts';
import { builder } from './builder.ts';

export const USER_ERROR_CODES = PROBLEM_CODES;

export type UserErrorCode = ProblemCode;

/** A broken business rule: returned in the payload's `userErrors`, never thrown. */
export interface UserError {
  code: UserErrorCode;
  message: string;
  field?: string[];
}

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', { values: USER_ERROR_CODES });

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  fields: (t) => ({
    field: t.stringList({ nullable: true, resolve: (e) => e.field ?? null }),
    message: t.exposeString('message'),
    code: t.field({ type: UserErrorCodeEnum, resolve: (e) => e.code }),
  }),
});

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return field ? { code, message, field } : { code, message };
}

/** A service's problems as user errors; their fields are paths inside the mutation's `input`. */
export function userErrorsOf(problems: readonly Problem[]): UserError[] {
  return problems.map((p) => userError(p.code, p.message, p.field && ['input', ...p.field]));
}

/** The payload of a mutation that creates or changes one entity: its id, or the user errors. */
export interface EntityPayload {
  id?: string;
  userErrors: UserError[];
}

export function entityPayload(outcome: Outcome<string>): EntityPayload {
  return outcome.ok ? { id: outcome.value, userErrors: [] } : { userErrors: userErrorsOf(outcome.problems) };
}
