// Malformed and hostile HTTP requests for the API, for `pnpm fuzz` and tests/api/fuzz.test.ts: a
// generator on fast-check (the same seed and context give the same requests, byte for byte, and a
// failing one shrinks to a small one) and a sender that speaks raw HTTP/1.1, so requests fetch()
// would refuse to send (odd methods, bad bytes in headers, broken framing) reach the server too.
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { DEMO_PASSWORD } from '@upgrade-desk/accounts';
import { CSRF_HEADER } from '../../apps/api/src/index.ts';
import { COST_BOMB_CATEGORIES, costBombGenerators } from './cost-bombs.ts';
import { gql, JSON_HEADERS, post, someToken, withAuth } from './hostile-builders.ts';
import { DASHBOARD, PARTNER_NOTICES } from './operations.ts';
import { SSRF_CATEGORIES, ssrfGenerators } from './ssrf-attacks.ts';

export const CATEGORIES = [
  'bad-json',
  'truncated-json',
  'wrong-shape',
  'wrong-variable-types',
  'huge-strings',
  'deep-nesting',
  'aliases',
  'fragments',
  'global-ids',
  'content-types',
  'get-requests',
  'bad-utf8',
  'huge-headers',
  'bad-authorization',
  'odd-methods',
  'raw-http',
  'hostile-mutations',
  ...COST_BOMB_CATEGORIES,
  ...SSRF_CATEGORIES,
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface HostileRequest {
  category: Category;
  /** What this variant tries, for the report. */
  variant: string;
  method: string;
  /** Path and query string, e.g. `/graphql?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Sent as-is over TCP instead (broken framing, request lines http.request refuses). */
  raw?: Uint8Array;
  /** Its place in hostileRequests' sequence, for replaying it. */
  index?: number;
}

/** Credentials and real global IDs the generator may use; all optional (missing ones: garbage instead). */
export interface FuzzContext {
  tokens: { staff?: string; customerAdmin?: string; customerUser?: string };
  ids: { notices: string[]; upgrades: string[]; customers: string[]; modules: string[]; moduleRequests: string[] };
}

export const EMPTY_FUZZ_CONTEXT: FuzzContext = {
  tokens: {},
  ids: { notices: [], upgrades: [], customers: [], modules: [], moduleRequests: [] },
};

const MB = 1024 * 1024;

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** mulberry32: small, fast, and the same sequence on every platform. */
class Mulberry32 {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  int(max: number): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  }
}

/**
 * How many choices of one request fast-check makes itself. Its generator slows down with every
 * draw (a request of 10,000 ids makes ~50,000), so past these the rest come from a small generator
 * seeded by one more draw: the request's shape, sizes and first values still shrink.
 */
const SHRINKABLE_DRAWS = 200;

/** Arbitraries are built once per shape: building one costs more than drawing from it. */
const arbitraries = new Map<string, fc.Arbitrary<unknown>>();
function cached<T>(key: string, build: () => fc.Arbitrary<T>): () => fc.Arbitrary<T> {
  return () => {
    let arbitrary = arbitraries.get(key);
    if (!arbitrary) arbitraries.set(key, (arbitrary = build()));
    return arbitrary as fc.Arbitrary<T>;
  };
}
const natUpTo = (max: number) => cached(`nat:${max}`, () => fc.nat({ max }));
const stringOf = (length: number, alphabet: string) =>
  cached(`string:${length}:${alphabet}`, () =>
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length }),
  );
const bytesOf = (length: number) =>
  cached(`bytes:${length}`, () => fc.uint8Array({ minLength: length, maxLength: length }));

/**
 * What a generator draws its choices from: fast-check's generator, so a failing request shrinks to a
 * small one (smaller numbers and lengths, earlier variants, which are the simpler ones) and a seed
 * and path replay it exactly.
 */
