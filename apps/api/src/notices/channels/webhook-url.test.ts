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

describe('checkWebhookUrl: hosts that are non-public addresses in any spelling', () => {
  const loopbackSpellings = [
    'http://2130706433/hook',
    'https://2130706433/hook',
    'http://0177.0.0.1/hook',
    'http://0x7f.0.0.1/hook',
    'http://0x7f000001/hook',
    'http://017700000001/hook',
    'http://127.1/hook',
    'http://127.0.0.2/hook',
    'http://127.0.0.1./hook',
    'http://%31%32%37.0.0.1/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:7f00:1]/hook',
    'http://[0:0:0:0:0:0:0:1]/hook',
    'https://localhost./hook',
    'https://api.localhost/hook',
    'https://LOCALHOST.localhost/hook',
  ];
  it.each(loopbackSpellings)('refuses %s as LOOPBACK, even where the loopback is allowed', (url) => {
    expect(checkWebhookUrl(url, dev)).toEqual({ ok: false, problem: 'LOOPBACK' });
    expect(checkWebhookUrl(url, production)).toEqual({ ok: false, problem: 'LOOPBACK' });
  });

  it.each([
    'https://10.0.0.1/hook',
    'https://167772161/hook',
    'https://012.0.0.1/hook',
    'https://172.16.5.4/hook',
    'https://192.168.1.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hook',
    'https://224.0.0.1/hook',
    'https://0.0.0.0/hook',
    'https://0/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://[ff02::1]/hook',
    'https://[::]/hook',
    'https://[::ffff:10.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/hook',
    'https://[64:ff9b::a00:1]/hook',
    'https://[2002:a00:1::]/hook',
  ])('refuses %s as ADDRESS_NOT_ALLOWED', (url) => {
    expect(checkWebhookUrl(url, dev)).toEqual({ ok: false, problem: 'ADDRESS_NOT_ALLOWED' });
    expect(checkWebhookUrl(url, production)).toEqual({ ok: false, problem: 'ADDRESS_NOT_ALLOWED' });
  });

  it('accepts public addresses and names', () => {
    for (const url of [
      'https://93.184.216.34/hook',
      'https://[2606:4700::1111]/hook',
      'https://hooks.localhost.example/x',
    ]) {
      expect(checkWebhookUrl(url, production).ok, url).toBe(true);
    }
  });
});
