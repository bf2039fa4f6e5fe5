// Tenant isolation as a matrix generated from the schema: every viewer (the eight demo accounts and
// a customer admin's API token) × every Node type × node, nodes and every field leading to nodes,
// over the real ids of every row in the demo (plus webhook endpoints, deliveries and API tokens made
// here so every type has rows of several customers). The oracle (tenant-matrix-oracle.ts) says what
// each viewer may see; a leak, a wrong refusal or an error quoting foreign data names the viewer,
// type, field and id. A new Node type or field the matrix cannot drive fails the coverage test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../apps/api/src/schema/index.ts';
import { ACCOUNTS, NOW, startTestApi, type GraphQLResponse, type TestApi } from './harness.ts';
import {
  isStaffViewer,
  loadUniverse,
  ORACLE,
  STAFF_ONLY_TYPES,
  type Item,
  type MatrixViewer,
} from './tenant-matrix-oracle.ts';
import { fieldCall, schemaMatrix, type AccessPath } from './tenant-matrix-schema.ts';

const matrix = schemaMatrix(schema);
const NODE_TYPES = new Set(matrix.nodeTypes);

/** The limits the API sets (or is about to): ids per `nodes` call, aliases per request. */
const NODES_BATCH = 100;
const ALIASES_PER_REQUEST = 30;

/** The viewers: a label, and the account whose session (or API token) asks. */
const VIEWERS = [
  ...Object.entries(ACCOUNTS).map(([label, email]) => ({ label, email, apiToken: false })),
  { label: 'hanoiAdmin API token', email: ACCOUNTS.hanoiAdmin, apiToken: true },
];

interface Caller {
  viewer: MatrixViewer;
  token: string;
}

/** What one viewer's run checked, for the summary. */
interface Tally {
  nodeLookups: number;
  nodesLookups: number;
  referencesChecked: number;
  pathsWalked: Set<string>;
}

let api: TestApi;
let universe: Map<string, Item>;
const callers = new Map<string, Caller>();
const tallies = new Map<string, Tally>();

