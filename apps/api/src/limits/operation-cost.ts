// The cost of an operation, estimated from the document and its variables before anything runs:
// an upper bound on the fields (and so the objects) its response can hold. Every field costs 1; a
// field's sub-selection counts once per item it can return:
// - a connection's `edges`: the page size asked for (`first` or `last`, from a literal or a
//   variable; DEFAULT_PAGE_SIZE when neither is given);
// - `nodes(ids:)`: the number of IDs given (at most MAX_NODES_IDS, refused above);
// - any other list of objects: its bound in list-bounds.ts;
// - anything else: once.
// Depth is the longest chain of nested fields; breadth the number of fields selected in the whole
// operation, each counted once. Introspection fields (`__schema`, `__type`) cost 1 whatever they
// select: only staff may introspect.
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, listBound, MAX_NODES_IDS } from './list-bounds.ts';

export interface CostMeasure {
  complexity: number;
  depth: number;
  breadth: number;
}

/** Below any real list: a list field missing from list-bounds.ts still counts as this many (and a test fails). */
const UNKNOWN_LIST_BOUND = 100;

function isList(type: GraphQLOutputType): boolean {
  return isNonNullType(type) ? isList(type.ofType) : isListType(type);
}

/** A Relay connection: an object with `edges` and `pageInfo`, reached through a field taking `first`. */
function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return (
    isObjectType(type) &&
    'edges' in type.getFields() &&
    'pageInfo' in type.getFields() &&
    field.args.some((arg) => arg.name === 'first')
  );
}

function pageSize(args: Record<string, unknown>): number {
  const sizes = [args.first, args.last].filter((n): n is number => typeof n === 'number');
  return sizes.length > 0 ? Math.max(0, ...sizes) : DEFAULT_PAGE_SIZE;
}

/** The refusal of `nodes(ids:)` with too many IDs: a request error, not a cost one. */
export class TooManyIdsError extends Error {
  constructor(readonly given: number) {
    super(`nodes(ids:) takes at most ${MAX_NODES_IDS} IDs; this operation gives ${given}.`);
  }
}

/**
 * The cost of the operation to run with these (uncoerced) variables. Null when it cannot be told:
 * variables or arguments that do not fit the operation, which validation and execution refuse.
 * Throws TooManyIdsError for `nodes(ids:)` with more than MAX_NODES_IDS IDs.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): CostMeasure | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const variableValues = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  // A selection set's cost depends only on it, the type it is read on and the page size around it:
  // memoised, so fragments spreading fragments cost linear time, not exponential.
  const memo = new Map<SelectionSetNode, Map<string, CostMeasure>>();
  const active = new Set<SelectionSetNode>();

  const ofField = (node: FieldNode, parent: GraphQLNamedType, page: number): CostMeasure => {
    const name = node.name.value;
    const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
    const field = fields[name];
    if (!field || !node.selectionSet || name.startsWith('__')) return { complexity: 1, depth: 1, breadth: 1 };
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variableValues);
    } catch (error) {
      if (error instanceof GraphQLError) throw new UnmeasurableError();
      throw error;
    }
    let multiplier = 1;
    let innerPage = page;
    if (parent.name === schema.getQueryType()?.name && name === 'nodes') {
      multiplier = Array.isArray(args.ids) ? args.ids.length : 1;
      if (multiplier > MAX_NODES_IDS) throw new TooManyIdsError(multiplier);
    } else if (isConnectionField(field)) {
      innerPage = pageSize(args);
    } else if (name === 'edges' && 'pageInfo' in fields) {
      multiplier = page;
    } else if (isList(field.type)) {
      multiplier = listBound(parent.name, name) ?? UNKNOWN_LIST_BOUND;
    }
    const inner = ofSelectionSet(node.selectionSet, getNamedType(field.type), innerPage);
    return { complexity: 1 + multiplier * inner.complexity, depth: 1 + inner.depth, breadth: 1 + inner.breadth };
  };

  const ofSelectionSet = (set: SelectionSetNode, type: GraphQLNamedType, page: number): CostMeasure => {
    const key = `${type.name}:${page}`;
    const known = memo.get(set)?.get(key);
    if (known) return known;
    if (active.has(set)) throw new UnmeasurableError(); // a fragment cycle: validation refuses it
    active.add(set);
    const total: CostMeasure = { complexity: 0, depth: 0, breadth: 0 };
    for (const selection of set.selections) {
      let part: CostMeasure;
      if (selection.kind === Kind.FIELD) {
        part = ofField(selection, type, page);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) throw new UnmeasurableError();
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (!condition) throw new UnmeasurableError();
        part = ofSelectionSet(fragment.selectionSet, condition, page);
      }
      total.complexity += part.complexity;
      total.breadth += part.breadth;
      total.depth = Math.max(total.depth, part.depth);
    }
    active.delete(set);
    if (!memo.has(set)) memo.set(set, new Map());
    memo.get(set)!.set(key, total);
    return total;
  };

  try {
    return ofSelectionSet(operation.selectionSet, root, DEFAULT_PAGE_SIZE);
  } catch (error) {
    if (error instanceof UnmeasurableError) return null;
    throw error;
  }
}

class UnmeasurableError extends Error {}
