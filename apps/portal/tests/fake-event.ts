// A RequestEvent good enough for load functions and actions, with the API answered by a table of
// canned responses per GraphQL operation name. Records the variables each operation was sent.
import { isHttpError, type Cookies } from '@sveltejs/kit';
import type { Viewer } from '$lib/api-types';

export type Answer =
  { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | Response;

export interface ApiCall {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Headers;
}

export const CUSTOMER_USER: Viewer = {
  id: 'VXNlcjox',
  name: 'Nguyễn Văn An',
  email: 'user@hanoi-water.example',
  role: 'CUSTOMER_USER',
  locale: 'VI',
  unreadStaffAlertCount: null,
  customer: {
    id: 'Q3VzdG9tZXI6MQ==',
    code: 'HANOI-WATER',
    name: 'Nước sạch Hà Nội',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'VI',
    unacknowledgedNoticeCount: 1,
  },
};

export const CUSTOMER_ADMIN: Viewer = { ...CUSTOMER_USER, id: 'VXNlcjoy', role: 'CUSTOMER_ADMIN' };

export const ENGINEER: Viewer = {
  id: 'VXNlcjo5',
  name: 'Trần Đức Huy',
  email: 'engineer@vendor.example',
  role: 'ENGINEER',
  locale: 'VI',
  unreadStaffAlertCount: 0,
  customer: null,
};

export const VENDOR_ADMIN: Viewer = { ...ENGINEER, id: 'VXNlcjox', email: 'admin@vendor.example', role: 'ADMIN' };

/** The HTTP status a load or action threw (error() or redirect()'s kin), or null when it returned. */
export async function statusOf(run: () => unknown): Promise<number | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (isHttpError(error)) return error.status;
    throw error;
  }
}

function fakeCookies(values: Record<string, string>): Cookies {
  return {
    get: (name: string) => values[name],
    getAll: () => Object.entries(values).map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => {
      values[name] = value;
    },
    delete: (name: string) => {
      delete values[name];
    },
    serialize: () => '',
  } as Cookies;
}

export function fakeEvent(options: {
  url: string;
  answers: Record<string, Answer | ((variables: Record<string, unknown>) => Answer)>;
  viewer?: Viewer | null;
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
}) {
  const calls: ApiCall[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    calls.push({ operationName: body.operationName, variables, headers: new Headers(init?.headers) });
    const answer = options.answers[body.operationName];
    if (!answer) throw new Error(`no canned answer for ${body.operationName}`);
    const result = typeof answer === 'function' ? answer(variables) : answer;
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
  };

  const url = new URL(options.url, 'http://localhost:3000');
  let request = new Request(url);
  if (options.form) {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    }
    request = new Request(url, { method: 'POST', body: form });
  }

  const viewer = options.viewer === undefined ? CUSTOMER_USER : options.viewer;
  const event = {
    url,
    params: options.params ?? {},
    request,
    fetch,
    cookies: fakeCookies({ ud_session: 'session-token' }),
    getClientAddress: () => '203.0.113.7',
    locals: { viewer, locale: 'VI' },
    setHeaders: () => {},
    parent: async () => ({}),
    depends: () => {},
    untrack: <T>(fn: () => T) => fn(),
    route: { id: null },
    isDataRequest: false,
    isSubRequest: false,
    platform: undefined,
  };
  // The load functions and actions read only the fields above; `never` lets the fake stand in for
  // any route's generated event type.
  return { event: event as never, fields: event, calls };
}

export function connection<T>(nodes: T[], hasNextPage = false) {
  return {
    totalCount: nodes.length,
    pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
    edges: nodes.map((node) => ({ node })),
  };
}
