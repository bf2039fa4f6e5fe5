// API limits end to end: operation shape (tokens, aliases, depth), request body size, the
// per-credential rate limit (in-process and shared through Redis), and login abuse through aliases
// and batches. Every refusal is a 4xx with a GraphQL error body, under both JSON media types.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, LIST_BOUNDS, listBound } from '../../apps/api/src/limits/list-bounds.ts';
import { measureOperation, OPERATION_LIMITS } from '../../apps/api/src/limits/operation-limits.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { schema } from '../../apps/api/src/schema/index.ts';
import { CSRF_HEADER } from '../../apps/api/src/yoga.ts';
import { COST_BOMB_CATEGORIES } from '../../scripts/lib/cost-bombs.ts';
import { CATEGORIES, EMPTY_FUZZ_CONTEXT, hostileRequests } from '../../scripts/lib/hostile-requests.ts';
import * as operations from '../../scripts/lib/operations.ts';
import { ACCOUNTS, DEMO_PASSWORD, startTestApi, type TestApi } from './harness.ts';
import { countFields, countObjects, randomOperations } from './random-operations.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ACCEPTS = ['application/json', 'application/graphql-response+json'] as const;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(
  api: TestApi,
  body: BodyInit,
  { accept = 'application/json', headers = {} }: { accept?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await api.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body,
    // Needed by fetch for a stream body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/** A query nesting fields `depth` levels deep: viewer > customer > (notices > edges > node > customer)* > id. */
function deepQuery(depth: number): string {
  const cycle = ['notices(first: 1)', 'edges', 'node', 'customer'];
  const leafOf: Record<string, string> = { 'notices(first: 1)': 'totalCount', edges: 'cursor' };
  const fields = ['viewer', 'customer'];
  while (fields.length < depth - 1) fields.push(cycle[(fields.length - 2) % cycle.length]!);
  const leaf = leafOf[fields.at(-1)!] ?? 'id';
  return `{ ${fields.map((f) => `${f} {`).join(' ')} ${leaf} ${'}'.repeat(fields.length)} }`;
}

/** A 15-level query, 200 aliases, and 3,000 tokens: each refused before it runs. */
const TOO_DEEP = deepQuery(15);
const TOO_MANY_ALIASES = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
const TOO_MANY_TYPENAME_ALIASES = `{ ${Array.from({ length: 200 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
const TOO_MANY_TOKENS = `{ viewer { ${Array.from({ length: 3_000 }, () => 'id').join(' ')} } }`;

describe('operation limits', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = await api.login(ACCOUNTS.hanoiAdmin);
  });
  afterAll(() => api.close());

  it('measures the test documents as intended', () => {
    expect(measureOperation(schema, TOO_DEEP, {}, { ...OPERATION_LIMITS, maxDepth: 100 }).complexity?.depth).toBe(15);
    expect(measureOperation(schema, deepQuery(OPERATION_LIMITS.maxDepth), {}).errors).toEqual([]);
    expect(measureOperation(schema, TOO_MANY_ALIASES, {}).aliases).toBe(200);
    expect(() => measureOperation(schema, TOO_MANY_TOKENS, {})).toThrow(/more than 2000 tokens/);
  });

  describe.each(ACCEPTS)('accept: %s', (accept) => {
    it.each([
      ['a 15-level query', 'QUERY_TOO_COMPLEX', TOO_DEEP],
      ['200 aliases', 'QUERY_TOO_COMPLEX', TOO_MANY_ALIASES],
      ['200 aliases of __typename', 'QUERY_TOO_COMPLEX', TOO_MANY_TYPENAME_ALIASES],
      ['3,000 tokens', 'QUERY_TOO_LARGE', TOO_MANY_TOKENS],
    ])('refuses %s with 400 and %s, running nothing', async (_name, code, query) => {
      const answer = await post(api, JSON.stringify({ query }), {
        accept,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual([code]);
      expect(answer.body).not.toHaveProperty('data');
    });

    it('still answers a query at the depth limit', async () => {
      const answer = await post(api, JSON.stringify({ query: deepQuery(OPERATION_LIMITS.maxDepth) }), {
        accept,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.status).toBe(200);
    });

    it('refuses a 200 KB malformed body with 413, a 50 KB one with 400', async () => {
      const big = await post(api, `{"query": "${'{'.repeat(200_000)}`, { accept });
      expect(big.status).toBe(413);
      expect(codesOf(big)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
      const small = await post(api, `{"query": "${'{'.repeat(50_000)}`, { accept });
      expect(small.status).toBe(400);
      expect(small.body.errors?.length).toBe(1);
    });
  });
});

