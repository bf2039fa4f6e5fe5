// Which URLs a customer may register as a webhook endpoint. The API's server POSTs to them, so
// they are checked as carefully as the input of any request the server makes on a customer's say-so.
// This is the first of two checks: a host written as an address is judged here, when the endpoint is
// created or changed; a DNS name is resolved and every address it gives is judged again at each
// delivery, and the connection is pinned to the address checked (./webhook-transport.ts).
import { literalHostAddress, nonPublicRange } from '../../net/address-ranges.ts';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

export type WebhookUrlProblem =
  'TOO_LONG' | 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_CREDENTIALS' | 'LOOPBACK' | 'ADDRESS_NOT_ALLOWED';

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; problem: WebhookUrlProblem };

/** The loopback hosts a developer's receiver may have, written the one plain way each. */
const PLAIN_LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `localhost` and every name under it are the loopback by definition, whatever a resolver says. */
function isLoopbackName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The host as typed (before the URL parser rewrote `0x7f.1` into `127.0.0.1`), lowercased. */
function typedHost(text: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:[/\\]{2}([^/\\?#]*)/i.exec(text)?.[1] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const end = host.startsWith('[') ? host.indexOf(']') + 1 : host.lastIndexOf(':');
  return (end > 0 ? host.slice(0, end) : host).toLowerCase();
}

/**
 * `https://` URLs to a public host only. A host written as a loopback, private, link-local, CGNAT,
 * multicast, unique-local or otherwise non-public address is refused in any spelling the URL parser
 * accepts (decimal `2130706433`, octal `0177.0.0.1`, hex, short `127.1`, `[::1]`, `[::ffff:127.0.0.1]`);
 * so are `localhost` and `*.localhost`. With `allowLoopback` (WEBHOOK_ALLOW_LOOPBACK_HTTP: `pnpm start`'s
 * demo mode and tests, where a receiver runs on the same machine) `localhost`, `127.0.0.1` and
 * `[::1]`, written exactly so, are allowed, over http too; any other spelling of the loopback still
 * is not, as no developer types those. Credentials in the URL are refused (they would show in the
 * delivery log; the signature is the receiver's proof of origin). The URL is returned normalised (as
 * the WHATWG URL parser writes it).
 */
export function checkWebhookUrl(input: string, options: { allowLoopback: boolean }): WebhookUrlCheck {
  const text = input.trim();
  if (text.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, problem: 'TOO_LONG' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'NOT_A_URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'NOT_HTTPS' };
  if (!url.hostname) return { ok: false, problem: 'NOT_A_URL' };
  if (url.username || url.password) return { ok: false, problem: 'HAS_CREDENTIALS' };
  const address = literalHostAddress(url.hostname);
  const range = address ? nonPublicRange(address) : null;
  const loopback = range === 'loopback' || isLoopbackName(url.hostname);
  if (loopback) {
    const plain = PLAIN_LOOPBACK_HOSTS.has(url.hostname) && typedHost(text) === url.hostname;
    if (!options.allowLoopback || !plain) return { ok: false, problem: 'LOOPBACK' };
  } else {
    if (url.protocol === 'http:') return { ok: false, problem: 'NOT_HTTPS' };
    if (range !== null) return { ok: false, problem: 'ADDRESS_NOT_ALLOWED' };
  }
  url.hash = '';
  const normalised = url.href;
  if (normalised.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, problem: 'TOO_LONG' };
  return { ok: true, url: normalised };
}

export const WEBHOOK_URL_PROBLEM_MESSAGES: Readonly<Record<WebhookUrlProblem, string>> = {
  TOO_LONG: `The URL is longer than ${WEBHOOK_URL_MAX_LENGTH} characters.`,
  NOT_A_URL: 'This is not an absolute URL (it should look like https://example.com/hooks/upgrade-desk).',
  NOT_HTTPS: 'The URL must start with https:// (plain http:// is allowed only for localhost during development).',
  HAS_CREDENTIALS: 'The URL must not contain a user name or password; verify the signature header instead.',
  LOOPBACK: 'The URL must not point to localhost.',
  ADDRESS_NOT_ALLOWED:
    'The URL must not point to a private, loopback, link-local or otherwise non-public address; use a public host name.',
};
