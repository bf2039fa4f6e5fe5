// The tenant-isolation matrix's access paths, read from the executable schema: every object type
// implementing Node, and every field of Query and of those types that leads to Node objects (a
// single node, a list, a connection, or a plain object holding nodes), with the selection that
// picks out each reached node's __typename and id. Whatever the matrix cannot drive is reported as
// a coverage problem, so a new type or field fails the test until it is covered.
import {
  getNamedType,
  isAbstractType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** The page size the walk asks for: the API's maximum. */
export const PAGE = 100;

/** One way of reaching nodes from a parent: a field, with one choice of its optional arguments. */
export interface AccessPath {
  /** `Query` or a Node type. */
  owner: string;
  field: string;
  /** e.g. `notices(filter: { includeScheduled: true })`, for messages. */
  label: string;
  /** Argument text without the page arguments, e.g. `filter: { includeScheduled: true }`. */
  args: string;
  /** A relay connection (paged with first/after). */
  connection: boolean;
  /** The sub-selection after the field (and its arguments). */
  selection: string;
}

export interface SchemaMatrix {
  /** Every object type implementing Node, sorted. */
  nodeTypes: string[];
  /** Every access path, on Query and on each Node type. */
  paths: AccessPath[];
  /** What the matrix cannot drive; must be empty. */
  problems: string[];
}

const NODE_REF = '{ __typename id }';

function isNodeObject(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

/** A relay connection type: `edges: [{ node: <Node> }]` and `pageInfo`. */
function connectionNodeType(type: GraphQLNamedType): GraphQLNamedType | null {
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const edges = fields.edges;
  if (!edges || !fields.pageInfo) return null;
  const edge = getNamedType(edges.type);
  if (!isObjectType(edge)) return null;
  const node = edge.getFields().node;
  return node ? getNamedType(node.type) : null;
}

/** The field arguments the walk sets: the variants of its optional "include…" switches. */
function argumentVariants(args: readonly GraphQLArgument[]): string[] {
  const variants = [''];
  for (const arg of args) {
    const type = getNamedType(arg.type);
    if (type.name === 'Boolean' && /^include/.test(arg.name)) variants.push(`${arg.name}: true`);
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === 'Boolean' && /^include/.test(field.name)) {
          variants.push(`${arg.name}: { ${field.name}: true }`);
        }
      }
    }
  }
  return variants;
}

const PAGE_ARGS = new Set(['first', 'last', 'after', 'before']);

/**
 * Required arguments the matrix supplies itself, by field; the field is then asked as every viewer
 * like any other path.
 */
const SUPPLIED_ARGUMENTS: Readonly<Record<string, string>> = {
  // An unsaved upgrade form whose module does not exist: staff get a NOT_FOUND user error (and no
  // nodes); every other viewer must be refused.
  'Query.upgradePlanPreview':
    'input: { kind: FEATURE, title: "x", summary: "x", moduleIds: ["TW9kdWxlOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA=="], windowStart: "2030-01-01T12:00:00Z", windowEnd: "2030-01-01T13:00:00Z", expectedDowntimeMinutes: 0 }',
  // A policy edit that changes nothing: staff see which upgrades it touches (none); customers are refused.
  'Query.noticePolicyPreview': 'input: { kind: FEATURE }',
};

/**
 * The selection reaching every node under a plain (non-Node) object type, or null when it holds
 * none. Connections and required arguments below a plain object cannot be paged or supplied: problems.
 */
function plainObjectSelection(
  type: GraphQLObjectType,
  where: string,
  problems: string[],
  seen: Set<string>,
): string | null {
  if (seen.has(type.name)) return null;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const target = getNamedType(field.type);
    const at = `${where}.${field.name}`;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
      if (reachesNodes(target)) problems.push(`${at}: required arguments the matrix cannot supply`);
      continue;
    }
    if (connectionNodeType(target)) {
      problems.push(`${at}: a connection inside a plain object cannot be paged by the matrix`);
    } else if (isAbstractType(target)) {
      if (target.name === 'Node') parts.push(`${field.name} ${NODE_REF}`);
      else problems.push(`${at}: abstract type ${target.name} is not covered`);
    } else if (isNodeObject(target)) {
      parts.push(`${field.name} ${NODE_REF}`);
    } else if (isObjectType(target)) {
      const inner = plainObjectSelection(target, at, problems, new Set([...seen, type.name]));
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : null;
}

