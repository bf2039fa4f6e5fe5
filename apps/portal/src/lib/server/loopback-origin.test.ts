import { describe, expect, it } from 'vitest';
import { loopbackRedirect } from './loopback-origin';

describe('loopbackRedirect', () => {
  const local = new URL('http://localhost:3000/maintenance?view=calendar');

  it.each(['127.0.0.1:3000', '[::1]:3000'])('sends %s to ORIGIN, keeping the path and query', (host) => {
    expect(loopbackRedirect(local, host)).toBe('http://localhost:3000/maintenance?view=calendar');
  });

  it.each([
    ['the same host', 'localhost:3000'],
    ['no Host header', null],
    ['another port (another server)', '127.0.0.1:4000'],
    ['a name that is not the loopback', 'portal.example.vn'],
    ['a malformed Host header', 'a b:c'],
  ])('leaves %s alone', (_case, host) => {
    expect(loopbackRedirect(local, host)).toBeNull();
  });

  it('never redirects a public origin, whatever the Host header (a proxy may name its upstream)', () => {
    expect(loopbackRedirect(new URL('https://portal.example.vn/'), '127.0.0.1:3000')).toBeNull();
  });
});
