// The tenant matrix's contact rule: through every field that leads to a user (found in the schema, so
// a new one fails here until it is covered), a customer's users see vendor staff as contacts (name
// and the role's title in their language) and are refused their login email and role; they see
// their own customer's users in full. Vendor staff see everyone in full.
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../apps/api/src/schema/index.ts';
import { roleTitle } from '@upgrade-desk/domain';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';
import { seesAccountOf, type MatrixViewer } from './tenant-matrix-oracle.ts';

/**
 * Every field leading to a user, with a query reaching it for every row the viewer sees, `USER`
 * standing for the user's selection. Payloads (the caller's own user after logging in or changing
 * preferences), `Query.viewer` and connection edges (filtered by the matrix's visibility rule) aside.
 */
const PATHS: Record<string, string> = {
  'ModuleRequest.assignee':
    '{ viewer { customer { moduleRequests(first: 100) { PAGE edges { node { assignee USER } } } } } }',
  'ModuleRequest.createdBy':
    '{ viewer { customer { moduleRequests(first: 100) { PAGE edges { node { createdBy USER } } } } } }',
  'ModuleRequestEvent.by':
    '{ viewer { customer { moduleRequests(first: 100) { PAGE edges { node { history { by USER } timeline { by USER } } } } } } }',
  'ModuleRequestEvent.assignee':
    '{ viewer { customer { moduleRequests(first: 100) { PAGE edges { node { timeline { assignee USER } } } } } } }',
  'Activity.actor': '{ viewer { customer { activities(first: 100) { PAGE edges { node { actor USER } } } } } }',
  'AccountTeamMember.user': '{ viewer { customer { accountTeam { user USER } } } }',
  'Notice.acknowledgedBy':
    '{ viewer { customer { notices(first: 100) { PAGE edges { node { acknowledgedBy USER } } } } } }',
};

/**
 * Fields leading to a user on records only vendor staff may read: customers are refused the record
 * itself (so no contact, email or role reaches them), staff see the user in full.
 */
const STAFF_ONLY_PATHS: Record<string, { refused: string; query: string }> = {
  'NoticeCall.caller': {
    refused: 'calls',
    query: '{ viewer { customer { notices(first: 100) { edges { node { calls { caller USER } } } } } } }',
  },
};

/** Staff see every customer's rows: the same paths, from one customer reached by id. */
const asStaff = (query: string) =>
  query.replace('{ viewer { customer {', 'query ($id: ID!) { node(id: $id) { ... on Customer {');

const PAGE = 'pageInfo { hasNextPage }';
const CONTACT = '{ id name roleTitle }';
const ACCOUNT = '{ id email role }';

