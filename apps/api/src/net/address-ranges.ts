// IP addresses and CIDR ranges, parsed by ipaddr.js: one place for every check of "is this address
// in that list" (trusted proxies; private and loopback ranges for outgoing requests).
import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * An address as text, or null when it is not one. IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a
 * dual-stack socket reports an IPv4 peer) becomes plain IPv4, so one rule covers both spellings.
 * Accepts the forms proxies write into X-Forwarded-For: `[2001:db8::1]`, `[2001:db8::1]:443`,
 * `203.0.113.7:51234`; an IPv6 zone (`fe80::1%eth0`) is dropped.
 */
export function parseIpAddress(text: string): IpAddress | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  if (!ipaddr.isValid(value)) return null;
  // isValid accepts forms no proxy writes (`10.1`, octal); the four-part IPv4 and IPv6 forms only.
  if (!ipaddr.IPv6.isValid(value) && !ipaddr.IPv4.isValidFourPartDecimal(value)) return null;
  return ipaddr.process(value);
}

/** `a.b.c.d`, `a.b.c.d/n`, an IPv6 address or `x::/n`; throws with the entry in the message otherwise. */
function parseRange(entry: string): [IpAddress, number] {
  if (entry.includes('/')) {
    try {
      const [address, bits] = ipaddr.parseCIDR(entry);
      // A range written in IPv4-mapped form matches the plain IPv4 addresses parseIpAddress gives.
      if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
      }
      return [address, bits];
    } catch {
      throw new Error(`"${entry}" is not an address range (CIDR)`);
    }
  }
  const address = parseIpAddress(entry);
  if (!address) throw new Error(`"${entry}" is not an IP address`);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/** A list of addresses and CIDR ranges, e.g. `10.0.0.0/8, 192.168.1.7, fd00::/8`. */
export class AddressRanges {
  readonly #ranges: [IpAddress, number][];

  /** Throws, naming the entry, when one is neither an address nor a CIDR range. */
  constructor(
    /** The entries as given, for messages. */
    readonly entries: readonly string[],
  ) {
    this.#ranges = entries.map(parseRange);
  }

  includes(address: IpAddress): boolean {
    return this.#ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
  }
}

/**
 * Parses a comma-separated list (or an array) of addresses and CIDR ranges; throws on a bad entry.
 * A list already parsed is returned as it is.
 */
export function parseAddressRanges(list: string | readonly string[] | AddressRanges): AddressRanges {
  if (list instanceof AddressRanges) return list;
  return new AddressRanges((typeof list === 'string' ? list.split(',') : list).map((e) => e.trim()).filter(Boolean));
}

/**
 * The part of an address that one client controls: the whole IPv4 address, but the /64 of an IPv6
 * one, since a single subscriber or host is routinely given a whole /64 and can rotate inside it.
 * Per-client budgets (rate limits, login throttles) are keyed by this.
 */
export function clientNetwork(address: IpAddress): string {
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** clientNetwork() of an address given as text; text that is no address (`unknown`) is its own key. */
export function clientNetworkOf(text: string): string {
  const address = parseIpAddress(text);
  return address ? clientNetwork(address) : text;
}

/**
 * ipaddr.js' range names that embed or reach an IPv4 address by translation (NAT64, SIIT, 6to4,
 * Teredo): an outgoing request to one could end up at a private IPv4 address, so they are refused
 * like it. 6to4 (2002::/16) has no name of its own in ipaddr.js and is matched below.
 */
const SIX_TO_FOUR: [IpAddress, number] = ipaddr.parseCIDR('2002::/16');
/** The only IPv6 addresses in global use; outside it (e.g. the deprecated `::127.0.0.1`) nothing is public. */
const GLOBAL_UNICAST_V6: [IpAddress, number] = ipaddr.parseCIDR('2000::/3');

/**
 * Why the server must not open a connection to this address on someone else's say-so: the ipaddr.js
 * range it falls in (`loopback`, `private`, `linkLocal`, `carrierGradeNat`, `multicast`,
 * `uniqueLocal`, `unspecified`, `reserved`, ...), or null for a public unicast address. IPv4-mapped
 * IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */
export function nonPublicRange(address: IpAddress): string | null {
  const plain = ipaddr.process(address.toString());
  if (plain.kind() === 'ipv6' && plain.match(SIX_TO_FOUR)) return '6to4';
  const range = plain.range();
  if (range !== 'unicast') return range;
  return plain.kind() === 'ipv6' && !plain.match(GLOBAL_UNICAST_V6) ? 'reserved' : null;
}

/**
 * The address a URL's host names literally, or null for a DNS name. Takes the host as the WHATWG URL
 * parser leaves it (`new URL(...).hostname`), which has already turned every IPv4 spelling
 * (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) into four decimal parts and brackets IPv6.
 */
export function literalHostAddress(hostname: string): IpAddress | null {
  const host = hostname.replace(/\.$/, '');
  return parseIpAddress(host.startsWith('[') ? host : host.includes(':') ? `[${host}]` : host);
}