/** Whether a field of this type may lead to nodes (objects and abstract types may; scalars and enums never). */
function reachesNodes(type: GraphQLNamedType): boolean {
  return isObjectType(type) || isAbstractType(type);
}

function fieldPaths(owner: string, field: GraphQLField<unknown, unknown>, problems: string[]): AccessPath[] {
  const target = getNamedType(field.type);
  const where = `${owner}.${field.name}`;
  let selection: string | null;
  let connection = false;
  const connectionNode = connectionNodeType(target);
  if (connectionNode) {
    if (!isNodeObject(connectionNode)) {
      problems.push(`${where}: a connection of ${connectionNode.name}, not of a Node type`);
      return [];
    }
    connection = true;
    const count = isObjectType(target) && target.getFields().totalCount ? 'totalCount ' : '';
    selection = `{ ${count}pageInfo { hasNextPage endCursor } edges { node ${NODE_REF} } }`;
  } else if (isNodeObject(target)) {
    selection = NODE_REF;
  } else if (isAbstractType(target)) {
    problems.push(`${where}: abstract type ${target.name} is not covered`);
    return [];
  } else if (isObjectType(target)) {
    selection = plainObjectSelection(target, where, problems, new Set());
  } else {
    selection = null;
  }
  if (!selection) return [];
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const supplied = SUPPLIED_ARGUMENTS[where];
  if (required.length > 0 && supplied) {
    return [{ owner, field: field.name, label: `${field.name}(${supplied})`, args: supplied, connection, selection }];
  }
  if (required.length > 0) {
    problems.push(`${where}: required arguments (${required.map((a) => a.name).join(', ')}) the matrix cannot supply`);
    return [];
  }
  const optional = field.args.filter((a) => !PAGE_ARGS.has(a.name));
  return argumentVariants(optional).map((args) => ({
    owner,
    field: field.name,
    label: args ? `${field.name}(${args})` : field.name,
    args,
    connection,
    selection,
  }));
}

/** Reads the matrix off the schema. `node` and `nodes` are the matrix's own lookups, not paths. */
export function schemaMatrix(schema: GraphQLSchema): SchemaMatrix {
  const node = schema.getType('Node');
  const problems: string[] = [];
  if (!node || !isAbstractType(node))
    return { nodeTypes: [], paths: [], problems: ['the schema has no Node interface'] };
  const nodeTypes = schema
    .getPossibleTypes(node)
    .map((t) => t.name)
    .sort();
  const query = schema.getQueryType();
  if (!query) return { nodeTypes, paths: [], problems: ['the schema has no Query type'] };
  const paths: AccessPath[] = [];
  for (const field of Object.values(query.getFields())) {
    if (field.name === 'node' || field.name === 'nodes') continue;
    paths.push(...fieldPaths('Query', field, problems));
  }
  for (const name of nodeTypes) {
    const type = schema.getType(name) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) paths.push(...fieldPaths(name, field, problems));
  }
  return { nodeTypes, paths, problems };
}

/** The field with its arguments: page arguments for connections, then the variant's. */
export function fieldCall(path: AccessPath, after?: string): string {
  const args = [
    ...(path.connection ? [`first: ${PAGE}`] : []),
    ...(after ? [`after: ${JSON.stringify(after)}`] : []),
    ...(path.args ? [path.args] : []),
  ];
  return args.length > 0 ? `${path.field}(${args.join(', ')}) ${path.selection}` : `${path.field} ${path.selection}`;
}