export class Draw {
  private draws = 0;
  private rest: Mulberry32 | undefined;
  constructor(private readonly g: fc.GeneratorValue) {}
  private bulk(): Mulberry32 | undefined {
    if (this.draws++ < SHRINKABLE_DRAWS) return undefined;
    return (this.rest ??= new Mulberry32(this.g(fc.nat)));
  }
  /** A whole number from 0 to max - 1. */
  int(max: number): number {
    if (max <= 1) return 0;
    return this.bulk()?.int(max) ?? this.g(natUpTo(max - 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  string(length: number, alphabet = ALPHANUMERIC): string {
    const rest = this.bulk();
    if (!rest) return this.g(stringOf(length, alphabet));
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[rest.int(alphabet.length)];
    return out;
  }
  bytes(length: number): Uint8Array {
    const rest = this.bulk();
    if (!rest) return this.g(bytesOf(length));
    return Uint8Array.from({ length }, () => rest.int(256));
  }
  uuid(): string {
    const hex = this.string(32, '0123456789abcdef');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const globalId = (type: string, id: string) => b64(`${type}:${id}`);
const concat = (...parts: (string | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

/** The bytes as latin1 text, control characters and spaces replaced (an HTTP client refuses those in headers and paths). */
const visibleLatin1 = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => (b <= 0x20 || b === 0x7f ? 'x' : String.fromCharCode(b))).join('');

/** A real ID of the kind when the context has one, else a well-formed one of nothing. */
function realId(r: Draw, ids: string[], type: string): string {
  // Both drawn either way, so the requests that follow do not depend on what the context holds.
  const forged = globalId(type, r.uuid());
  const index = r.int(1_000_000);
  return ids.length > 0 ? ids[index % ids.length]! : forged;
}

/** Global IDs that are unknown, forged, of the wrong type, or not global IDs at all. */
function hostileId(r: Draw, ctx: FuzzContext): unknown {
  const real = [...ctx.ids.notices, ...ctx.ids.upgrades, ...ctx.ids.customers];
  const variants: (() => unknown)[] = [
    () => '',
    () => r.string(1 + r.int(40)),
    () => '!!!not base64!!!',
    () => b64('Notice:'),
    () => b64(':'),
    () => b64('Notice'),
    () => globalId('Notice', r.uuid()),
    () => globalId('Upgrade', '00000000-0000-0000-0000-000000000000'),
    () => globalId('NoSuchType', r.uuid()),
    () => globalId('User', "x' OR '1'='1"),
    () => globalId('Customer', 'not-a-uuid'),
    () => globalId('Notice', `${r.uuid()}\u0000`),
    () => globalId('Notice', r.string(10_000)),
    () => b64(r.bytes(24)),
    () => b64(new Uint8Array([0xff, 0xfe, 0x3a, 0x80])),
    () => globalId('__proto__', 'constructor'),
    () =>
      globalId(
        'Customer',
        Buffer.from(realId(r, real, 'Upgrade'), 'base64')
          .toString()
          .split(':')[1] ?? '',
      ),
    () => realId(r, real, 'Notice').toLowerCase(),
    () => `${realId(r, real, 'Notice')}==`,
    () => r.int(1_000_000),
    () => -1.5,
    () => null,
    () => true,
    () => ({ id: r.uuid() }),
    () => [globalId('Notice', r.uuid())],
  ];
  return r.pick(variants)();
}

type RequestMaker = (r: Draw, ctx: FuzzContext) => HostileRequest;

const VALID_QUERY = JSON.stringify({ query: '{ __typename viewer { id } }' });

const generators: Record<Category, RequestMaker> = {
  'bad-json': (r, ctx) => {
    const bodies = [
      '{',
      '}',
      '{"query": }',
      "{'query': '{ __typename }'}",
      '{"query": "{ __typename }",}',
      '{"query": "{ __typename }"}}',
      '{"query": "{ __typename }" "variables": {}}',
      'NaN',
      '{"query": NaN}',
      '{"query": "\\x41"}',
      '{"query": "\\u12"}',
      '{"query": "line\nbreak"}',
      'undefined',
      '\u0000',
      '',
      ' ',
      r.string(200, '{}[]":,\\ntrue0123456789'),
      r.string(50),
    ];
    return post('bad-json', 'malformed JSON', r.pick(bodies), { token: someToken(r, ctx) });
  },
  'truncated-json': (r, ctx) => {
    const full = JSON.stringify({
      query: r.pick([DASHBOARD, PARTNER_NOTICES, '{ __typename }']),
      variables: { upgrades: 10, notices: 20, first: 50 },
    });
    return post('truncated-json', 'cut at a random byte', full.slice(0, 1 + r.int(full.length - 1)), {
      token: someToken(r, ctx),
    });
  },
  'wrong-shape': (r, ctx) => {
    const bodies: unknown[] = [
      [],
      [{ query: '{ __typename }' }],
      [{ query: '{ __typename }' }, { query: '{ viewer { id } }' }],
      Array.from({ length: 100 }, () => ({ query: '{ __typename }' })),
      123,
      null,
      'query',
      true,
      {},
      { query: 123 },
      { query: null },
      { query: {} },
      { query: ['{ __typename }'] },
      { query: '{ __typename }', variables: 'x' },
      { query: '{ __typename }', variables: [] },
      { query: '{ __typename }', variables: 5 },
      { query: '{ __typename }', operationName: 5 },
      { query: '{ __typename }', operationName: 'Nope' },
      { query: 'query A { __typename } query B { __typename }' },
      { query: '{ __typename }', extensions: 'x' },
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: '{ __typename }', __proto__: { polluted: true } },
      { query: '{ __typename }', constructor: { prototype: { polluted: true } } },
      { variables: { a: 1 } },
      { documentId: 'abc' },
    ];
    const body = r.pick(bodies);
    return post('wrong-shape', `JSON ${Array.isArray(body) ? 'array' : typeof body}`, JSON.stringify(body), {
      token: someToken(r, ctx),
    });
  },
  'wrong-variable-types': (r, ctx) => {
    const values: unknown[] = [
      'ten',
      -1,
      0,
      1.5,
      2 ** 31,
      2 ** 53,
      -(2 ** 31) - 1,
      1e308,
      null,
      {},
      [],
      [10],
      true,
      '10',
      1_000_000,
    ];
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () =>
        gql(
          'wrong-variable-types',
          'dashboard page sizes',
          DASHBOARD,
          { upgrades: r.pick(values), notices: r.pick(values) },
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'partner cursor',
          PARTNER_NOTICES,
          { first: r.pick(values), after: r.pick([r.string(20), b64('arrayconnection:-1'), b64('cursor:x'), 5, '']) },
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'filter enum',
          'query ($f: NoticeFilter) { notices(first: 5, filter: $f) { totalCount } }',
          {
            f: r.pick([
              { stages: ['NOPE'] },
              { stages: 'REMINDER' },
              { unacknowledgedOnly: 'yes' },
              'x',
              [1],
              { extra: 1 },
            ]),
          },
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'upgrade filter dates',
          'query ($f: UpgradeFilter) { upgrades(first: 5, filter: $f) { totalCount } }',
          {
            f: {
              from: r.pick(['yesterday', '2026-13-45T00:00:00Z', '+275760-09-13T00:00:00Z', -8.64e15 - 1, '', 'NaN']),
              to: r.pick([null, 0, '9999-12-31T23:59:59Z']),
            },
          },
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'undeclared and missing variables',
          'query ($n: Int!) { notices(first: $n) { totalCount } }',
          r.pick([{}, { m: 1 }, null]),
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'variable of an unknown type',
          'query ($n: Nope!) { __typename }',
          { n: 1 },
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'first and last together',
          'query { notices(first: 5, last: 5) { totalCount } upgrades(last: 100000) { totalCount } }',
          undefined,
          { token },
        ),
      () =>
        gql(
          'wrong-variable-types',
          'search',
          'query ($s: String) { customers(first: 5, search: $s) { totalCount } modules(first: 5, search: $s) { totalCount } }',
          { s: r.pick(['%', '_', '\\', "'; --", '\u0000', 'a'.repeat(10_000), 5]) },
          { token },
        ),
    ];
    return r.pick(choices)();
  },
  'huge-strings': (r, ctx) => {
    const huge = 'x'.repeat(MB);
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () => gql('huge-strings', '1 MB comment', `{ __typename }\n#${huge}`),
      () =>
        gql(
          'huge-strings',
          '1 MB string literal',
          `{ customers(first: 1, search: "${huge}") { totalCount } }`,
          undefined,
          { token },
        ),
      () =>
        gql(
          'huge-strings',
          '1 MB variable',
          'query ($s: String) { customers(first: 1, search: $s) { totalCount } }',
          { s: huge },
          { token },
        ),
      () => gql('huge-strings', '1 MB operation name', '{ __typename }', undefined, { operationName: huge }),
      () => gql('huge-strings', '1 MB field name', `{ ${huge} }`),
      () => gql('huge-strings', '1 MB of whitespace', `{${' '.repeat(MB)}__typename }`),
      () =>
        post(
          'huge-strings',
          '5 MB body',
          JSON.stringify({ query: '{ __typename }', variables: { pad: 'y'.repeat(5 * MB) } }),
        ),
      () => gql('huge-strings', '1 MB unknown variable', '{ __typename }', { x: huge }),
    ];
    return r.pick(choices)();
  },
  'deep-nesting': (r, ctx) => {
    const depth = r.pick([100, 1000, 5000, 20_000]);
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () => gql('deep-nesting', `selection sets ${depth} deep`, `${'{ a '.repeat(depth)}${'}'.repeat(depth)}`),
      () =>
        gql(
          'deep-nesting',
          `real fields ${depth} deep`,
          `{ ${'viewer { customer { '.repeat(Math.min(depth, 2000))}id${' } }'.repeat(Math.min(depth, 2000))} }`,
          undefined,
          { token },
        ),
      () =>
        post(
          'deep-nesting',
          `list variable ${depth} deep`,
          `{"query":"query ($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(depth)}"x"${']'.repeat(depth)}}}`,
          { token },
        ),
      () =>
        gql(
          'deep-nesting',
          `list literal ${depth} deep`,
          `{ nodes(ids: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }`,
          undefined,
          { token },
        ),
      () =>
        post(
          'deep-nesting',
          `object variable ${depth} deep`,
          `{"query":"query ($f: NoticeFilter) { notices(first: 1, filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
          { token },
        ),
      () =>
        post(
          'deep-nesting',
          `JSON body ${depth} deep`,
          `{"query":"{ __typename }","extensions":${'['.repeat(depth)}${']'.repeat(depth)}}`,
        ),
      () =>
        gql(
          'deep-nesting',
          `inline fragments ${depth} deep`,
          `{ ${'... on Query { '.repeat(depth)}__typename${' }'.repeat(depth)} }`,
        ),
    ];
    return r.pick(choices)();
  },
  aliases: (r, ctx) => {
    const token = someToken(r, ctx);
    const count = r.pick([1000, 5000, 20_000]);
    const fields = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    const choices: (() => HostileRequest)[] = [
      () => gql('aliases', `${count} aliases of __typename`, `{ ${fields(count, '__typename')} }`),
      () => gql('aliases', `${count} aliases of viewer`, `{ ${fields(count, 'viewer { id }')} }`, undefined, { token }),
      () =>
        gql(
          'aliases',
          '200 aliases of a notices page',
          `{ ${fields(200, 'notices(first: 20) { edges { node { id title } } }')} }`,
          undefined,
          { token },
        ),
      () =>
        gql(
          'aliases',
          '1000 aliased logins',
          `mutation { ${fields(1000, 'sessionCreate(input: { email: "admin@vendor.example", password: "guess" }) { token }')} }`,
        ),
      () =>
        gql(
          'aliases',
          `${count} duplicate fields`,
          `{ ${Array.from({ length: count }, () => '__typename').join(' ')} }`,
        ),
      () =>
        gql(
          'aliases',
          '2000 aliases of a node lookup',
          `{ ${fields(2000, `node(id: "${realId(r, ctx.ids.notices, 'Notice')}") { id }`)} }`,
          undefined,
          { token },
        ),
    ];
    return r.pick(choices)();
  },
  fragments: (r, ctx) => {
    const token = someToken(r, ctx);
    const n = r.pick([2, 50, 500]);
    const cycle = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % n} }`).join(
      '\n',
    );
    const bomb = (levels: number) =>
      [
        'fragment B0 on Query { __typename viewer { id } }',
        ...Array.from({ length: levels }, (_, i) => `fragment B${i + 1} on Query { ...B${i} ...B${i} }`),
      ].join('\n');
    const choices: (() => HostileRequest)[] = [
      () => gql('fragments', `cycle of ${n} fragments`, `{ ...F0 }\n${cycle}`, undefined, { token }),
      () => gql('fragments', 'fragment spreading itself', '{ ...A } fragment A on Query { __typename ...A }'),
      () => gql('fragments', 'fragment bomb, 30 levels', `{ ...B30 }\n${bomb(30)}`, undefined, { token }),
      () => gql('fragments', 'unknown fragment', '{ ...Nope }'),
      () => gql('fragments', 'fragment on an unknown type', '{ ...A } fragment A on Nope { id }'),
      () =>
        gql('fragments', 'fragment on the wrong type', '{ viewer { ...A } } fragment A on Notice { id }', undefined, {
          token,
        }),
      () =>
        gql(
          'fragments',
          'duplicate fragment names',
          '{ ...A } fragment A on Query { __typename } fragment A on Query { viewer { id } }',
        ),
      () => gql('fragments', 'unused fragments only', 'fragment A on Query { __typename }'),
      () =>
        gql(
          'fragments',
          'conflicting fields through fragments',
          '{ ...A ...B } fragment A on Query { x: viewer { id } } fragment B on Query { x: notices(first: 1) { totalCount } }',
          undefined,
          { token },
        ),
    ];
    return r.pick(choices)();
  },
  'global-ids': (r, ctx) => {
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () =>
        gql(
          'global-ids',
          'node with a hostile id',
          'query ($id: ID!) { node(id: $id) { id __typename } }',
          { id: hostileId(r, ctx) },
          { token },
        ),
      () =>
        gql(
          'global-ids',
          'nodes with hostile ids',
          'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          { ids: Array.from({ length: 1 + r.int(20) }, () => hostileId(r, ctx)) },
          { token },
        ),
      () =>
        gql(
          'global-ids',
          'nodes with 10,000 ids',
          'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          {
            ids: Array.from({ length: 10_000 }, () =>
              r.pick([globalId('Notice', r.uuid()), realId(r, ctx.ids.notices, 'Notice'), r.string(8)]),
            ),
          },
          { token },
        ),
      () =>
        gql(
          'global-ids',
          'id literal',
          `{ node(id: ${JSON.stringify(String(hostileId(r, ctx)))}) { id } }`,
          undefined,
          { token },
        ),
      () => gql('global-ids', 'id as a float literal', '{ node(id: 1.5) { id } }', undefined, { token }),
      () =>
        gql(
          'global-ids',
          "another tenant's upgrade targets",
          'query ($id: ID!) { node(id: $id) { ... on Upgrade { targets(first: 100) { totalCount } } ... on Customer { name } } }',
          { id: realId(r, [...ctx.ids.upgrades, ...ctx.ids.customers], 'Upgrade') },
          { token },
        ),
    ];
    return r.pick(choices)();
  },
  'content-types': (r, ctx) => {
    const types = [
      'text/plain',
      'text/plain;charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=xyz',
      'application/graphql',
      'application/json; charset=utf-16',
      'application/json; charset=nope',
      'application/graphql-response+json',
      'application/xml',
      '*/*',
      '',
      ';;;',
      'application/json\u00ff',
    ];
    const contentType = r.pick(types);
    const body = r.pick<string | Uint8Array>([
      VALID_QUERY,
      'query=%7B__typename%7D',
      '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--xyz--\r\n',
      '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation ($f: Upload) { __typename }","variables":{"f":null}}\r\n--xyz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n--xyz\r\nContent-Disposition: form-data; name="0"; filename="a.txt"\r\n\r\nhello\r\n--xyz--\r\n',
      '--xyz\r\nbroken',
      '{ __typename }',
      '<query>{ __typename }</query>',
    ]);
    const headers: Record<string, string> = { [CSRF_HEADER]: r.pick(['1', '']) };
    if (contentType !== '') headers['content-type'] = contentType;
    return {
      category: 'content-types',
      variant: `content-type "${contentType}"`,
      method: 'POST',
      path: '/graphql',
      headers: withAuth(headers, someToken(r, ctx)),
      body,
    };
  },
  'get-requests': (r, ctx) => {
    const q = (query: string) => encodeURIComponent(query);
    const paths = [
      `/graphql?query=${q('mutation { sessionRevoke { userErrors { code } } }')}`,
      `/graphql?query=${q('mutation { sessionCreate(input: { email: "admin@vendor.example", password: "x" }) { token } }')}`,
      `/graphql?query=${q('{ __typename }')}&variables=${q('{bad')}`,
      `/graphql?query=${q('{ __typename }')}&variables=${q('[]')}`,
      `/graphql?query=${q('{ __typename }')}&extensions=${q('{"persistedQuery":1}')}`,
      `/graphql?query=${q('subscription { noticePublished { id } }')}`,
      '/graphql?query=%E0%A4%A',
      '/graphql?query=%',
      '/graphql?query[]=x&query[]=y',
      '/graphql?query=%7B__typename%7D&query=mutation%7BsessionRevoke%7BrevokedAt%7D%7D',
      `/graphql?query=${'x'.repeat(8000)}`,
      '/graphql',
      '/graphql/',
      '/graphql/../graphql',
      '/GRAPHQL',
      '//graphql',
      '/calendar/',
      `/calendar/${'a'.repeat(52)}.ics`,
      `/calendar/${r.string(52, 'abcdefghijklmnopqrstuvwxyz234567')}.ics`,
      `/calendar/${'%00'.repeat(20)}.ics`,
      '/calendar/../healthz',
      '/healthz?x=1',
      '/readyz',
      '/nope',
      '*',
      `/${r.string(30)}`,
    ];
    return {
      category: 'get-requests',
      variant: 'GET',
      method: r.pick(['GET', 'GET', 'HEAD']),
      path: r.pick(paths),
      headers: withAuth(
        r.pick<Record<string, string>>([
          {},
          { [CSRF_HEADER]: '1' },
          { accept: 'text/event-stream', [CSRF_HEADER]: '1' },
          { accept: 'application/xml' },
        ]),
        someToken(r, ctx),
      ),
    };
  },
  'bad-utf8': (r, ctx) => {
    const bad = r.pick([
      new Uint8Array([0xff, 0xfe]),
      new Uint8Array([0xc0, 0xaf]),
      new Uint8Array([0xed, 0xa0, 0x80]),
      new Uint8Array([0xe2, 0x82]),
      new Uint8Array([0xf8, 0x88, 0x80, 0x80, 0x80]),
      r.bytes(16),
    ]);
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () => post('bad-utf8', 'bad bytes in the query', concat('{"query":"{ __typename ', bad, ' }"}'), { token }),
      () =>
        post(
          'bad-utf8',
          'bad bytes in a variable',
          concat(
            '{"query":"query ($s: String) { customers(first: 1, search: $s) { totalCount } }","variables":{"s":"',
            bad,
            '"}}',
          ),
          { token },
        ),
      () =>
        post(
          'bad-utf8',
          'bad bytes in a login',
          concat(
            '{"query":"mutation ($e: String!) { sessionCreate(input: { email: $e, password: \\"x\\" }) { token } }","variables":{"e":"',
            bad,
            '@x.example"}}',
          ),
        ),
      () => post('bad-utf8', 'bad bytes outside strings', concat('{"query":"{ __typename }"', bad, '}')),
      () => post('bad-utf8', 'UTF-16 body', Buffer.from(VALID_QUERY, 'utf16le')),
      () => post('bad-utf8', 'byte order mark', concat(new Uint8Array([0xef, 0xbb, 0xbf]), VALID_QUERY)),
      () =>
        gql(
          'bad-utf8',
          'lone surrogate escape in a search',
          'query ($s: String) { customers(first: 1, search: $s) { totalCount } }',
          { s: r.pick(['\ud800', '\udfff x', 'a\ud83d']) },
          { token },
        ),
      () =>
        gql(
          'bad-utf8',
          'NUL in a search',
          'query ($s: String) { customers(first: 1, search: $s) { totalCount } modules(first: 1, search: $s) { totalCount } }',
          { s: 'a\u0000b' },
          { token },
        ),
      () =>
        gql(
          'bad-utf8',
          'NUL in a login',
          'mutation ($e: String!, $p: String!) { sessionCreate(input: { email: $e, password: $p }) { token userErrors { code } } }',
          { e: r.pick(['admin@vendor.example\u0000', '\u0000', 'a\u0000@x']), p: r.pick(['x', '\u0000']) },
        ),
      () => ({
        category: 'bad-utf8',
        variant: 'bad bytes in a header',
        method: 'POST',
        path: '/graphql',
        headers: withAuth(
          {
            ...JSON_HEADERS,
            'x-request-id': visibleLatin1(bad),
          },
          token,
        ),
        body: VALID_QUERY,
      }),
      () => ({
        category: 'bad-utf8',
        variant: 'bad bytes in the path',
        method: 'GET',
        path: `/graphql?query=${visibleLatin1(bad)}`,
        headers: {},
      }),
    ];
    return r.pick(choices)();
  },
  'huge-headers': (r, ctx) => {
    const token = someToken(r, ctx);
    const choices: (() => HostileRequest)[] = [
      () => post('huge-headers', '64 KB header', VALID_QUERY, { token, headers: { 'x-pad': 'p'.repeat(64 * 1024) } }),
      () => post('huge-headers', '15 KB header', VALID_QUERY, { token, headers: { 'x-pad': 'p'.repeat(15 * 1024) } }),
      () =>
        post('huge-headers', '3,000 headers', VALID_QUERY, {
          token,
          headers: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x-h${i}`, 'v'])),
        }),
      () =>
        post('huge-headers', '1 MB authorization', VALID_QUERY, {
          headers: { authorization: `Bearer ${'t'.repeat(MB)}` },
        }),
      () =>
        post('huge-headers', '12 KB authorization', VALID_QUERY, {
          headers: { authorization: `Bearer ${'t'.repeat(12 * 1024)}` },
        }),
      () =>
        post('huge-headers', '12 KB x-forwarded-for', VALID_QUERY, {
          token,
          headers: {
            'x-forwarded-for': Array.from({ length: 1500 }, (_, i) => `10.0.${i % 256}.1`)
              .join(', ')
              .slice(0, 12 * 1024),
          },
        }),
      () =>
        post(
          'huge-headers',
          '12 KB user agent on a login',
          JSON.stringify({
            query: 'mutation { sessionCreate(input: { email: "nobody@x.example", password: "x" }) { token } }',
          }),
          { headers: { 'user-agent': 'u'.repeat(12 * 1024) } },
        ),
    ];
    return r.pick(choices)();
  },
  'bad-authorization': (r, ctx) => {
    const real = ctx.tokens.customerUser ?? 'abc';
    const values = [
      'Bearer',
      'Bearer ',
      'Bearer  ',
      'bearer x',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer a b',
      `Bearer ${real}x`,
      `Bearer ${real.slice(0, -1)}`,
      `Bearer ${real.toUpperCase()}`,
      `Bearer ${real}, Bearer ${real}`,
      `Token ${real}`,
      `Bearer ${r.string(64)}`,
      `Bearer ${r.string(4000)}`,
      'Bearer \u00ff\u00fe\u00e9',
      'Bearer %00',
      'Bearer null',
      'Bearer undefined',
      'Bearer ../../etc/passwd',
      'Bearer ud_x',
      `Bearer ${b64(r.bytes(32))}`,
      'Negotiate x',
      '',
    ];
    const authorization = r.pick(values);
    return {
      category: 'bad-authorization',
      variant: 'authorization header',
      method: 'POST',
      path: '/graphql',
      headers: { ...JSON_HEADERS, authorization },
      body: r.pick([
        VALID_QUERY,
        JSON.stringify({ query: DASHBOARD, variables: { upgrades: 10, notices: 20 } }),
        JSON.stringify({ query: 'mutation { sessionRevoke { userErrors { code } } }' }),
      ]),
    };
  },
  'odd-methods': (r, ctx) => ({
    category: 'odd-methods',
    variant: 'method',
    method: r.pick([
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'TRACE',
      'PROPFIND',
      'MKCOL',
      'LOCK',
      'SEARCH',
      'PURGE',
      'LINK',
      'REPORT',
      'QUERY',
    ]),
    path: r.pick(['/graphql', '/healthz', '/readyz', '/calendar/x.ics', '/']),
    headers: withAuth(
      r.pick<Record<string, string>>([
        JSON_HEADERS,
        {},
        { 'access-control-request-method': 'POST', origin: 'https://evil.example' },
      ]),
      someToken(r, ctx),
    ),
    body: r.pick([undefined, VALID_QUERY]),
  }),
  'raw-http': (r) => {
    const raws = [
      'GARBAGE\r\n\r\n',
      'G@T /graphql HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /graphql\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      'GET /graphql HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n',
      'GET /graphql HTTP/1.1\r\n Host: x\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-upgrade-desk-csrf: 1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"que\r\n13\r\nry":"{ __typename }"}\r\n0\r\n\r\n',
      `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      '\u0000\u0001\u0002\u0003\r\n\r\n',
      'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
      'GET http://elsewhere.example/graphql HTTP/1.1\r\nHost: x\r\n\r\n',
      'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: a b\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: [::1\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: x:99999999\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: x/y?z\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n',
      'GET /graphql HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n',
      'GET /graphql HTTP/1.0\r\n\r\n',
    ];
    const text = r.pick(raws);
    return {
      category: 'raw-http',
      variant: JSON.stringify(text.slice(0, 40)),
      method: 'RAW',
      path: '',
      headers: {},
      raw: Buffer.from(text, 'latin1'),
    };
  },
  'hostile-mutations': (r, ctx) => {
    const { staff, customerAdmin, customerUser } = ctx.tokens;
    const huge = 'm'.repeat(MB);
    const date = () =>
      r.pick<unknown>([
        'garbage',
        '',
        '2026-02-30T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '-271821-04-20T00:00:00Z',
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '2027-01-01T00:00:00Z',
        1e20,
        -1,
        null,
        {},
      ]);
    const int = () => r.pick<unknown>([2147483647, -2147483648, 2147483648, -1, 0, 1.5, 'x', null, 1e100]);
    const text = () =>
      r.pick<unknown>([
        huge,
        '',
        ' ',
        '\u0000',
        'a\u0000b',
        '<script>alert(1)</script>',
        '\'; DROP TABLE "Notice"; --',
        42,
        null,
        ['x'],
      ]);
    const mutation = (variant: string, query: string, input: unknown, token: string | undefined) =>
      gql('hostile-mutations', variant, query, { input }, { token });
    const choices: (() => HostileRequest)[] = [
      () =>
        mutation(
          'sessionCreate, 1 MB password',
          'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code } } }',
          { email: 'user@hanoi-water.example', password: huge },
          undefined,
        ),
      () =>
        mutation(
          'sessionCreate, 1 MB email',
          'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code } } }',
          { email: huge, password: 'x' },
          undefined,
        ),
      () =>
        mutation(
          'sessionCreate, hostile values',
          'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code } } }',
          { email: text(), password: text() },
          undefined,
        ),
      () =>
        mutation(
          'noticeAcknowledge, 10,000 forged ids',
          'mutation ($input: NoticeAcknowledgeInput!) { noticeAcknowledge(input: $input) { notices { id } userErrors { code } } }',
          { ids: Array.from({ length: 10_000 }, () => globalId('Notice', r.uuid())) },
          r.pick([customerUser, customerAdmin]),
        ),
      () =>
        mutation(
          'noticeAcknowledge, 10,000 copies of one id',
          'mutation ($input: NoticeAcknowledgeInput!) { noticeAcknowledge(input: $input) { notices { id } userErrors { code } } }',
          { ids: Array.from({ length: 10_000 }, () => realId(r, ctx.ids.notices, 'Notice')) },
          r.pick([customerUser, customerAdmin]),
        ),
      () =>
        mutation(
          'noticeAcknowledge, hostile ids',
          'mutation ($input: NoticeAcknowledgeInput!) { noticeAcknowledge(input: $input) { notices { id } userErrors { code } } }',
          { ids: Array.from({ length: 1 + r.int(50) }, () => hostileId(r, ctx)) },
          someToken(r, ctx),
        ),
      () =>
        mutation(
          'noticeAcknowledge, no ids',
          'mutation ($input: NoticeAcknowledgeInput!) { noticeAcknowledge(input: $input) { notices { id } userErrors { code } } }',
          { ids: [] },
          customerUser,
        ),
      () =>
        mutation(
          'apiTokenCreate, hostile values',
          'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { code } } }',
          {
            name: text(),
            scopes: r.pick<unknown>([[], ['READ'], Array.from({ length: 10_000 }, () => 'READ'), ['ROOT'], 'READ']),
            expiresAt: date(),
          },
          r.pick([customerAdmin, staff, customerUser]),
        ),
      () =>
        mutation(
          'blackoutWindowCreate, hostile values',
          'mutation ($input: BlackoutWindowCreateInput!) { blackoutWindowCreate(input: $input) { userErrors { code } } }',
          { startsAt: date(), endsAt: date(), reason: text() },
          r.pick([customerAdmin, staff]),
        ),
      () =>
        mutation(
          'blackoutWindowDelete, hostile id',
          'mutation ($input: BlackoutWindowDeleteInput!) { blackoutWindowDelete(input: $input) { userErrors { code } } }',
          { id: hostileId(r, ctx) },
          r.pick([customerAdmin, staff]),
        ),
      () =>
        mutation(
          'moduleRequestCreate, hostile values',
          'mutation ($input: ModuleRequestCreateInput!) { moduleRequestCreate(input: $input) { userErrors { code } } }',
          {
            kind: r.pick(['NEW_MODULE', 'EXTENSION', 'NOPE']),
            title: text(),
            description: text(),
            moduleId: r.pick([
              hostileId(r, ctx),
              realId(r, ctx.ids.modules, 'Module'),
              realId(r, ctx.ids.notices, 'Notice'),
            ]),
          },
          r.pick([customerAdmin, customerUser]),
        ),
      () =>
        mutation(
          'moduleRequestComment, hostile values',
          'mutation ($input: ModuleRequestCommentInput!) { moduleRequestComment(input: $input) { userErrors { code } } }',
          { id: r.pick([hostileId(r, ctx), realId(r, ctx.ids.moduleRequests, 'ModuleRequest')]), body: text() },
          someToken(r, ctx),
        ),
      () =>
        mutation(
          'moduleRequestAdvance, hostile values',
          'mutation ($input: ModuleRequestAdvanceInput!) { moduleRequestAdvance(input: $input) { userErrors { code } } }',
          {
            id: r.pick([hostileId(r, ctx), realId(r, ctx.ids.moduleRequests, 'ModuleRequest')]),
            to: r.pick(['CLOSED', 'SUBMITTED', 'REJECTED', 'NOPE']),
            note: text(),
          },
          r.pick([staff, customerAdmin]),
        ),
      () =>
        mutation(
          'moduleRequestAssign, hostile values',
          'mutation ($input: ModuleRequestAssignInput!) { moduleRequestAssign(input: $input) { userErrors { code } } }',
          { id: realId(r, ctx.ids.moduleRequests, 'ModuleRequest'), assigneeId: hostileId(r, ctx), note: text() },
          staff,
        ),
      () =>
        mutation(
          'upgradeSchedule, hostile values',
          'mutation ($input: UpgradeScheduleInput!) { upgradeSchedule(input: $input) { userErrors { code } } }',
          {
            kind: r.pick(['FEATURE', 'SECURITY', 'NOPE']),
            title: text(),
            summary: text(),
            windowStart: date(),
            windowEnd: date(),
            expectedDowntimeMinutes: int(),
            moduleIds: r.pick<unknown>([[], [hostileId(r, ctx)], [realId(r, ctx.ids.modules, 'Module')]]),
            customerIds: r.pick<unknown>([
              undefined,
              [],
              Array.from({ length: 10_000 }, () => globalId('Customer', r.uuid())),
              [hostileId(r, ctx)],
            ]),
            sandboxStart: date(),
            firstNoticeAt: date(),
            targetVersion: text(),
          },
          staff,
        ),
      () => {
        // A sound form but for its version: one the module never published, announced to all its customers.
        const moduleId = realId(r, ctx.ids.modules, 'Module');
        return mutation(
          'upgradeSchedule, a target version the module never published',
          'mutation ($input: UpgradeScheduleInput!) { upgradeSchedule(input: $input) { userErrors { code } } }',
          {
            kind: 'FIX',
            title: 'Bản vá',
            summary: 'Bản vá khẩn cấp.',
            windowStart: '2031-06-01T12:00:00Z',
            windowEnd: '2031-06-01T13:00:00Z',
            expectedDowntimeMinutes: 0,
            moduleIds: [moduleId],
            moduleVersions: [
              {
                moduleId,
                fromVersion: r.pick<unknown>([undefined, '99.0', text()]),
                targetVersion: r.pick<unknown>(['9.9.9', '0.0.1', text()]),
              },
            ],
            targetVersion: r.pick<unknown>([undefined, '9.9.9', text()]),
          },
          staff,
        );
      },
      () =>
        mutation(
          'upgradeReschedule, hostile values',
          'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { userErrors { code } } }',
          {
            id: r.pick([
              hostileId(r, ctx),
              realId(r, ctx.ids.upgrades, 'Upgrade'),
              realId(r, ctx.ids.customers, 'Customer'),
            ]),
            windowStart: date(),
            windowEnd: date(),
            reason: text(),
          },
          staff,
        ),
      () =>
        mutation(
          'upgradeTransition, hostile values',
          'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { userErrors { code } } }',
          {
            id: r.pick([hostileId(r, ctx), realId(r, ctx.ids.upgrades, 'Upgrade')]),
            to: r.pick(['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NOPE', 5]),
            note: text(),
          },
          staff,
        ),
      () =>
        mutation(
          'noticePolicyUpdate, extreme numbers',
          'mutation ($input: NoticePolicyUpdateInput!) { noticePolicyUpdate(input: $input) { userErrors { code } } }',
          {
            kind: r.pick(['FEATURE', 'SECURITY', 'EMERGENCY', 'NOPE']),
            announcementLeadDays: int(),
            announcementMaxLeadDays: int(),
            announcementMinLeadDays: int(),
            reminderLeadHours: int(),
            finalReminderLeadHours: int(),
            imminentLeadMinutes: int(),
            minimumNoticeHours: int(),
            quietHoursStart: int(),
            quietHoursEnd: int(),
            typicalDowntimeMinutes: int(),
          },
          staff,
        ),
      () =>
        mutation(
          'webhookEndpointCreate, hostile url',
          'mutation ($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { userErrors { code } } }',
          {
            url: r.pick<unknown>([
              'javascript:alert(1)',
              'http://169.254.169.254/latest/meta-data',
              'http://[::1',
              'file:///etc/passwd',
              `https://x.example/${huge}`,
              'https://\u0000.example',
              '',
              7,
            ]),
            description: text(),
          },
          r.pick([customerAdmin, staff]),
        ),
      () =>
        mutation(
          'viewerUpdate, hostile values',
          'mutation ($input: ViewerUpdateInput!) { viewerUpdate(input: $input) { userErrors { code } } }',
          { locale: r.pick<unknown>(['XX', 'vi', null, 1]), emailNotifications: r.pick<unknown>(['yes', null, 0]) },
          someToken(r, ctx),
        ),
      () =>
        mutation(
          'customerCalendarRotate, hostile id',
          'mutation ($input: CustomerCalendarRotateInput) { customerCalendarRotate(input: $input) { userErrors { code } } }',
          r.pick<unknown>([{ customerId: hostileId(r, ctx) }, null, {}]),
          someToken(r, ctx),
        ),
      () =>
        mutation(
          'apiTokenRevoke, hostile id',
          'mutation ($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) { userErrors { code } } }',
          { id: hostileId(r, ctx) },
          r.pick([customerAdmin, staff]),
        ),
    ];
    return r.pick(choices)();
  },
  ...costBombGenerators,
  ...ssrfGenerators,
};

/** One hostile request of the category, as a fast-check arbitrary (shrinkable). */
export function hostileRequest(
  category: Category,
  ctx: FuzzContext = EMPTY_FUZZ_CONTEXT,
): fc.Arbitrary<HostileRequest> {
  return fc.gen().map((g) => generators[category](new Draw(g), ctx));
}

/**
 * `count` hostile requests from `seed`, categories in turn (so any count covers them evenly), the
 * variant within a category drawn at random. Deterministic for a given seed and context; the i-th
 * request is fast-check's run i for that seed (its `path`), so replayHostile can shrink it.
 */
export function* hostileRequests(
  count: number,
  seed: number,
  ctx: FuzzContext = EMPTY_FUZZ_CONTEXT,
): Generator<HostileRequest> {
  const draws = fc.sample(fc.gen(), { seed, numRuns: count });
  for (let i = 0; i < count; i++) {
    yield { ...generators[CATEGORIES[i % CATEGORIES.length]!](new Draw(draws[i]!), ctx), index: i };
  }
}

export interface HostileOutcome {
  /** The HTTP status, or 0 when the server closed the connection without answering. */
  status: number;
  /** The start of the answer's body, for reports. */
  body: string;
  /** A 2xx/4xx GraphQL answer that carries a masked internal error: a 500 in disguise. */
  internalError: boolean;
  timedOut: boolean;
}

const INTERNAL = /"code"\s*:\s*"INTERNAL_SERVER_ERROR"|"message"\s*:\s*"Unexpected error\.?"/;

/** Sends one request to `origin` (e.g. http://127.0.0.1:4000) and waits at most `timeoutMs` for the whole answer. */
export function sendHostile(origin: string, req: HostileRequest, timeoutMs = 30_000): Promise<HostileOutcome> {
  const { hostname, port } = new URL(origin);
  const finish = (status: number, body: Buffer, timedOut = false): HostileOutcome => {
    const text = body.subarray(0, 64 * 1024).toString('utf8');
    return { status, body: text.slice(0, 2000), internalError: INTERNAL.test(text), timedOut };
  };
  if (req.raw) {
    const raw = req.raw;
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(raw));
      const done = (timedOut: boolean) => {
        socket.destroy();
        const answer = Buffer.concat(chunks);
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer.subarray(0, 20).toString('latin1'));
        resolve(finish(status ? Number(status[1]) : 0, answer, timedOut));
      };
      const timer = setTimeout(() => done(true), timeoutMs);
      socket.once('close', () => clearTimeout(timer));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => done(false));
      socket.on('close', () => done(false));
    });
  }
  return new Promise((resolve) => {
    let settled = false;
    let status = 0;
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (timedOut = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(finish(status, Buffer.concat(chunks), timedOut));
    };
    // The whole exchange, not just idleness: a stream that keeps sending must end too.
    const timer = setTimeout(() => settle(true), timeoutMs);
    const headers: Record<string, string> = { ...req.headers };
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
    if (body !== undefined) headers['content-length'] = String(body.byteLength);
    const request = httpRequest(
      {
        host: hostname,
        port: Number(port),
        method: req.method,
        path: req.path,
        headers,
        agent: false,
        insecureHTTPParser: true,
      },
      (response) => {
        status = response.statusCode ?? 0;
        // A live stream (a subscription, over server-sent events or multipart) is answered once it
        // started: it is meant to stay open.
        const streaming = /text\/event-stream|multipart\/mixed/.test(String(response.headers['content-type']));
        if (streaming) setTimeout(() => settle(), 500);
        response.on('data', (chunk: Buffer) => {
          if (size < 64 * 1024) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => settle());
        response.on('error', () => settle());
      },
    );
    // The server may answer (413, 431) and close before the whole body is sent: the status read so
    // far is the answer; none (0) means the connection closed unanswered.
    request.on('error', () => settle());
    request.end(body);
  });
}