beforeAll(async () => {
  api = await startTestApi();
  const prisma = api.db.prisma;

  // Only one demo customer has a webhook endpoint: give Hanoi and Saigon one each (through the API,
  // as their admins) with a delivery on it, so endpoints and webhook deliveries exist for several customers.
  for (const [email, code] of [
    [ACCOUNTS.hanoiAdmin, 'hanoi-water'],
    [ACCOUNTS.saigonAdmin, 'saigon-garment'],
  ] as const) {
    const url = `https://erp-bridge.${code}.example/hooks/matrix`;
    const created = await api.gql<{ webhookEndpointCreate: { webhookEndpoint: { id: string } | null } }>(
      'mutation ($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id } userErrors { code message } } }',
      { input: { url, description: 'tenant matrix' } },
      { token: await api.login(email) },
    );
    const endpointId = created.data?.webhookEndpointCreate.webhookEndpoint?.id;
    if (!endpointId) throw new Error(`webhookEndpointCreate as ${email}: ${JSON.stringify(created)}`);
    const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawIdOf(endpointId) } });
    const notice = await prisma.notice.findFirstOrThrow({
      where: { customerId: endpoint.customerId, publishedAt: { not: null }, supersededAt: null },
      orderBy: { id: 'asc' },
    });
    await prisma.delivery.create({
      data: {
        noticeId: notice.id,
        channel: 'WEBHOOK',
        recipient: url,
        webhookEndpointId: endpoint.id,
        status: 'SENT',
        attempts: 1,
        sentAt: NOW,
        createdAt: NOW,
      },
    });
  }

  // Staff alerts for two customers' account teams (a new request from each), and one for the ADMIN
  // put on Hanoi's team, so alerts of several customers and several staff members exist.
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.admin } });
  const hanoi = await prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
  await prisma.user.update({ where: { id: admin.id }, data: { role: 'CUSTOMER_CARE' } });
  await prisma.customerStaff.create({ data: { customerId: hanoi.id, userId: admin.id } });
  for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.saigonAdmin]) {
    const created = await api.gql<{ moduleRequestCreate: { moduleRequest: { id: string } | null } }>(
      'mutation ($input: ModuleRequestCreateInput!) { moduleRequestCreate(input: $input) { moduleRequest { id } userErrors { code message } } }',
      { input: { kind: 'EXTENSION', title: 'Tenant matrix alert', description: '' } },
      { token: await api.login(email) },
    );
    if (!created.data?.moduleRequestCreate.moduleRequest) throw new Error(`moduleRequestCreate as ${email}`);
  }
  await prisma.customerStaff.delete({ where: { customerId_userId: { customerId: hanoi.id, userId: admin.id } } });
  await prisma.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
  if ((await prisma.staffAlert.groupBy({ by: ['userId'] })).length < 3) throw new Error('too few staff alerts');

  // Calls recorded by the ADMIN about a notice of each of two customers, so the account team's
  // call notes exist for several customers (and no customer may read any of them).
  for (const code of ['HANOI-WATER', 'SAIGON-GARMENT']) {
    const notice = await prisma.notice.findFirstOrThrow({
      where: {
        customer: { code },
        requiresAcknowledgement: true,
        publishedAt: { not: null },
        supersededAt: null,
        awaitingRelease: false,
      },
      orderBy: { id: 'asc' },
    });
    const recorded = await api.gql<{ noticeCallRecord: { call: { id: string } | null } }>(
      'mutation ($input: NoticeCallRecordInput!) { noticeCallRecord(input: $input) { call { id } userErrors { code message } } }',
      {
        input: {
          noticeId: Buffer.from(`Notice:${notice.id}`).toString('base64'),
          note: `Tenant matrix call to ${code}`,
        },
      },
      { token: await api.login(ACCOUNTS.admin) },
    );
    if (!recorded.data?.noticeCallRecord.call)
      throw new Error(`noticeCallRecord for ${code}: ${JSON.stringify(recorded)}`);
  }

  // API tokens of two customers' admins and of a staff member; Hanoi's admin's is also a viewer.
  const tokens = new Map<string, string>();
  for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.saigonAdmin, ACCOUNTS.engineer]) {
    const minted = await api.gql<{ apiTokenCreate: { token: string | null } }>(
      'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { code message } } }',
      { input: { name: 'tenant matrix', scopes: ['READ'] } },
      { token: await api.login(email) },
    );
    const token = minted.data?.apiTokenCreate.token;
    if (!token) throw new Error(`apiTokenCreate as ${email}: ${JSON.stringify(minted)}`);
    tokens.set(email, token);
  }

  for (const { label, email, apiToken } of VIEWERS) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    callers.set(label, {
      viewer: { label, role: user.role, userId: user.id, customerId: user.customerId },
      token: apiToken ? tokens.get(email)! : await api.login(email),
    });
  }
  universe = await loadUniverse(prisma, matrix.nodeTypes);
  for (const c of await prisma.customer.findMany({ select: { id: true, code: true } })) customerCodes.set(c.id, c.code);
});
afterAll(() => api.close());

function rawIdOf(id: string): string {
  return Buffer.from(id, 'base64').toString().split(':').slice(1).join(':');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Customer codes by id, for messages. */
const customerCodes = new Map<string, string>();

/** Where an item belongs, for messages: customer codes, or "vendor/public". */
function ownerNames(item: Item): string {
  if (item.owners.length === 0) return 'vendor/public';
  return item.owners.map((id) => customerCodes.get(id) ?? id).join(',');
}

/**
 * What a viewer may reach by following fields: what it may see, plus vendor staff named on its own
 * records (the consultant assigned to a request, the author of a step), who belong to no customer.
 */
function mayReach(viewer: MatrixViewer, item: Item): boolean {
  return item.visibleTo(viewer) || (item.type === 'User' && item.owners.length === 0);
}

/** Every Node reference (an object with a Node __typename and an id) anywhere in a value. */
function nodeReferences(value: unknown, out: { __typename: string; id: string }[] = []) {
  if (Array.isArray(value)) {
    for (const entry of value) nodeReferences(entry, out);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === 'string' && NODE_TYPES.has(record.__typename) && typeof record.id === 'string') {
      out.push({ __typename: record.__typename, id: record.id });
    }
    for (const entry of Object.values(record)) nodeReferences(entry, out);
  }
  return out;
}

