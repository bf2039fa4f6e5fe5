// Limits on the shape of a GraphQL operation, checked before anything runs: lexical tokens (while
// parsing, graphql-armor's token-counting parser), aliases (a validation rule, graphql-armor's),
// and depth, breadth and cost (operation-cost.ts: the objects the response can hold, counting the
// page sizes and IDs actually asked for), measured in one walk and checked before execution. A
// refusal is a GraphQL error with HTTP 400 whatever the Accept header: yoga would answer 200 to
// validation errors under application/json.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type Source,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { MAX_NODES_IDS } from './list-bounds.ts';
import { estimateCost, TooManyIdsError, type CostMeasure } from './operation-cost.ts';

export interface OperationLimits {
  /** Lexical tokens in the document (names, punctuation, values). */
  maxTokens: number;
  /** Aliased fields in one operation (fragments counted where spread). */
  maxAliases: number;
  /** Nesting depth of fields. */
  maxDepth: number;
  /** Fields selected in the whole operation (each counted once, not multiplied by list sizes). */
  maxBreadth: number;
  /** Cost (operation-cost.ts): 1 per field, sub-selections multiplied by the items their list can hold. */
  maxComplexity: number;
}

/**
 * The API's limits. Measured with every page size at 100 (tests/api/limits.test.ts checks every
 * portal and benchmark document against them), the largest real operations reach 140 tokens,
 * 2 aliases, depth 8, breadth 47 and cost 22,518 (the dashboard): these leave ample room while
 * refusing the shapes of alias batching (hundreds of aliases), parser exhaustion (huge documents)
 * and cost bombs (30 aliases of `nodes` with 100 IDs, each selecting 100 notices: about 600,000).
 * A staff page of 50 module requests with their whole timelines (at most 311 events each: about
 * 130,000) still passes.
 */
export const OPERATION_LIMITS: OperationLimits = {
  maxTokens: 2_000,
  maxAliases: 30,
  maxDepth: 12,
  maxBreadth: 200,
  maxComplexity: 150_000,
};

const LIMIT_CODES = ['QUERY_TOO_LARGE', 'QUERY_TOO_COMPLEX', 'TOO_MANY_IDS'] as const;

/** The error of every limit: the caller's request is refused with HTTP 400, never run. */
export function limitError(
  code: (typeof LIMIT_CODES)[number],
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  // spec: false keeps yoga from downgrading the status to 200 under `accept: application/json`.
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400, spec: false } } });
}

/**
 * Yoga marks every parse error as a spec one (`http.spec ||= true`), answered 200 under
 * `accept: application/json`; a limit is not a spec error, so its mark is undone on the way out.
 */
function keepLimitStatus(result: unknown): void {
  for (const item of Array.isArray(result) ? result : [result]) {
    const errors = (item as { errors?: readonly GraphQLError[] } | null)?.errors ?? [];
    for (const error of errors) {
      const { code, http } = error.extensions as { code?: string; http?: { spec?: boolean } };
      if (http && LIMIT_CODES.includes(code as (typeof LIMIT_CODES)[number])) http.spec = false;
    }
  }
}

/** Parses like graphql's parse(), refusing (QUERY_TOO_LARGE) a document of more than `maxTokens` tokens. */
export function parseWithTokenLimit(
  source: string | Source,
  maxTokens: number,
  options?: ParseOptions,
): { document: DocumentNode; tokens: number } {
  const overLimit = new WeakSet<GraphQLError>();
  const parser = new MaxTokensParserWLexer(source, {
    ...options,
    n: maxTokens,
    exposeLimits: true,
    onReject: [(_context, error) => overLimit.add(error)],
  });
  try {
    return { document: parser.parseDocument(), tokens: parser.tokenCount };
  } catch (error) {
    if (error instanceof GraphQLError && overLimit.has(error)) {
      throw limitError('QUERY_TOO_LARGE', `The document has more than ${maxTokens} tokens.`);
    }
    throw error;
  }
}

