// Fuzzer category for server-side request forgery through webhooks: webhookEndpointCreate and
// webhookEndpointUpdate with URLs whose host reaches inside (the loopback, private, link-local,
// CGNAT, multicast, unique-local ranges) in every spelling the URL parser accepts: decimal, octal,
// hex, short forms, IPv6, IPv4-mapped IPv6, percent-encoding, trailing dots, `localhost` names,
// and redirect-shaped URLs that hide such a host behind credentials or odd separators. Every one
// must be refused with a user error on `input.url` (tests/api/webhook-ssrf.test.ts sends them all),
// in production and in demo mode alike: the plain `localhost`, `127.0.0.1` and `[::1]` that demo
// mode allows are not among them. Names that only resolve to such addresses, and real redirects,
// cannot be refused when the URL is stored: the delivery refuses them (apps/api/src/notices/channels/
// webhook-transport.ts and its tests, with an injected resolver). Kept apart from
// hostile-requests.ts, which spreads these into its own categories.
import { gql } from './hostile-builders.ts';
import type { Draw, FuzzContext, HostileRequest } from './hostile-requests.ts';

export const SSRF_CATEGORIES = ['ssrf-webhook-urls'] as const;
type SsrfCategory = (typeof SSRF_CATEGORIES)[number];

/** Hosts that are, or resolve by definition to, addresses a webhook must not reach. */
export const SSRF_HOSTS: readonly string[] = [
  // 127.0.0.1 spelled every way but the plain one.
  '2130706433',
  '0177.0.0.1',
  '0177.0000.0000.0001',
  '017700000001',
  '0x7f.0.0.1',
  '0x7f000001',
  '0x7F.0x00.0x00.0x01',
  '127.1',
  '127.0.1',
  '127.000.000.001',
  '127.0.0.1.',
  '127.255.255.254',
  '%31%32%37.0.0.1',
  '①②⑦.0.0.1',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[0:0:0:0:0:ffff:127.0.0.1]',
  '[0:0:0:0:0:0:0:1]',
  '[::0:1]',
  '[::127.0.0.1]',
  // localhost by name, not as demo mode allows it.
  'localhost.',
  'LOCALHOST.',
  'api.localhost',
  'evil.localhost.',
  // The unspecified address, which reaches the loopback on Linux.
  '0',
  '0.0.0.0',
  '[::]',
  // Private, link-local (cloud metadata), CGNAT, multicast, unique-local, and IPv4 behind IPv6.
  '10.0.0.1',
  '167772161',
  '012.0.0.1',
  '0xa.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '3232235777',
  '169.254.169.254',
  '0xa9fea9fe',
  '2852039166',
  '100.64.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '[fd00::1]',
  '[fe80::1]',
  '[ff02::1]',
  '[::ffff:10.0.0.1]',
  '[::ffff:a9fe:a9fe]',
  '[64:ff9b::a9fe:a9fe]',
  '[2002:7f00:1::]',
];

/** URL shapes around a host; some try to make a parser see a public host where the client connects to `host`. */
const SHAPES: readonly ((host: string) => string)[] = [
  (host) => `http://${host}/hook`,
  (host) => `https://${host}/hook`,
  (host) => `https://${host}:8443/hook?x=1`,
  (host) => `http://${host}:80/latest/meta-data/`,
  (host) => `https://${host}/redirect?to=https://hooks.partner.example/`,
  (host) => `https://hooks.partner.example@${host}/hook`,
  (host) => `https://${host}#@hooks.partner.example/`,
  (host) => `https:\\\\${host}\\hook`,
  (host) => `HTTPS://${host.toUpperCase()}/hook`,
  (host) => `  https://${host}/hook  `,
];

/** Every attack URL: each host in each shape. */
export const SSRF_URLS: readonly string[] = SSRF_HOSTS.flatMap((host) => SHAPES.map((shape) => shape(host)));

const CREATE =
  'mutation ($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { secret webhookEndpoint { id url } userErrors { code field } } }';
const UPDATE =
  'mutation ($input: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(input: $input) { webhookEndpoint { id url } userErrors { code field } } }';

/** The create or update of an endpoint with `url`, as a customer admin (the one role allowed to). */
export function ssrfRequest(
  url: string,
  mutation: 'create' | 'update',
  endpointId: string,
  token?: string,
): HostileRequest {
  const input = mutation === 'create' ? { url, description: 'ssrf' } : { id: endpointId, url };
  return gql(
    'ssrf-webhook-urls',
    `webhookEndpoint${mutation === 'create' ? 'Create' : 'Update'}, non-public host`,
    mutation === 'create' ? CREATE : UPDATE,
    { input },
    { token },
  );
}

/**
 * Whether an answer to ssrfRequest refused the URL: no endpoint in the payload and a user error on
 * `input.url`, or (without a customer admin's token) no data at all.
 */
export function refusedSsrf(answerBody: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer, read loosely
  let answer: any;
  try {
    answer = JSON.parse(answerBody);
  } catch {
    return false;
  }
  const payload = answer?.data?.webhookEndpointCreate ?? answer?.data?.webhookEndpointUpdate;
  if (!payload) return Array.isArray(answer?.errors) && answer.errors.length > 0;
  return (
    payload.webhookEndpoint == null &&
    Array.isArray(payload.userErrors) &&
    payload.userErrors.some((e: { field?: string[] }) => e.field?.join('.') === 'input.url')
  );
}

/** A well-formed WebhookEndpoint global ID: the URL is judged before the endpoint is looked up. */
const endpointId = (r: Draw) => Buffer.from(`WebhookEndpoint:${r.uuid()}`).toString('base64');

export const ssrfGenerators: Record<SsrfCategory, (r: Draw, ctx: FuzzContext) => HostileRequest> = {
  'ssrf-webhook-urls': (r, ctx) =>
    ssrfRequest(r.pick(SSRF_URLS), r.pick(['create', 'update'] as const), endpointId(r), ctx.tokens.customerAdmin),
};
