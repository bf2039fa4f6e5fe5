import { describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from './config.ts';

describe('configWarnings', () => {
  it('says nothing of the defaults, or of a worker apart with Redis', () => {
    expect(configWarnings(loadConfig({}), 'api')).toEqual([]);
    const withRedis = loadConfig({ NOTICE_WORKER: 'off', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(configWarnings(withRedis, 'api')).toEqual([]);
    expect(configWarnings(withRedis, 'worker')).toEqual([]);
  });

  it('warns when a worker in another process cannot reach the API processes', () => {
    expect(configWarnings(loadConfig({ NOTICE_WORKER: 'off' }), 'api')).toEqual([
      expect.stringContaining('NOTICE_WORKER=off without REDIS_URL'),
    ]);
    expect(configWarnings(loadConfig({}), 'worker')).toEqual([expect.stringContaining('No REDIS_URL')]);
  });

  it('warns of an unlimited API in production only', () => {
    expect(configWarnings(loadConfig({ NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' }), 'api')).toEqual([
      expect.stringContaining('RATE_LIMIT_PER_MINUTE=0'),
    ]);
    // Production is the default now, so "not production" has to be said.
    expect(configWarnings(loadConfig({ NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '0' }), 'api')).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('runs as production unless NODE_ENV says otherwise', () => {
    expect(loadConfig({}).NODE_ENV).toBe('production');
    expect(loadConfig({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges, naming a bad entry', () => {
    const trusted = loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7, fd00::/8' }).TRUSTED_PROXIES;
    expect(trusted.entries).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' })).toThrow(
      /TRUSTED_PROXIES: "proxy.internal" is not an IP address/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33"/);
  });

  it('allows loopback webhooks in demo mode and tests only, and never in production', () => {
    expect(loadConfig({}).WEBHOOK_ALLOW_LOOPBACK_HTTP).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).WEBHOOK_ALLOW_LOOPBACK_HTTP).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).WEBHOOK_ALLOW_LOOPBACK_HTTP).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOW_LOOPBACK_HTTP: 'false' }).WEBHOOK_ALLOW_LOOPBACK_HTTP,
    ).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_LOOPBACK_HTTP: '0' }).WEBHOOK_ALLOW_LOOPBACK_HTTP).toBe(
      false,
    );
    expect(() => loadConfig({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' })).toThrow(
      /WEBHOOK_ALLOW_LOOPBACK_HTTP: cannot be on in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOW_LOOPBACK_HTTP: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_LOOPBACK_HTTP: must be true or false/,
    );
  });
});