type Response = GraphQLResponse<Record<string, unknown>>;

/** A page of a connection, as the walk selects it. */
interface Connection {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One viewer's run over the whole matrix; returns the violations found. */
class ViewerRun {
  readonly violations: string[] = [];
  readonly tally: Tally = {
    nodeLookups: 0,
    nodesLookups: 0,
    referencesChecked: 0,
    pathsWalked: new Set(),
  };
  /** Strings that identify what the viewer may not reach: no error message may contain one. */
  private readonly foreign: string[];

  constructor(private readonly caller: Caller) {
    this.foreign = [...universe.values()]
      .filter((item) => !mayReach(caller.viewer, item))
      .flatMap((item) => [item.globalId, item.rawId, ...item.names]);
  }

  private get label() {
    return this.caller.viewer.label;
  }

  private async ask(query: string, variables: Record<string, unknown>, where: string): Promise<Response> {
    const response = await api.gql<Record<string, unknown>>(query, variables, { token: this.caller.token });
    for (const error of response.errors ?? []) {
      const text = `${error.message} ${JSON.stringify(error.extensions ?? {})}`;
      const quoted = this.foreign.find((secret) => text.includes(secret));
      if (quoted) this.violations.push(`${this.label} ${where}: an error quotes foreign data "${quoted}": ${text}`);
    }
    return response;
  }

  /** Compares one answer of node/nodes with the oracle. */
  private judgeLookup(how: string, item: Item, answer: unknown) {
    const expected = item.visibleTo(this.caller.viewer);
    const got = answer as { __typename?: string; id?: string } | null | undefined;
    if (expected && (got?.id !== item.globalId || got.__typename !== item.type)) {
      this.violations.push(
        `${this.label} ${how} ${item.type} ${item.globalId} (${ownerNames(item)}): should see it, got ${JSON.stringify(got)}`,
      );
    } else if (!expected && got !== null) {
      this.violations.push(
        `${this.label} ${how} ${item.type} ${item.globalId} (${ownerNames(item)}): LEAK, got ${JSON.stringify(got)}`,
      );
    }
  }

  /** `nodes(ids)` over every id, 100 at a time; returns the ids answered (the viewer's visible set). */
  async nodes(items: Item[]): Promise<Set<string>> {
    const seen = new Set<string>();
    for (const batch of chunks(items, NODES_BATCH)) {
      const response = await this.ask(
        'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
        { ids: batch.map((item) => item.globalId) },
        'nodes(ids)',
      );
      if (response.errors) this.violations.push(`${this.label} nodes(ids): errors ${JSON.stringify(response.errors)}`);
      const answers = response.data?.nodes;
      if (!Array.isArray(answers)) continue;
      for (const [index, item] of batch.entries()) {
        this.tally.nodesLookups += 1;
        this.judgeLookup('nodes(ids)', item, answers[index] as unknown);
        if (answers[index]) seen.add(item.globalId);
      }
    }
    return seen;
  }

  /** `node(id)` for every id, as aliases of one request (30 at a time). */
  async node(items: Item[]) {
    for (const batch of chunks(items, ALIASES_PER_REQUEST)) {
      const query = `{ ${batch.map((item, i) => `n${i}: node(id: ${JSON.stringify(item.globalId)}) { __typename id }`).join(' ')} }`;
      const response = await this.ask(query, {}, 'node(id)');
      if (response.errors) this.violations.push(`${this.label} node(id): errors ${JSON.stringify(response.errors)}`);
      if (!response.data) continue;
      for (const [index, item] of batch.entries()) {
        this.tally.nodeLookups += 1;
        this.judgeLookup('node(id)', item, response.data?.[`n${index}`]);
      }
    }
  }

  /** Checks the nodes one answer holds; returns how many. */
  private judgeReferences(where: string, value: unknown): number {
    const references = nodeReferences(value);
    for (const reference of references) {
      this.tally.referencesChecked += 1;
      const item = universe.get(reference.id);
      if (!item) {
        this.violations.push(
          `${this.label} ${where}: ${reference.__typename} ${reference.id} is no row of the database`,
        );
      } else if (item.type !== reference.__typename) {
        this.violations.push(`${this.label} ${where}: ${reference.id} answered as ${reference.__typename}`);
      } else if (!mayReach(this.caller.viewer, item)) {
        this.violations.push(
          `${this.label} ${where}: LEAK, reached ${item.type} ${item.globalId} of ${ownerNames(item)}`,
        );
      }
    }
    return references.length;
  }

