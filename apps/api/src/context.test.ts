import { describe, expect, it } from 'vitest';
import { clientIp } from './context.ts';
import { parseAddressRanges } from './net/address-ranges.ts';

const request = (xff?: string) =>
  new Request('http://api.test/graphql', { headers: xff ? { 'x-forwarded-for': xff } : {} });
const trusted = ['127.0.0.1'];

describe('clientIp', () => {
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(
      clientIp(request('203.0.113.7, 127.0.0.1'), { req: { socket: { remoteAddress: '127.0.0.1' } } }, trusted),
    ).toBe('203.0.113.7');
    expect(clientIp(request('203.0.113.7'), { req: { socket: { remoteAddress: '198.51.100.2' } } }, trusted)).toBe(
      '198.51.100.2',
    );
    expect(clientIp(request(), { req: { socket: { remoteAddress: '198.51.100.2' } } }, trusted)).toBe('198.51.100.2');
  });
});

describe('clientIp behind proxies', () => {
  const peer = (remoteAddress: string) => ({ req: { socket: { remoteAddress } } });
  const proxies = parseAddressRanges('127.0.0.1, 10.0.0.0/8');

  it('reads X-Forwarded-For from the right, skipping trusted hops', () => {
    // What the client wrote comes first; each proxy appended what it saw.
    expect(clientIp(request('1.1.1.1, 203.0.113.7'), peer('127.0.0.1'), proxies)).toBe('203.0.113.7');
    expect(clientIp(request('1.1.1.1, 203.0.113.7, 10.2.3.4'), peer('10.9.9.9'), proxies)).toBe('203.0.113.7');
    expect(clientIp(request('1.1.1.1'), peer('::ffff:127.0.0.1'), proxies)).toBe('1.1.1.1');
  });

  it('gives each forged header the same address, so a client cannot mint new ones', () => {
    const seen = new Set(
      ['9.9.9.1', '9.9.9.2, 8.8.8.8', 'junk'].map((forged) =>
        clientIp(request(`${forged}, 203.0.113.7`), peer('127.0.0.1'), proxies),
      ),
    );
    expect([...seen]).toEqual(['203.0.113.7']);
  });

  it('stops at an entry that is not an address, keeping the nearest trusted hop', () => {
    expect(clientIp(request('203.0.113.7, junk, 10.2.3.4'), peer('127.0.0.1'), proxies)).toBe('10.2.3.4');
    expect(clientIp(request('junk'), peer('127.0.0.1'), proxies)).toBe('127.0.0.1');
  });

  it('takes the leftmost when every hop is a trusted proxy, and ignores the header from anyone else', () => {
    expect(clientIp(request('10.1.1.1, 10.2.2.2'), peer('127.0.0.1'), proxies)).toBe('10.1.1.1');
    expect(clientIp(request('203.0.113.7'), peer('::ffff:198.51.100.2'), proxies)).toBe('198.51.100.2');
  });
});