/**
 * The portal's GraphQL documents, read from its sources: gql.tada's `= graphql(\`…\`, [Fragment, …])`
 * with the fragments it names appended (recursively), and any `= gql\`…\`` with `${CONSTANT}` parts
 * filled in.
 */
function portalDocuments(): { name: string; source: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  walk(path.join(repoRoot, 'apps/portal/src'));
  const constants = new Map<string, string>();
  const tada = new Map<string, { file: string; source: string; fragments: string[] }>();
  const documents: { name: string; source: string }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/const (\w+) = `([^`]*)`/g)) constants.set(m[1]!, m[2]!);
    for (const m of text.matchAll(/const (\w+) = gql\b[^`(]*`([^`]*)`/g)) {
      documents.push({ name: `${path.relative(repoRoot, file)} ${m[1]}`, source: m[2]! });
    }
    for (const m of text.matchAll(/const (\w+) = graphql\(\s*`([^`]*)`\s*(?:,\s*\[([^\]]*)\])?/g)) {
      const fragments = (m[3] ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      tada.set(m[1]!, { file, source: m[2]!, fragments });
    }
  }
  const withFragments = (name: string, seen: Set<string>): string => {
    const document = tada.get(name);
    if (!document || seen.has(name)) return '';
    seen.add(name);
    return [document.source, ...document.fragments.map((f) => withFragments(f, seen))].join('\n');
  };
  for (const [name, { file, source }] of tada) {
    if (/^\s*fragment\b/.test(source)) continue;
    documents.push({ name: `${path.relative(repoRoot, file)} ${name}`, source: withFragments(name, new Set()) });
  }
  return documents.map(({ name, source }) => {
    let filled = source;
    for (let pass = 0; pass < 5 && filled.includes('${'); pass++) {
      filled = filled.replace(/\$\{(\w+)\}/g, (whole, constant: string) => constants.get(constant) ?? whole);
    }
    return { name, source: filled };
  });
}

/** A value for every variable, page sizes at their largest (the worst case for complexity); IDs are `id`. */
function worstCaseVariables(source: string, id = 'x'): Record<string, unknown> {
  const sample = (type: GraphQLInputType): unknown => {
    if (type instanceof GraphQLNonNull) return sample(type.ofType);
    if (type instanceof GraphQLList) return [sample(type.ofType)];
    if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
    if (type instanceof GraphQLInputObjectType) {
      return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, sample(f.type)]));
    }
    const scalar = getNamedType(type) as GraphQLScalarType;
    if (scalar.name === 'Int') return 100;
    if (scalar.name === 'Float') return 1;
    if (scalar.name === 'Boolean') return true;
    if (scalar.name === 'DateTime') return '2026-12-01T03:00:00Z';
    if (scalar.name === 'Date') return '2026-12-01';
    if (scalar.name === 'ID') return id;
    return 'x';
  };
  const operation = parse(source).definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      sample(typeFromAST(schema, v.type) as GraphQLInputType),
    ]),
  );
}

const portal = portalDocuments();
const benchmark = Object.entries(operations).flatMap(([name, source]) =>
  typeof source === 'string' ? [{ name: `scripts/lib/operations.ts ${name}`, source }] : [],
);