  /**
   * Checks the nodes one field answered. A connection is followed page by page, and its totalCount
   * must be the number of nodes it lists: a count of rows the viewer cannot see leaks too.
   */
  private async judgeField(path: AccessPath, parent: Item | null, value: unknown) {
    const where = `${path.owner}.${path.label}${parent ? ` of ${parent.type} ${parent.globalId}` : ''}`;
    let page = value as Connection | null | undefined;
    let listed = this.judgeReferences(where, page);
    const totalCount = page?.totalCount;
    while (path.connection && page?.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      const call = fieldCall(path, page.pageInfo.endCursor);
      const next = parent
        ? await this.ask(
            `query ($id: ID!) { node(id: $id) { ... on ${path.owner} { p: ${call} } } }`,
            { id: parent.globalId },
            where,
          )
        : await this.ask(`{ p: ${call} }`, {}, where);
      this.judgeErrors(where, next);
      page = (parent ? (next.data?.node as { p?: Connection } | null)?.p : next.data?.p) as Connection | undefined;
      listed += this.judgeReferences(where, page);
    }
    if (path.connection && totalCount !== undefined && totalCount !== listed) {
      this.violations.push(`${this.label} ${where}: totalCount ${totalCount}, but ${listed} nodes listed`);
    }
  }

  /** Refusals are allowed (FORBIDDEN, and they must not quote foreign data); any other error is not. */
  private judgeErrors(where: string, response: Response) {
    for (const error of response.errors ?? []) {
      if (error.extensions?.code !== 'FORBIDDEN') {
        this.violations.push(`${this.label} ${where}: unexpected error ${JSON.stringify(error)}`);
      }
    }
  }

  /** Every path on Query, one request each (a refused non-null field takes its siblings down). */
  async queryPaths(paths: AccessPath[]) {
    for (const path of paths) {
      const where = `Query.${path.label}`;
      const response = await this.ask(`{ p: ${fieldCall(path)} }`, {}, where);
      this.judgeErrors(where, response);
      this.record(path);
      await this.judgeField(path, null, response.data?.p);
    }
  }

  private record(path: AccessPath) {
    this.tally.pathsWalked.add(`${path.owner}.${path.label}`);
  }

  /**
   * Every path of one Node type over the visible items of that type, through `nodes`: the plain
   * fields together, each connection alone; a group with errors is asked again path by path.
   */
  async typePaths(type: string, paths: AccessPath[], items: Item[]) {
    const groups = [paths.filter((p) => !p.connection), ...paths.filter((p) => p.connection).map((p) => [p])].filter(
      (group) => group.length > 0,
    );
    for (const batch of chunks(items, NODES_BATCH)) {
      for (const group of groups) await this.walkGroup(type, group, batch);
    }
  }