/** The request as text for a report: method, path, headers and body, each cut to a readable length. */
export function describeRequest(req: HostileRequest, limit = 600): string {
  const cut = (text: string) => (text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text);
  if (req.raw)
    return `[${req.category}: ${req.variant}] RAW ${cut(JSON.stringify(Buffer.from(req.raw).toString('latin1')))}`;
  const body =
    req.body === undefined ? '' : typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('latin1');
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${cut(v)}`)
    .join('; ');
  return `[${req.category}: ${req.variant}] ${req.method} ${cut(req.path)} {${cut(headers)}} ${cut(JSON.stringify(body))}`;
}

export interface FuzzFailure {
  request: string;
  status: number;
  reason: string;
  answer: string;
  /** The failing request's place in hostileRequests' sequence and its category, for replayHostile. */
  index?: number;
  category?: Category;
}

/** Why an answer is a failure (a 5xx, a masked internal error, no answer in time), or null. */
export function failureOf(outcome: HostileOutcome): string | null {
  if (outcome.timedOut) return 'no answer within the timeout';
  if (outcome.status >= 500) return `HTTP ${outcome.status}`;
  if (outcome.internalError) return `masked internal error (HTTP ${outcome.status})`;
  return null;
}

/**
 * Replays request `index` of hostileRequests(…, seed, ctx) (a failure) and lets fast-check shrink
 * it: the smallest request of its category found that still fails, or null if it no longer fails.
 */
export async function replayHostile(
  origin: string,
  failure: { index: number; category: Category },
  seed: number,
  ctx: FuzzContext,
  route: HostileRoute = direct,
): Promise<{ request: HostileRequest; reason: string } | null> {
  let smallest: { request: HostileRequest; reason: string } | null = null;
  const property = fc.asyncProperty(fc.gen(), async (g) => {
    const request = route(generators[failure.category](new Draw(g), ctx));
    const reason = failureOf(await sendHostile(origin, request));
    if (reason) smallest = { request, reason };
    return reason === null;
  });
  await fc.check(property, { seed, path: String(failure.index), numRuns: 1 });
  return smallest;
}

export interface FuzzReport {
  sent: number;
  /** Answers per HTTP status (0: closed without answering). */
  byStatus: Record<string, number>;
  /** Per category, answers per status. */
  byCategory: Record<string, Record<string, number>>;
  /** 5xx answers, masked internal errors, timeouts, and failed liveness checks. */
  failures: FuzzFailure[];
}

/** A request as it is sent: to the API itself, or rewritten for another way in (viaPortalProxy). */
export type HostileRoute = (req: HostileRequest) => HostileRequest;

const direct: HostileRoute = (req) => req;

/**
 * The same request through the portal's same-origin proxy (`/api/graphql`), as a browser sends it:
 * a well-formed bearer token travels as the session cookie instead, and a request without one
 * carries `browserToken`'s session (a logged-in page's scripts always do); any other Authorization
 * header is left in place (the proxy must ignore it). Raw requests get the proxy's path in their
 * request line.
 */
export function viaPortalProxy(sessionCookie: string, browserToken: string): HostileRoute {
  return (req) => {
    if (req.raw) {
      const text = Buffer.from(req.raw)
        .toString('latin1')
        .replace(/^(\S+ )\/graphql/, '$1/api/graphql');
      return { ...req, raw: Buffer.from(text, 'latin1') };
    }
    const headers = { ...req.headers };
    const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
    if (bearer) delete headers.authorization;
    if (bearer || headers.authorization === undefined) {
      headers.cookie = `${sessionCookie}=${bearer?.[1] ?? browserToken}`;
    }
    const path = req.path.startsWith('/graphql') ? `/api${req.path}` : req.path;
    return { ...req, path, headers };
  };
}

/** The portal's session cookie (apps/portal/src/lib/server/session.ts). */
const PORTAL_SESSION_COOKIE = 'ud_session';

/**
 * What fuzzing the portal's proxy needs: the portal is for customers (a vendor session is turned
 * away at its door, 401), so the staff's requests go out as the customer admin's, and requests
 * without a token carry the customer user's session, as a logged-in page would.
 */
export function throughPortal(context: FuzzContext): {
  context: FuzzContext;
  route: HostileRoute;
  livenessToken: string;
} {
  const { customerAdmin, customerUser } = context.tokens;
  if (!customerAdmin || !customerUser) throw new Error('fuzzing the portal needs the Hanoi Water demo logins');
  return {
    context: { ...context, tokens: { ...context.tokens, staff: customerAdmin } },
    route: viaPortalProxy(PORTAL_SESSION_COOKIE, customerUser),
    livenessToken: customerUser,
  };
}

/** Whether the server still answers `{ __typename }` as it should (through `route`, with `token`). */
export async function stillAnswers(origin: string, route: HostileRoute = direct, token?: string): Promise<boolean> {
  const outcome = await sendHostile(
    origin,
    route({
      category: 'bad-json',
      variant: 'liveness',
      method: 'POST',
      path: '/graphql',
      headers: withAuth(JSON_HEADERS, token),
      body: '{"query":"{ __typename }"}',
    }),
    10_000,
  );
  return outcome.status === 200 && outcome.body.includes('"__typename":"Query"');
}

/**
 * Sends `requests` to `origin`, `concurrency` at a time, and checks after every `checkEvery` and at
 * the end that the server still answers. Never throws for what the server does: everything goes in
 * the report.
 */
export async function runHostileRequests(
  origin: string,
  requests: Iterable<HostileRequest>,
  options: {
    concurrency?: number;
    checkEvery?: number;
    timeoutMs?: number;
    onProgress?: (sent: number) => void;
    onSend?: (req: HostileRequest) => void;
    /** Called with each answer and how long it took, in ms. */
    onAnswer?: (req: HostileRequest, outcome: HostileOutcome, ms: number) => void;
    /** How requests reach the server (default: straight to the API), and the token its liveness check uses. */
    route?: HostileRoute;
    livenessToken?: string;
  } = {},
): Promise<FuzzReport> {
  const concurrency = options.concurrency ?? 4;
  const checkEvery = options.checkEvery ?? 1000;
  const report: FuzzReport = { sent: 0, byStatus: {}, byCategory: {}, failures: [] };
  const route = options.route ?? direct;
  const record = async (apiRequest: HostileRequest) => {
    const req = route(apiRequest);
    options.onSend?.(req);
    const started = performance.now();
    const outcome = await sendHostile(origin, req, options.timeoutMs);
    options.onAnswer?.(req, outcome, performance.now() - started);
    const status = String(outcome.status);
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    const perCategory = (report.byCategory[req.category] ??= {});
    perCategory[status] = (perCategory[status] ?? 0) + 1;
    const reason = failureOf(outcome);
    if (reason)
      report.failures.push({
        request: describeRequest(req),
        status: outcome.status,
        reason,
        answer: outcome.body.slice(0, 600),
        index: req.index,
        category: req.category,
      });
  };
  const checkAlive = async () => {
    if (!(await stillAnswers(origin, route, options.livenessToken))) {
      report.failures.push({
        request: `liveness check after ${report.sent} requests`,
        status: 0,
        reason: 'the server no longer answers { __typename }',
        answer: '',
      });
      return false;
    }
    return true;
  };

  const inFlight = new Set<Promise<void>>();
  for (const req of requests) {
    const sending = record(req).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    report.sent++;
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (report.sent % checkEvery === 0) {
      await Promise.all(inFlight);
      options.onProgress?.(report.sent);
      if (!(await checkAlive())) return report;
    }
  }
  await Promise.all(inFlight);
  if (report.sent % checkEvery !== 0) await checkAlive();
  return report;
}

/**
 * Logs in demo accounts (vendor admin, a customer admin and a customer user of Hanoi Water) and
 * collects some real global IDs, for hostile requests that need them. Accounts that cannot log in
 * are left out (the generator falls back to anonymous requests and forged IDs).
 */
export async function loadFuzzContext(origin: string, password = DEMO_PASSWORD): Promise<FuzzContext> {
  const call = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: withAuth(JSON_HEADERS, token),
      body: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read loosely; anything missing just leaves the context emptier
    return ((await response.json()) as { data?: any }).data;
  };
  const login = async (email: string): Promise<string | undefined> =>
    (
      await call(
        'mutation ($e: String!, $p: String!) { sessionCreate(input: { email: $e, password: $p }) { token } }',
        {
          e: email,
          p: password,
        },
      )
    )?.sessionCreate?.token ?? undefined;
  const tokens = {
    staff: await login('admin@vendor.example'),
    customerAdmin: await login('admin@hanoi-water.example'),
    customerUser: await login('user@hanoi-water.example'),
  };
  const ids = (connection: { edges?: { node: { id: string } }[] } | undefined) =>
    connection?.edges?.map((e) => e.node.id) ?? [];
  const page = '(first: 20) { edges { node { id } } }';
  const staffData = await call(
    `{ upgrades${page} customers${page} modules${page} moduleRequests${page} }`,
    {},
    tokens.staff,
  );
  const customerData = await call(`{ notices${page} }`, {}, tokens.customerUser);
  return {
    tokens,
    ids: {
      notices: ids(customerData?.notices),
      upgrades: ids(staffData?.upgrades),
      customers: ids(staffData?.customers),
      modules: ids(staffData?.modules),
      moduleRequests: ids(staffData?.moduleRequests),
    },
  };
}