describe('the real operations pass the limits', () => {
  it('finds the portal documents, every interpolation filled in', () => {
    expect(portal.length).toBeGreaterThanOrEqual(20);
    for (const { name, source } of portal)
      expect({ name, unfilled: source.includes('${') }).toEqual({ name, unfilled: false });
    expect(benchmark.map((b) => b.name.split(' ')[1])).toEqual(
      expect.arrayContaining([
        'DASHBOARD',
        'NOTICES_INBOX',
        'PARTNER_NOTICES',
        'UPGRADE_DETAIL',
        'CUSTOMERS_WITH_MODULES',
      ]),
    );
  });

  it.each([...portal, ...benchmark].map((d) => [d.name, d.source] as const))('%s', (_name, source) => {
    const measure = measureOperation(schema, source, worstCaseVariables(source));
    expect(measure.errors.map((e) => e.message)).toEqual([]);
    expect(measure.complexity).not.toBeNull();
    expect(measure.tokens).toBeLessThanOrEqual(OPERATION_LIMITS.maxTokens);
    // Well inside: even with every page at 100 items, at most half the cost limit.
    expect(measure.complexity!.complexity).toBeLessThanOrEqual(OPERATION_LIMITS.maxComplexity / 2);
  });
});

/** Every `__typename` + `id` pair in a response. */
function nodesIn(value: unknown, found: Map<string, string[]>): void {
  if (Array.isArray(value)) for (const item of value) nodesIn(item, found);
  else if (value && typeof value === 'object') {
    const { __typename: type, id } = value as { __typename?: unknown; id?: unknown };
    if (typeof type === 'string' && typeof id === 'string') {
      const ids = found.get(type) ?? [];
      if (!ids.includes(id)) found.set(type, [...ids, id]);
    }
    for (const item of Object.values(value)) nodesIn(item, found);
  }
}

const isQuery = (source: string) =>
  (parse(source).definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode).operation ===
  'query';

