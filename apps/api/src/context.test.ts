import { describe, expect, it } from 'vitest';
import { clientIp } from './context.ts';

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