/** A validation rule refusing (QUERY_TOO_COMPLEX) an operation with more than `maxAliases` aliases. */
export function aliasLimitRule(maxAliases: number, onCount?: (aliases: number) => void): ValidationRule {
  return maxAliasesRule({
    n: maxAliases,
    // graphql-armor lets `__typename` aliases through by default; here every alias counts.
    allowList: [],
    exposeLimits: true,
    propagateOnRejection: false,
    onAccept: [(_context, details) => onCount?.(details.n)],
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        if (found) onCount?.(Number(found));
        context?.reportError(
          limitError('QUERY_TOO_COMPLEX', `The operation has ${found ?? 'too many'} aliases; at most ${maxAliases}.`),
        );
      },
    ],
  });
}

export type ComplexityMeasure = CostMeasure;

/**
 * Depth, breadth and cost of the operation to run, with these variables. `measured` is null when
 * they could not be computed (variables that do not fit the operation: execution refuses those).
 */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  limits: Pick<OperationLimits, 'maxDepth' | 'maxBreadth' | 'maxComplexity'>,
): { measured: ComplexityMeasure | null; errors: GraphQLError[] } {
  let measured: ComplexityMeasure | null;
  try {
    measured = estimateCost(schema, document, variables, operationName);
  } catch (error) {
    if (error instanceof TooManyIdsError) {
      return { measured: null, errors: [limitError('TOO_MANY_IDS', error.message, { maxIds: MAX_NODES_IDS })] };
    }
    throw error;
  }
  if (!measured) return { measured, errors: [] };
  const over: string[] = [];
  if (measured.depth > limits.maxDepth) over.push(`depth ${measured.depth} (max ${limits.maxDepth})`);
  if (measured.breadth > limits.maxBreadth) over.push(`breadth ${measured.breadth} (max ${limits.maxBreadth})`);
  if (measured.complexity > limits.maxComplexity) {
    over.push(`estimated cost ${measured.complexity} (max ${limits.maxComplexity})`);
  }
  const errors =
    over.length === 0
      ? []
      : [
          limitError('QUERY_TOO_COMPLEX', `Query exceeds the limits: ${over.join(', ')}`, {
            cost: { estimated: measured.complexity, max: limits.maxComplexity },
          }),
        ];
  return { measured, errors };
}

export interface OperationMeasure {
  tokens: number;
  aliases: number;
  complexity: ComplexityMeasure | null;
  errors: GraphQLError[];
}

/** Every limit applied to one document, as the API applies them: for tests and tools. */
export function measureOperation(
  schema: GraphQLSchema,
  source: string,
  variables: Record<string, unknown>,
  limits: OperationLimits = OPERATION_LIMITS,
  operationName?: string,
): OperationMeasure {
  const { document, tokens } = parseWithTokenLimit(source, limits.maxTokens);
  let aliases = 0;
  const errors = [...validate(schema, document, [aliasLimitRule(limits.maxAliases, (n) => (aliases = n))])];
  const complexity = checkComplexity(schema, document, variables, operationName, limits);
  return { tokens, aliases, complexity: complexity.measured, errors: [...errors, ...complexity.errors] };
}

/** The yoga plugin applying the limits to every operation (queries, mutations, subscriptions). */
export function operationLimits(limits: OperationLimits = OPERATION_LIMITS): Plugin<Context> {
  const aliasRule = aliasLimitRule(limits.maxAliases);
  const refuseTooComplex = ({
    args,
    setResultAndStopExecution,
  }: {
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      variableValues?: Record<string, unknown> | null;
      operationName?: string | null;
    };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const { errors } = checkComplexity(
      args.schema,
      args.document,
      args.variableValues ?? {},
      args.operationName,
      limits,
    );
    if (errors.length > 0) setResultAndStopExecution({ errors });
  };
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => parseWithTokenLimit(source, limits.maxTokens, options).document);
    },
    onValidate({ addValidationRule }) {
      addValidationRule(aliasRule);
    },
    onExecute: refuseTooComplex,
    onSubscribe: refuseTooComplex,
    onExecutionResult: ({ result }) => keepLimitStatus(result),
  };
}
