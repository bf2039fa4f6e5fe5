// How a webhook POST leaves the process without reaching inside (server-side request forgery): the
// URL's host is resolved once, every address it resolves to is judged (loopback, private, link-local,
// CGNAT, multicast, unique-local, IPv4-mapped... all refused: ../../net/address-ranges.ts), and the
// connection is made to the address judged, never to the result of a second lookup (a name that
// answers a public address to the check and 127.0.0.1 to the connect gains nothing). Redirects are
// not followed (node:http never does); the answer's body is never read, so nothing a receiver (or a
// service it fronts) says can end up in the delivery log: a failure is a short generic reason.
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { literalHostAddress, nonPublicRange, parseIpAddress } from '../../net/address-ranges.ts';
import { checkWebhookUrl } from './webhook-url.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A host name's addresses; tests inject one, production asks the system resolver. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** What the delivery log shows of a failure: a status code or one of these, never what the receiver said. */
export const FAILURE_REASONS = {
  timeout: 'timeout',
  addressNotAllowed: 'address not allowed',
  urlNotAllowed: 'URL not allowed',
  nameNotResolved: 'name not resolved',
  connectionRefused: 'connection refused',
  tls: 'TLS error',
  connectionFailed: 'connection failed',
} as const;

/** A failed webhook POST; the message is what the delivery log shows (a status code or a FAILURE_REASONS value). */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
}

export interface PinnedPostOptions {
  timeoutMs: number;
  resolver: HostResolver;
  /** WEBHOOK_ALLOW_LOOPBACK_HTTP: a loopback receiver is allowed (development and tests). */
  allowLoopback: boolean;
}

/** An address the server may connect to on a customer's say-so. */
function isAllowedAddress(text: string, allowLoopback: boolean): boolean {
  const address = parseIpAddress(text);
  if (!address) return false;
  const range = nonPublicRange(address);
  return range === null || (range === 'loopback' && allowLoopback);
}

/** The addresses to connect to: the literal one, or every one the name resolves to, each judged. */
async function checkedAddresses(url: URL, options: PinnedPostOptions, signal: AbortSignal): Promise<ResolvedAddress> {
  const literal = literalHostAddress(url.hostname);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal.toString(), family: literal.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    const aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new WebhookDeliveryError(FAILURE_REASONS.timeout)), { once: true });
    });
    try {
      addresses = await Promise.race([options.resolver(url.hostname), aborted]);
    } catch (error) {
      if (error instanceof WebhookDeliveryError) throw error;
      throw new WebhookDeliveryError(FAILURE_REASONS.nameNotResolved);
    }
  }
  if (addresses.length === 0) throw new WebhookDeliveryError(FAILURE_REASONS.nameNotResolved);
  // Every address, not just the one used: a name with one public and one private address is refused.
  if (!addresses.every((a) => isAllowedAddress(a.address, options.allowLoopback))) {
    throw new WebhookDeliveryError(FAILURE_REASONS.addressNotAllowed);
  }
  return addresses[0]!;
}

/** A `lookup` for the socket that answers the checked address and asks no resolver. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function describeError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return FAILURE_REASONS.timeout;
  if (error instanceof WebhookDeliveryError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return FAILURE_REASONS.connectionRefused;
  if (typeof code === 'string' && /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) {
    return FAILURE_REASONS.tls;
  }
  return FAILURE_REASONS.connectionFailed;
}

/**
 * POSTs `body` to `url` connected to the address checked, and resolves with the answer's status (any,
 * a 3xx too: it is not followed). Rejects with a WebhookDeliveryError whose message is a FAILURE_REASONS
 * value. The URL is checked again here, as the configuration may have changed since it was stored.
 */
export async function postPinned(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: PinnedPostOptions,
): Promise<number> {
  const checked = checkWebhookUrl(target, { allowLoopback: options.allowLoopback });
  if (!checked.ok) {
    const addressProblem = checked.problem === 'LOOPBACK' || checked.problem === 'ADDRESS_NOT_ALLOWED';
    throw new WebhookDeliveryError(addressProblem ? FAILURE_REASONS.addressNotAllowed : FAILURE_REASONS.urlNotAllowed);
  }
  const url = new URL(checked.url);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const pinned = await checkedAddresses(url, options, signal);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return await new Promise<number>((resolve, reject) => {
      const request: ClientRequest = send(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: pinnedLookup(pinned),
          // One connection per delivery: a pooled socket could have been opened to another address.
          agent: false,
          signal,
        },
        (response: IncomingMessage) => {
          // Security: the body is never read (see the top of this file).
          response.destroy();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  } catch (error) {
    throw new WebhookDeliveryError(describeError(error, signal));
  }
}
