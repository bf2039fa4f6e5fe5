import { describe, expect, it } from 'vitest';
import {
  clientNetwork,
  literalHostAddress,
  nonPublicRange,
  parseAddressRanges,
  parseIpAddress,
} from './address-ranges.ts';

const address = (text: string) => {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};

describe('parseIpAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseIpAddress(text)?.toString()).toBe(expected);
  });

  it.each(['', 'unknown', 'proxy.internal', '10.1', '0x7f.1', '300.1.1.1', '1.2.3.4.5', '_hidden'])(
    'refuses %j',
    (text) => {
      expect(parseIpAddress(text)).toBeNull();
    },
  );
});

describe('parseAddressRanges', () => {
  const ranges = parseAddressRanges('10.0.0.0/8, 192.168.1.7, fd00::/8, ::ffff:172.16.0.0/108');

  it.each([
    ['10.255.0.1', true],
    ['11.0.0.1', false],
    ['192.168.1.7', true],
    ['192.168.1.8', false],
    ['::ffff:10.1.2.3', true],
    ['fd12:3456::1', true],
    ['fe80::1', false],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
  ])('%s in the list: %s', (text, expected) => {
    expect(ranges.includes(address(text))).toBe(expected);
  });

  it('keeps the entries as given, and returns a parsed list unchanged', () => {
    expect(parseAddressRanges(['127.0.0.1', ' ::1 ', '']).entries).toEqual(['127.0.0.1', '::1']);
    expect(parseAddressRanges(ranges)).toBe(ranges);
  });

  it('names a bad entry', () => {
    expect(() => parseAddressRanges('10.0.0.0/8, localhost')).toThrow('"localhost" is not an IP address');
    expect(() => parseAddressRanges('10.0.0.0/40')).toThrow('"10.0.0.0/40" is not an address range (CIDR)');
  });
});

describe('clientNetwork', () => {
  it('is the whole IPv4 address, and the /64 of an IPv6 one', () => {
    expect(clientNetwork(address('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientNetwork(address('2001:db8:1:2:aaaa::1'))).toBe('2001:db8:1:2::/64');
    expect(clientNetwork(address('2001:db8:1:2:bbbb::9'))).toBe('2001:db8:1:2::/64');
  });
});

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['2002:7f00:1::', '6to4'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['::7f00:1', 'reserved'],
  ])('%s is %s', (text, range) => {
    expect(nonPublicRange(address(text))).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (text) => {
    expect(nonPublicRange(address(text))).toBeNull();
  });
});

describe('literalHostAddress', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['[::1]', '::1'],
    ['[::ffff:7f00:1]', '127.0.0.1'],
    ['hooks.example.com', null],
    ['localhost', null],
  ])('reads the URL host %s as %s', (host, expected) => {
    expect(literalHostAddress(host)?.toString() ?? null).toBe(expected);
  });
});