describe('operation cost', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login(ACCOUNTS.admin);
  });
  afterAll(() => api.close());

  const cost = (source: string, variables: Record<string, unknown> = {}) =>
    measureOperation(schema, source, variables, { ...OPERATION_LIMITS, maxComplexity: Infinity }).complexity
      ?.complexity;

  it('gives every list of objects in the schema a bound (connections and nodes count what is asked)', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      const isConnection = 'pageInfo' in type.getFields();
      for (const field of Object.values(type.getFields())) {
        const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
        if (!list || isLeafType(getNamedType(field.type))) continue;
        if ((isConnection && field.name === 'edges') || `${type.name}.${field.name}` === 'Query.nodes') continue;
        if (listBound(type.name, field.name) === undefined) unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unbounded).toEqual([]);
    const caps = loadConfig({ NODE_ENV: 'test' });
    expect(LIST_BOUNDS['Customer.webhookEndpoints']).toBeGreaterThanOrEqual(caps.MAX_WEBHOOK_ENDPOINTS_PER_CUSTOMER);
    expect(LIST_BOUNDS['Customer.blackoutWindows']).toBeGreaterThanOrEqual(caps.MAX_BLACKOUT_WINDOWS_PER_CUSTOMER);
    expect(LIST_BOUNDS['User.apiTokens']).toBeGreaterThanOrEqual(caps.MAX_API_TOKENS_PER_CUSTOMER);
  });

  it('multiplies by the page size asked for, from a literal or a variable, and by the IDs given', () => {
    const notices = (page: string) =>
      `query ($n: Int) { notices${page ? `(${page})` : ''} { edges { node { id title } } } }`;
    // notices 1 + edges (1 + n x (node 1 + id 1 + title 1))
    expect(cost(notices('first: 1'))).toBe(1 + 1 + 3);
    expect(cost(notices('first: 100'))).toBe(1 + 1 + 300);
    expect(cost(notices('last: 7'))).toBe(1 + 1 + 21);
    expect(cost(notices('first: $n'), { n: 50 })).toBe(1 + 1 + 150);
    expect(cost(notices(''))).toBe(1 + 1 + 3 * DEFAULT_PAGE_SIZE);
    const nodes = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    expect(cost(nodes, { ids: ['a'] })).toBe(1 + 1);
    expect(cost(nodes, { ids: Array(60).fill('a') })).toBe(1 + 60);
    expect(cost(`{ nodes(ids: ["a", "b", "c"]) { id } }`)).toBe(1 + 3);
    // A list without pagination counts its bound.
    expect(cost('{ noticePolicies { kind } }')).toBe(1 + LIST_BOUNDS['Query.noticePolicies']!);
  });

  it('costs fragments spreading fragments in linear time', () => {
    const levels = 10;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Query { ${Array.from({ length: 8 }, (_, j) => `a${j}: ${i + 1 < levels ? `viewer { ...F${i + 1}Viewer }` : '__typename'}`).join(' ')} }`,
    );
    // Not a valid document (its fragments are on the wrong types), only a costly one to walk naively.
    const source = `{ ...F0 } ${fragments.join(' ')}`;
    const started = Date.now();
    expect(() => cost(source)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is never below the objects a response holds: portal, benchmark and random queries', async () => {
    const found = new Map<string, string[]>();
    const harvest = await api.gql(
      `{ ${['customers', 'upgrades', 'notices', 'moduleRequests', 'modules']
        .map((f) => `${f}(first: 100) { edges { node { __typename id } } }`)
        .join(' ')} }`,
      {},
      { token: admin },
    );
    nodesIn(harvest.data, found);
    const results: { name: string; estimate: number; objects: number; fields: number }[] = [];
    let refused = 0;
    const run = async ({
      name,
      query,
      variables,
    }: {
      name: string;
      query: string;
      variables: Record<string, unknown>;
    }) => {
      const measure = measureOperation(schema, query, variables);
      const answer = await api.gql(query, variables, { token: admin });
      if (measure.errors.length > 0) {
        refused += 1;
        expect(answer.data ?? null).toBeNull();
        return;
      }
      nodesIn(answer.data, found);
      results.push({
        name,
        estimate: measure.complexity!.complexity,
        objects: countObjects(answer.data),
        fields: countFields(answer.data),
      });
    };

    for (const [i, op] of randomOperations(schema, 1, 40, { ids: [...found.values()].flat() }).entries()) {
      await run({ name: `random seed 1 #${i}`, ...op });
    }
    const pool = [...found.values()].flat();
    for (const [i, op] of randomOperations(schema, 2, 100, { ids: pool }).entries()) {
      await run({ name: `random seed 2 #${i}`, ...op });
    }
    // Real documents, with every page at 100 and their ID variables at an object of each type in turn.
    for (const { name, source } of [...portal, ...benchmark].filter((d) => isQuery(d.source))) {
      const samples = /\$\w+: \[?ID/.test(source) ? [...found] : [['', ['x']] as const];
      for (const [type, ids] of samples) {
        await run({ name: `${name} (${type})`, query: source, variables: worstCaseVariables(source, ids[0]) });
      }
    }

    // The estimate bounds the objects, and more sharply every field value, of each response.
    expect(results.filter((r) => r.estimate < r.objects)).toEqual([]);
    expect(results.filter((r) => r.estimate < r.fields)).toEqual([]);
    // The property was exercised: most operations ran, on every kind of object, some of them large.
    expect(found.size).toBeGreaterThanOrEqual(8);
    expect(results.length).toBeGreaterThan(refused * 3);
    expect(Math.max(...results.map((r) => r.objects))).toBeGreaterThan(500);
    // ...and the estimate is not wildly loose where lists come back full.
    expect(results.some((r) => r.fields > 500 && r.fields * 2 > r.estimate)).toBe(true);
  }, 120_000);

  const NODES_BOMB = `query ($ids: [ID!]!) { ${Array.from(
    { length: 30 },
    (_, i) => `n${i}: nodes(ids: $ids) { ... on Customer { notices(first: 100) { edges { node { id title } } } } }`,
  ).join(' ')} }`;

  it.each(ACCEPTS)(
    'refuses 30 aliases of nodes(100 IDs) x 100 notices with 400 and the estimate, as anyone logged in (accept: %s)',
    async (accept) => {
      const customers = (await api.gql('{ customers(first: 100) { edges { node { id } } } }', {}, { token: admin }))
        .data.customers.edges as { node: { id: string } }[];
      const ids = Array.from({ length: 100 }, (_, i) => customers[i % customers.length]!.node.id);
      const session = await api.login(ACCOUNTS.hanoiAdmin);
      const created = await api.gql(
        'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token } }',
        { input: { name: 'cost bomb', scopes: ['READ'] } },
        { token: session },
      );
      const credentials: [string, string][] = [
        ...(await Promise.all(
          Object.values(ACCOUNTS).map(async (email) => [email, await api.login(email)] as [string, string]),
        )),
        ['READ token', created.data.apiTokenCreate.token as string],
      ];
      for (const [who, token] of credentials) {
        const answer = await post(api, JSON.stringify({ query: NODES_BOMB, variables: { ids } }), {
          accept,
          headers: { authorization: `Bearer ${token}` },
        });
        expect({ who, status: answer.status, codes: codesOf(answer) }).toEqual({
          who,
          status: 400,
          codes: ['QUERY_TOO_COMPLEX'],
        });
        expect(answer.body).not.toHaveProperty('data');
        const error = answer.body.errors![0]!;
        const estimate = (error.extensions as { cost?: { estimated: number; max: number } }).cost;
        expect(estimate?.max).toBe(OPERATION_LIMITS.maxComplexity);
        expect(estimate?.estimated).toBe(cost(NODES_BOMB, { ids }));
        expect(estimate!.estimated).toBeGreaterThan(30 * 100 * 100);
        expect(error.message).toContain(`estimated cost ${estimate!.estimated}`);
      }
    },
  );

  it("refuses the fuzzer's cost bombs (through variables and through nodes) with 400 before they run", async () => {
    const tokens = {
      staff: await api.login(ACCOUNTS.engineer),
      customerAdmin: await api.login(ACCOUNTS.saigonAdmin),
      customerUser: await api.login(ACCOUNTS.saigonUser),
    };
    const customers = (await api.gql('{ customers(first: 100) { edges { node { id } } } }', {}, { token: admin })).data
      .customers.edges as { node: { id: string } }[];
    const context = {
      ...EMPTY_FUZZ_CONTEXT,
      tokens,
      ids: { ...EMPTY_FUZZ_CONTEXT.ids, customers: customers.map((c) => c.node.id) },
    };
    const bombs = [...hostileRequests(CATEGORIES.length * 30, 11, context)].filter((req) =>
      (COST_BOMB_CATEGORIES as readonly string[]).includes(req.category),
    );
    const variants = new Set<string>();
    for (const req of bombs) {
      variants.add(req.variant);
      const answer = await post(api, req.body as string, { headers: req.headers });
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      // A page size that is no Int is refused by variable coercion (400) or, below 0, by the page-size
      // check (BAD_USER_INPUT); every other bomb by the limits, with 400.
      if (req.variant.startsWith('page size as a string')) continue;
      const expected = req.variant.startsWith('nodes with more than 100') ? 'TOO_MANY_IDS' : 'QUERY_TOO_COMPLEX';
      expect({ variant: req.variant, status: answer.status, codes: [...new Set(codesOf(answer))] }).toEqual({
        variant: req.variant,
        status: 400,
        codes: [expected],
      });
    }
    expect(variants.size).toBe(10);
  });

  it('refuses nodes(ids:) with more than 100 IDs, as a literal or a variable, with 400', async () => {
    const token = await api.login(ACCOUNTS.hanoiUser);
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    for (const body of [
      { query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } },
      { query: `{ nodes(ids: ${JSON.stringify(ids)}) { id } }` },
    ]) {
      const answer = await post(api, JSON.stringify(body), { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual(['TOO_MANY_IDS']);
      expect(answer.body.errors![0]!.message).toBe('nodes(ids:) takes at most 100 IDs; this operation gives 101.');
    }
    const customers = (await api.gql('{ customers(first: 100) { edges { node { id } } } }', {}, { token: admin })).data
      .customers.edges as { node: { id: string } }[];
    const real = Array.from({ length: 100 }, (_, i) => customers[i % customers.length]!.node.id);
    const hundred = await post(
      api,
      JSON.stringify({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: real } }),
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(hundred.status).toBe(200);
    expect((hundred.body.data as { nodes: unknown[] }).nodes).toHaveLength(100);
  });
});

