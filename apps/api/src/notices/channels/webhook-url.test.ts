import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url.ts';

const dev = { allowLoopback: true };
const production = { allowLoopback: false };

describe('checkWebhookUrl', () => {
  it.each([
    ['https://erp-bridge.mekong.example/hooks/upgrade-desk', 'https://erp-bridge.mekong.example/hooks/upgrade-desk'],
    ['  https://Hooks.Example.COM:8443/a?b=c#frag ', 'https://hooks.example.com:8443/a?b=c'],
    ['http://localhost:3000/hook', 'http://localhost:3000/hook'],
    ['http://127.0.0.1:4567/', 'http://127.0.0.1:4567/'],
  ])('accepts %s in development', (input, normalised) => {
    expect(checkWebhookUrl(input, dev)).toEqual({ ok: true, url: normalised });
  });

  it.each([
    ['http://hooks.example.com/x', 'NOT_HTTPS'],
    ['ftp://hooks.example.com/x', 'NOT_HTTPS'],
    ['javascript:alert(1)', 'NOT_HTTPS'],
    ['hooks.example.com/x', 'NOT_A_URL'],
    ['', 'NOT_A_URL'],
    ['https://user:secret@hooks.example.com/x', 'HAS_CREDENTIALS'],
    [`https://hooks.example.com/${'a'.repeat(2000)}`, 'TOO_LONG'],
    ['http://10.0.0.1/x', 'NOT_HTTPS'],
  ])('refuses %s', (input, problem) => {
    expect(checkWebhookUrl(input, dev)).toEqual({ ok: false, problem });
  });

  it('refuses loopback hosts in production, whatever the scheme', () => {
    for (const url of [
      'http://localhost:3000/hook',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'http://[::1]:80/',
    ]) {
      expect(checkWebhookUrl(url, production), url).toEqual({ ok: false, problem: 'LOOPBACK' });
    }
    expect(checkWebhookUrl('https://hooks.example.com/x', production).ok).toBe(true);
  });

  it('accepts exactly 2000 characters', () => {
    const base = 'https://hooks.example.com/';
    const url = base + 'a'.repeat(2000 - base.length);
    expect(checkWebhookUrl(url, dev)).toEqual({ ok: true, url });
  });
});