  private async walkGroup(type: string, group: AccessPath[], batch: Item[]) {
    const selections = group.map((path, i) => `p${i}: ${fieldCall(path)}`).join(' ');
    const where = `${type}.{${group.map((p) => p.label).join(', ')}}`;
    const response = await this.ask(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ${type} { ${selections} } } }`,
      { ids: batch.map((item) => item.globalId) },
      where,
    );
    if (response.errors && group.length > 1) {
      for (const path of group) await this.walkGroup(type, [path], batch);
      return;
    }
    this.judgeErrors(where, response);
    const answers = (response.data?.nodes ?? []) as (Record<string, unknown> | null)[];
    for (const [i, path] of group.entries()) {
      this.record(path);
      for (const [index, parent] of batch.entries()) {
        const answer = answers[index];
        if (answer && answer.id !== undefined && answer.id !== parent.globalId) {
          this.violations.push(`${this.label} ${where}: nodes answered ${String(answer.id)} for ${parent.globalId}`);
        }
        if (answer) await this.judgeField(path, parent, answer[`p${i}`]);
      }
    }
  }
}

describe('tenant isolation matrix, generated from the schema', () => {
  it(`covers every Node type (${matrix.nodeTypes.length}) and every field reaching nodes (${matrix.paths.length} access paths)`, () => {
    expect(matrix.problems, 'fields the matrix cannot drive').toEqual([]);
    const unjudged = matrix.nodeTypes.filter((type) => !ORACLE[type]);
    expect(unjudged, 'Node types with no rule in tenant-matrix-oracle.ts').toEqual([]);
    const stale = Object.keys(ORACLE).filter((type) => !NODE_TYPES.has(type));
    expect(stale, 'oracle rules for types that are no longer Nodes').toEqual([]);
    for (const type of matrix.nodeTypes) {
      expect(universe.size > 0 && [...universe.values()].some((item) => item.type === type), `rows of ${type}`).toBe(
        true,
      );
    }
  });

  it("gives every customer viewer other customers' rows of every owned Node type, and some customer viewer rows of each type", () => {
    const owned = matrix.nodeTypes.filter((type) =>
      [...universe.values()].some((i) => i.type === type && i.owners.length),
    );
    for (const { viewer } of callers.values()) {
      if (isStaffViewer(viewer)) continue;
      for (const type of owned) {
        const foreign = [...universe.values()].filter(
          (item) => item.type === type && item.owners.length > 0 && !item.owners.includes(viewer.customerId!),
        );
        expect(foreign.length, `${viewer.label}: foreign ${type} ids`).toBeGreaterThan(0);
      }
    }
    // Each type is visible to some customer viewer, so the matrix tests seeing as well as not seeing.
    // Types no customer may ever see (STAFF_ONLY_TYPES) are seen by some staff viewer instead.
    const customerViewers = [...callers.values()].filter(({ viewer }) => !isStaffViewer(viewer));
    const staffViewers = [...callers.values()].filter(({ viewer }) => isStaffViewer(viewer));
    for (const type of matrix.nodeTypes) {
      const staffOnly = STAFF_ONLY_TYPES.has(type);
      const seen = [...universe.values()].some(
        (item) =>
          item.type === type &&
          (staffOnly ? staffViewers : customerViewers).some(({ viewer }) => item.visibleTo(viewer)),
      );
      expect(seen, `${type} visible to some ${staffOnly ? 'staff' : 'customer'} viewer`).toBe(true);
    }
  });

  it.each(VIEWERS.map((v) => v.label))(
    `%s: node, nodes and every access path show only what the viewer may see (every id of every Node type)`,
    async (label) => {
      const caller = callers.get(label)!;
      const run = new ViewerRun(caller);
      const items = [...universe.values()];
      const answered = await run.nodes(items);
      await run.node(items);
      await run.queryPaths(matrix.paths.filter((p) => p.owner === 'Query'));
      for (const type of matrix.nodeTypes) {
        const visible = items.filter((item) => item.type === type && answered.has(item.globalId));
        const paths = matrix.paths.filter((p) => p.owner === type);
        if (visible.length > 0 && paths.length > 0) await run.typePaths(type, paths, visible);
      }
      tallies.set(label, run.tally);
      expect(run.violations.slice(0, 40), `${run.violations.length} violations (the first 40 shown)`).toEqual([]);
      // The walk reached something: an empty run would pass vacuously.
      expect(run.tally.referencesChecked).toBeGreaterThan(0);
    },
    300_000,
  );

  it(`${VIEWERS.length} viewers × ${matrix.nodeTypes.length} Node types × ${matrix.paths.length + 2} access paths (node, nodes, ${matrix.paths.length} fields): every id looked up by every viewer, every path walked`, () => {
    const lookups = [...tallies.values()].reduce((sum, t) => sum + t.nodeLookups + t.nodesLookups, 0);
    expect(lookups, 'node and nodes lookups').toBe(VIEWERS.length * universe.size * 2);
    const walked = new Set([...tallies.values()].flatMap((t) => [...t.pathsWalked]));
    const unwalked = matrix.paths.map((p) => `${p.owner}.${p.label}`).filter((name) => !walked.has(name));
    expect(unwalked, 'access paths no viewer walked').toEqual([]);
  });
});