describe('request body size', () => {
  let api: TestApi;
  let served: TestApi;
  const agent = new Agent({ keepAlive: true });
  beforeAll(async () => {
    api = await startTestApi();
    served = await startTestApi({ listen: true, db: api.db });
  });
  afterAll(async () => {
    agent.destroy();
    await served.close();
    await api.close();
  });

  /** A valid operation padded (in its extensions) to `bytes` bytes. */
  const padded = (bytes: number) => {
    const head = JSON.stringify({ query: '{ __typename }', extensions: { pad: '' } });
    return JSON.stringify({ query: '{ __typename }', extensions: { pad: 'x'.repeat(bytes - head.length) } });
  };
  const streamOf = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.subarray(i, i + 16_384));
        controller.close();
      },
    });
  };

  it('accepts a body of just under 100 KB', async () => {
    const answer = await post(api, padded(99_000));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a larger body streamed without Content-Length (in-process), counting the bytes read', async () => {
    const answer = await post(api, streamOf(padded(150_000)));
    expect(answer.status).toBe(413);
    expect(codesOf(answer)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it('is not fooled by a Content-Length that understates the body (in-process)', async () => {
    const answer = await post(api, streamOf(padded(150_000)), { headers: { 'content-length': '100' } });
    expect(answer.status).toBe(413);
  });

  /**
   * A raw HTTP request, chunked (no Content-Length) unless `contentLength` is given. The server may
   * answer and close the connection before the whole body is sent: errors after the answer are ignored.
   */
  const rawPost = (body: string, contentLength?: number) =>
    new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const url = new URL('/graphql', served.origin);
      const req = httpRequest(url, {
        agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }),
        },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      for (let i = 0; i < body.length; i += 16_384) req.write(body.slice(i, i + 16_384));
      req.end();
    });

  it('refuses a chunked body over 100 KB over HTTP with 413 and a JSON GraphQL error, then closes', async () => {
    const answer = await rawPost(padded(200_000));
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
    // The keep-alive client's next request gets a fresh connection and its answer.
    expect((await rawPost(padded(50_000))).status).toBe(200);
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const answer = await rawPost(padded(200_000), 200_000);
    expect(answer.status).toBe(413);
  });
});

