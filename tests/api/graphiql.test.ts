// GraphiQL: the API's page is self-contained (nothing from another host), and the everyday operations
// offered in the staff's GraphiQL stay valid against the committed schema and run as an admin.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../apps/api/src/print-schema.ts';
import { EVERYDAY_OPERATIONS, everydayDocument } from '@upgrade-desk/graphiql';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const committedSchema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

function operationsOf(document: string): OperationDefinitionNode[] {
  return parse(document).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

describe('the everyday operations', () => {
  it("are offered together as GraphiQL's default document, in order, valid as a whole", () => {
    const document = everydayDocument();
    expect(operationsOf(document).map((definition) => definition.name?.value)).toEqual(
      EVERYDAY_OPERATIONS.map((operation) => operation.name),
    );
    expect(validate(committedSchema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it.each(EVERYDAY_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    '%s is one operation of that name, valid against apps/api/schema.graphql',
    (name, operation) => {
      expect(operationsOf(operation.document).map((definition) => definition.name?.value)).toEqual([name]);
      expect(validate(committedSchema, parse(operation.document)).map((error) => error.message)).toEqual([]);
    },
  );

  it('each runs as an admin without errors (placeholders filled with seeded IDs)', async () => {
    const token = await api.login(ACCOUNTS.admin);
    const catalog = await api.gql<{ modules: { edges: { node: { id: string; key: string } }[] } }>(
      'query { modules(first: 50) { edges { node { id key } } } }',
      {},
      { token },
    );
    const accounting = catalog.data?.modules.edges.find((edge) => edge.node.key === 'accounting')?.node.id;
    expect(accounting).toBeTruthy();
    const ids = await api.gql<{
      customers: { edges: { node: { id: string } }[] };
      impl: { edges: { node: { id: string } }[] };
      care: { edges: { node: { id: string } }[] };
    }>(
      `query {
        customers(first: 1, search: "HANOI-WATER") { edges { node { id } } }
        impl: staffMembers(first: 1, role: IMPLEMENTATION) { edges { node { id } } }
        care: staffMembers(first: 1, role: CUSTOMER_CARE) { edges { node { id } } }
      }`,
      {},
      { token },
    );
    // The placeholders the collection uses (in variables' defaults): IDs, which differ per database,
    // and what a new customer or person is called, unique per run so a rerun meets no CONFLICT.
    const unique = randomUUID().slice(0, 8).toUpperCase();
    const placeholders: Record<string, string | undefined> = {
      '<module id>': accounting,
      '<customer id>': ids.data?.customers.edges[0]?.node.id,
      '<implementation staff id>': ids.data?.impl.edges[0]?.node.id,
      '<customer care staff id>': ids.data?.care.edges[0]?.node.id,
      '<CUSTOMER-CODE>': `GRAPHIQL-${unique}`,
      '<customer name>': `GraphiQL ${unique}`,
      '<email>': `graphiql-${unique.toLowerCase()}@hanoi-water.example`,
      '<full name>': `GraphiQL ${unique}`,
    };
    for (const [placeholder, value] of Object.entries(placeholders)) expect(value, placeholder).toBeTruthy();
    const fill = (document: string) =>
      document.replace(/"(<[^">]+>)"/g, (text, placeholder: string) =>
        placeholder in placeholders ? JSON.stringify(placeholders[placeholder]) : text,
      );

    for (const operation of EVERYDAY_OPERATIONS) {
      // With no variables: the defaults in the document are what a click on Run sends.
      const result = await api.gql(fill(operation.document), undefined, { token });
      expect(result.errors, operation.name).toBeUndefined();
      const [field] = Object.values(result.data ?? {}) as Record<string, unknown>[];
      expect(field, operation.name).toBeTruthy();
      if (field && 'userErrors' in field) expect(field.userErrors, operation.name).toEqual([]);
    }

    const scheduled = await api.gql<{ upgrades: { edges: { node: { title: string; status: string } }[] } }>(
      'query { upgrades(first: 100, filter: { statuses: [SCHEDULED] }) { edges { node { title status } } } }',
      {},
      { token },
    );
    const example = EVERYDAY_OPERATIONS.find((operation) => operation.name === 'UpgradeSchedule')?.document ?? '';
    const title = /title: "([^"]+)"/.exec(example)?.[1];
    expect(title).toBeTruthy();
    expect(scheduled.data?.upgrades.edges.map((edge) => edge.node.title)).toContain(title);
  });
});

describe("the API's GraphiQL page", () => {
  it('is served whole from our dependencies: no script, style or font from another host', async () => {
    const response = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).toContain('<title>Upgrade Desk API</title>');
    expect(html).not.toMatch(/<(script|link)\b[^>]*\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|fonts\.googleapis\.com/);
  });
});