function userFieldsInSchema(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (['Query', 'Mutation', 'Subscription'].includes(type.name) || /(Payload|Edge)$/.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name === 'User') found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

/** Every object answered for a user selection (recognised by its `id` and the fields asked), by path. */
function usersByPath(value: unknown, key: string, path: (string | number)[] = [], out = new Map<string, unknown>()) {
  if (Array.isArray(value)) value.forEach((entry, i) => usersByPath(entry, key, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (key in record && 'id' in record) out.set(path.join('.'), record);
    else for (const [name, entry] of Object.entries(record)) usersByPath(entry, key, [...path, name], out);
  }
  return out;
}

let api: TestApi;
let hanoiId: string;
const users = new Map<string, { id: string; email: string; role: string; name: string; customerId: string | null }>();

beforeAll(async () => {
  api = await startTestApi();
  const hanoi = await api.db.prisma.customer.findUniqueOrThrow({ where: { code: 'HANOI-WATER' } });
  hanoiId = Buffer.from(`Customer:${hanoi.id}`).toString('base64');
  for (const u of await api.db.prisma.user.findMany()) users.set(Buffer.from(`User:${u.id}`).toString('base64'), u);
});
afterAll(() => api.close());

describe('tenant matrix: customers see vendor staff as contacts', () => {
  it('covers every field of the schema that leads to a user', () => {
    expect(userFieldsInSchema()).toEqual([...Object.keys(PATHS), ...Object.keys(STAFF_ONLY_PATHS)].sort());
  });

  const viewers = Object.entries(ACCOUNTS).filter(([label]) =>
    ['hanoiAdmin', 'hanoiUser', 'saigonUser', 'admin', 'care'].includes(label),
  );

  it.each(viewers)('%s', async (_label, email) => {
    const token = await api.login(email);
    const me = await api.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const viewer: MatrixViewer = { label: email, role: me.role, userId: me.id, customerId: me.customerId };
    let staffSeen = 0;
    for (const [field, template] of Object.entries(PATHS)) {
      const query = (me.customerId ? template : asStaff(template)).replaceAll('PAGE', PAGE);
      const contacts = await api.gql(query.replaceAll('USER', CONTACT), { id: hanoiId }, { token });
      expect(contacts.errors, `${field}: ${JSON.stringify(contacts.errors)}`).toBeUndefined();
      expect(JSON.stringify(contacts.data)).not.toContain('"hasNextPage":true');
      const accounts = await api.gql(query.replaceAll('USER', ACCOUNT), { id: hanoiId }, { token });
      const refused = new Set(
        (accounts.errors ?? []).map((error) => {
          expect(error, `${field}: ${JSON.stringify(error)}`).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
          const path = (error as { path?: (string | number)[] }).path ?? [];
          expect(['email', 'role']).toContain(path.at(-1));
          return path.slice(0, -1).join('.');
        }),
      );
      const answered = usersByPath(accounts.data, 'email');
      const reached = usersByPath(contacts.data, 'roleTitle');
      expect(reached.size, `${field} reaches no user for ${email}`).toBeGreaterThan(0);
      for (const [path, value] of reached) {
        const contact = value as { id: string; name: string; roleTitle: string };
        const user = users.get(contact.id)!;
        expect(contact).toEqual({
          id: contact.id,
          name: user.name,
          roleTitle: roleTitle(user.role as never, me.locale),
        });
        if (seesAccountOf(viewer, user)) {
          expect(answered.get(path), `${field} ${path}`).toEqual({
            id: contact.id,
            email: user.email,
            role: user.role,
          });
        } else {
          staffSeen += 1;
          expect(user.customerId, `${field} ${path}: only vendor staff are contacts`).toBeNull();
          expect(refused.has(path), `${field} ${path}: email and role must be refused`).toBe(true);
          expect(answered.has(path), `${field} ${path}`).toBe(false);
          expect(JSON.stringify(accounts)).not.toContain(user.email);
        }
      }
    }
    // Customers do meet vendor staff on their records; staff see everyone in full.
    if (me.customerId) expect(staffSeen).toBeGreaterThan(0);
    else expect(staffSeen).toBe(0);
  });
});

describe('tenant matrix: users on staff-only records', () => {
  beforeAll(async () => {
    // A call the customer-care member made about one of Hanoi Water's notices.
    const care = await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'care@vendor.example' } });
    const notice = await api.db.prisma.notice.findFirstOrThrow({ where: { customer: { code: 'HANOI-WATER' } } });
    await api.db.prisma.noticeCall.create({
      data: {
        noticeId: notice.id,
        customerId: notice.customerId,
        callerId: care.id,
        note: 'Called the chief accountant.',
      },
    });
  });

  it.each(Object.entries(STAFF_ONLY_PATHS))(
    '%s: customers are refused the record, staff see the user in full',
    async (field, path) => {
      for (const email of [ACCOUNTS.hanoiAdmin, ACCOUNTS.hanoiUser]) {
        const token = await api.login(email);
        const result = await api.gql(path.query.replaceAll('USER', ACCOUNT), {}, { token });
        const refused = (result.errors ?? []) as { path?: (string | number)[]; extensions?: { code?: string } }[];
        expect(refused.length, `${field} for ${email}`).toBeGreaterThan(0);
        for (const error of refused) {
          expect(error.extensions?.code).toBe('FORBIDDEN');
          expect(error.path?.at(-1)).toBe(path.refused);
        }
        expect(JSON.stringify(result.data)).not.toContain('@vendor.example');
      }
      for (const email of [ACCOUNTS.admin, ACCOUNTS.care]) {
        const token = await api.login(email);
        const result = await api.gql(asStaff(path.query).replaceAll('USER', ACCOUNT), { id: hanoiId }, { token });
        expect(result.errors, `${field} for ${email}`).toBeUndefined();
        const reached = [...usersByPath(result.data, 'email').values()] as {
          id: string;
          email: string;
          role: string;
        }[];
        expect(reached.length, `${field} reaches no user for ${email}`).toBeGreaterThan(0);
        for (const user of reached)
          expect(user).toEqual({ id: user.id, email: users.get(user.id)!.email, role: users.get(user.id)!.role });
      }
    },
  );
});