describe('rate limit per credential', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => api.close());

  const VIEWER = JSON.stringify({ query: '{ viewer { email } }' });

  it('spends the budget of the token, with RateLimit headers on every response, then answers 429', async () => {
    const token = await api.login(ACCOUNTS.saigonAdmin);
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(await post(api, VIEWER, { headers: { authorization: `Bearer ${token}` } }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('ratelimit')?.replace(/reset=\d+/, 'reset=S'))).toEqual(
      [4, 3, 2, 1, 0, 0].map((n) => `limit=5, remaining=${n}, reset=S`),
    );
    for (const a of answers) expect(a.headers.get('ratelimit-policy')).toBe('5;w=60');
    const refused = answers[5]!;
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body).not.toHaveProperty('data');

    // Another credential has its own budget.
    const other = await api.login(ACCOUNTS.saigonUser);
    expect((await post(api, VIEWER, { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });

  it.each(ACCEPTS)('answers 429 under accept: %s', async (accept) => {
    const headers = { 'x-forwarded-for': `10.77.0.${ACCEPTS.indexOf(accept)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(api, VIEWER, { accept, headers })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts anonymous callers per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post(api, VIEWER, { headers: { 'x-forwarded-for': '10.78.0.1' } })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect((await post(api, VIEWER, { headers: { 'x-forwarded-for': '10.78.0.2' } })).status).toBe(200);
  });

  it('makes an anonymous client that forges X-Forwarded-For behind a proxy meet its limit', async () => {
    // The reverse proxy (trusted) appended the address it saw; the client wrote the rest.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const headers = { 'x-forwarded-for': `10.81.${i}.1, 198.51.100.${i}, 203.0.113.81` };
      statuses.push((await post(api, VIEWER, { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('makes all the sessions of one user share one budget', async () => {
    const sessions = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const answer = await post(
          api,
          JSON.stringify({
            query: `mutation { sessionCreate(input: { email: "${ACCOUNTS.hanoiUser}", password: "${DEMO_PASSWORD}" }) { token } }`,
          }),
          { headers: { 'x-forwarded-for': `10.82.0.${i}` } },
        );
        return (answer.body.data as { sessionCreate: { token: string } }).sessionCreate.token;
      }),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const token = sessions[i % sessions.length]!;
      statuses.push((await post(api, VIEWER, { headers: { authorization: `Bearer ${token}` } })).status);
    }
    // Each session has spent at most two of its own five: the user's budget is what ran out.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('makes invented tokens spend the address budget too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const headers = { 'x-forwarded-for': '10.79.0.1', authorization: `Bearer made-up-${i}` };
      statuses.push((await post(api, VIEWER, { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('limits GET and subscription requests to /graphql as well', async () => {
    const headers = { 'x-forwarded-for': '10.80.0.1', accept: 'application/json', [CSRF_HEADER]: '1' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api.fetch('/graphql?query=%7B__typename%7D', { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('leaves the health endpoints alone', async () => {
    const response = await api.fetch('/healthz', { headers: { 'x-forwarded-for': '10.78.0.1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit')).toBeNull();
  });
});

describe('rate limit over HTTP', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const api = await startTestApi({
      listen: true,
      seed: false,
      env: { RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXIES: '10.0.0.0/8' },
    });
    try {
      const statuses: number[] = [];
      const body = JSON.stringify({ query: '{ __typename }' });
      for (let i = 0; i < 4; i++) {
        statuses.push((await post(api, body, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await api.close();
    }
  });
});

describe('rate limit defaults', () => {
  it('allows 600 requests a minute per credential by default, and 0 turns it off', async () => {
    const api = await startTestApi({ seed: false });
    const off = await startTestApi({ db: api.db, env: { RATE_LIMIT_PER_MINUTE: '0' } });
    try {
      const answer = await post(api, JSON.stringify({ query: '{ __typename }' }));
      expect(answer.headers.get('ratelimit-policy')).toBe('600;w=60');
      expect(answer.headers.get('ratelimit')).toMatch(/^limit=600, remaining=599, reset=\d+$/);
      const unlimited = await post(off, JSON.stringify({ query: '{ __typename }' }));
      expect(unlimited.status).toBe(200);
      expect(unlimited.headers.get('ratelimit')).toBeNull();
    } finally {
      await off.close();
      await api.close();
    }
  });
});

describe('rate limit shared through Redis', () => {
  it('makes two API processes spend one budget', async () => {
    const env = {
      RATE_LIMIT_PER_MINUTE: '5',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_CHANNEL_PREFIX: `limits-test-${randomUUID()}:`,
    };
    const first = await startTestApi({ env });
    const second = await startTestApi({ env, db: first.db });
    try {
      const token = await first.login(ACCOUNTS.impl);
      const headers = { authorization: `Bearer ${token}` };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await post(i % 2 === 0 ? first : second, '{"query":"{ __typename }"}', { headers })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('login abuse', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const attempt = (alias: string, email: string, password: string) =>
    `${alias}: sessionCreate(input: { email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)} }) { token userErrors { code } }`;
  const throttleRow = (key: string) => api.db.prisma.loginThrottle.findUnique({ where: { key } });

  it('refuses a batched (JSON array) request with 400, counting no login attempt', async () => {
    const before = await api.db.prisma.loginThrottle.count();
    const batch = JSON.stringify(
      [0, 1, 2].map((i) => ({ query: `mutation { ${attempt('a', ACCOUNTS.care, `x${i}`)} }` })),
    );
    for (const accept of ACCEPTS) {
      const answer = await post(api, batch, { accept, headers: { 'x-forwarded-for': '10.60.0.1' } });
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
    }
    expect(await api.db.prisma.loginThrottle.count()).toBe(before);
  });

  it('locks an account from one address after 5 failed logins, some packed as aliases, and not from others', async () => {
    const email = ACCOUNTS.saigonUser;
    const headers = { 'x-forwarded-for': '10.61.0.1' };
    const codes: string[] = [];
    for (let request = 0; request < 8; request++) {
      // Every fourth request packs four guesses in aliases; only the first of them is tried.
      const aliases = request % 4 === 0 ? 4 : 1;
      const query = `mutation { ${Array.from({ length: aliases }, (_, i) => attempt(`a${i}`, email, `guess-${request}-${i}`)).join(' ')} }`;
      const answer = await post(api, JSON.stringify({ query }), { headers });
      const data = answer.body.data as Record<string, { userErrors: { code: string }[] }>;
      codes.push(data.a0!.userErrors[0]!.code);
      for (let i = 1; i < aliases; i++) expect(data[`a${i}`]!.userErrors).toEqual([{ code: 'RATE_LIMITED' }]);
    }
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), ...Array(3).fill('RATE_LIMITED')]);
    // One attempt counted per request, not per alias; attempts refused by the lock are not counted.
    const row = await throttleRow(`account:${email}|ip:10.61.0.1`);
    expect(row?.failures).toBe(5);
    expect(row?.lockedUntil).toEqual(expect.any(Date));

    const right = (ip: string) =>
      post(api, JSON.stringify({ query: `mutation { ${attempt('a0', email, DEMO_PASSWORD)} }` }), {
        headers: { 'x-forwarded-for': ip },
      });
    expect((await right('10.61.0.1')).body.data).toEqual({
      a0: { token: null, userErrors: [{ code: 'RATE_LIMITED' }] },
    });
    // 40 guesses from 40 other addresses lock nothing: the account logs in from an address with no failures.
    for (let i = 0; i < 40; i++) {
      const answer = await post(api, JSON.stringify({ query: `mutation { ${attempt('a0', email, `x${i}`)} }` }), {
        headers: { 'x-forwarded-for': `10.61.${i + 1}.1` },
      });
      expect((answer.body.data as { a0: { userErrors: { code: string }[] } }).a0.userErrors[0]!.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect((await right('10.62.0.1')).body.data).toEqual({ a0: { token: expect.any(String), userErrors: [] } });
  });

  it('locks an address after 100 failed logins across accounts, aliases counted once', async () => {
    const headers = { 'x-forwarded-for': '10.63.0.1' };
    for (let i = 0; i < 100; i++) {
      const query = `mutation { ${attempt('a0', `nobody${i}@vendor.example`, 'x')} ${attempt('a1', `nobody${i}b@vendor.example`, 'x')} }`;
      const answer = await post(api, JSON.stringify({ query }), { headers });
      expect((answer.body.data as { a0: { userErrors: { code: string }[] } }).a0.userErrors[0]!.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect((await throttleRow('ip:10.63.0.1'))?.failures).toBe(100);
    const right = await post(
      api,
      JSON.stringify({ query: `mutation { ${attempt('a0', ACCOUNTS.engineer, DEMO_PASSWORD)} }` }),
      {
        headers,
      },
    );
    expect(right.body.data).toEqual({ a0: { token: null, userErrors: [{ code: 'RATE_LIMITED' }] } });
    // The account itself is not locked: from another address it logs in.
    const elsewhere = await post(
      api,
      JSON.stringify({ query: `mutation { ${attempt('a0', ACCOUNTS.engineer, DEMO_PASSWORD)} }` }),
      { headers: { 'x-forwarded-for': '10.63.0.2' } },
    );
    expect((elsewhere.body.data as { a0: { token: string | null } }).a0.token).toEqual(expect.any(String));
  });
});
