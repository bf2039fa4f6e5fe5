// The refusals business rules give: plain data, so services and domain code return them without
// knowing GraphQL. The schema turns each into a `UserError` (schema/user-error.ts), putting the
// field path under the mutation's `input` argument.

export const PROBLEM_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'NOTICE_PERIOD_TOO_SHORT',
  'WINDOW_INVALID',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'LINK_EXPIRED',
  'LINK_USED',
  'LIMIT_REACHED',
  /** A module's target version that is not one of its published versions. */
  'UNKNOWN_MODULE_VERSION',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A broken rule: what went wrong, in which field of the request (e.g. ['customerIds', '2']). */
export interface Problem {
  code: ProblemCode;
  message: string;
  field?: readonly string[];
}

export function problem(code: ProblemCode, message: string, field?: readonly string[]): Problem {
  return field ? { code, message, field } : { code, message };
}

/** What a service call gives back: the value it produced, or why it refused (nothing written then). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const refused = (...problems: Problem[]): Outcome<never> => ({ ok: false, problems });

/** A per-customer cap (config.ts) is reached: nothing more of `what` until some are removed. */
export function limitReached(what: string, max: number, remedy: string, field?: readonly string[]): Problem {
  return problem('LIMIT_REACHED', `A customer can have at most ${max} ${what}; ${remedy}`, field);
}
