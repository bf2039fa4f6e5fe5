// Random valid queries over the API's schema, from a seed: for checking the operation cost estimate
// against what real responses hold. Page sizes are drawn from 0-100, `nodes(ids:)` gets 1-100 of the
// IDs the caller knows, `id` arguments one of them; fields with other required arguments are left out.
import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomOperation {
  query: string;
  variables: Record<string, unknown>;
}

export interface RandomOperationOptions {
  /** Global IDs the operations may ask for (through `node`, `nodes` and `id` arguments). */
  ids: readonly string[];
  maxDepth?: number;
  /** Most fields selected on one object. */
  maxFields?: number;
}

export function randomOperations(
  schema: GraphQLSchema,
  seed: number,
  count: number,
  options: RandomOperationOptions,
): RandomOperation[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const maxDepth = options.maxDepth ?? 5;
  const maxFields = options.maxFields ?? 4;

  const build = (): RandomOperation => {
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const variable = (type: string, value: unknown) => {
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${type}`);
      variables[name] = value;
      return `$${name}`;
    };

    /** The arguments of a field call, or null when a required one cannot be filled. */
    const argumentsOf = (field: GraphQLField<unknown, unknown>): string | null => {
      const parts: string[] = [];
      for (const arg of field.args) {
        const required = isNonNullType(arg.type);
        const literal = random() < 0.5; // page sizes and IDs as literals or as variables
        if (arg.name === 'first' || arg.name === 'last') {
          if (arg.name === 'last' || random() < 0.2) continue; // the default page size, sometimes
          const size = int(0, 100);
          parts.push(`${arg.name}: ${literal ? size : variable('Int', size)}`);
        } else if (arg.name === 'ids' && options.ids.length > 0) {
          const ids = Array.from({ length: int(1, 100) }, () => pick(options.ids));
          parts.push(`ids: ${literal ? JSON.stringify(ids) : variable('[ID!]!', ids)}`);
        } else if (getNamedType(arg.type).name === 'ID' && !String(arg.type).startsWith('[') && required) {
          if (options.ids.length === 0) return null;
          const id = pick(options.ids);
          parts.push(`${arg.name}: ${literal ? JSON.stringify(id) : variable('ID!', id)}`);
        } else if (required) {
          return null;
        }
      }
      return parts.length > 0 ? `(${parts.join(', ')})` : '';
    };

    const selectionOf = (type: GraphQLNamedType, depth: number): string => {
      if (isAbstractType(type)) {
        const possible = schema.getPossibleTypes(type);
        const fragments = Array.from({ length: int(1, 3) }, () => pick(possible)).map(
          (t) => `... on ${t.name} ${selectionOf(t, depth)}`,
        );
        return `{ __typename id ${fragments.join(' ')} }`;
      }
      const object = type as GraphQLObjectType;
      const fields = Object.values(object.getFields());
      const chosen = new Set<string>();
      const parts: string[] = [];
      if ('id' in object.getFields()) parts.push('__typename id');
      for (let i = 0; i < int(1, maxFields) * 2 && chosen.size < maxFields; i++) {
        const field = pick(fields);
        const named = getNamedType(field.type);
        const isLeaf = isLeafType(named);
        if (!isLeaf && depth >= maxDepth) continue;
        const args = argumentsOf(field);
        if (args === null) continue;
        // A field picked twice is aliased the second time: it may have other arguments.
        const name = chosen.has(field.name) ? `a${chosen.size}: ${field.name}` : field.name;
        chosen.add(chosen.has(field.name) ? `a${chosen.size}` : field.name);
        parts.push(isLeaf ? `${name}${args}` : `${name}${args} ${selectionOf(named, depth + 1)}`);
      }
      if (parts.length === 0) parts.push('__typename');
      return `{ ${parts.join(' ')} }`;
    };

    const root = schema.getQueryType()!;
    const body = selectionOf(root, 1);
    const header = declarations.length > 0 ? `query (${declarations.join(', ')}) ` : 'query ';
    return { query: header + body, variables };
  };

  return Array.from({ length: count }, build);
}

/** Objects in a response's data (list items each), the root not counted. */
export function countObjects(value: unknown, isRoot = true): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item, false), 0);
  if (value === null || typeof value !== 'object') return 0;
  const inner = Object.values(value).reduce((sum: number, item) => sum + countObjects(item, false), 0);
  return inner + (isRoot ? 0 : 1);
}

/** Field values in a response's data: every key of every object (a list of scalars is one value). */
export function countFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countFields(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, item) => sum + 1 + countFields(item), 0);
}
