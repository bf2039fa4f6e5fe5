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
    expect(configWarnings(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }), 'api')).toEqual([]);
  });
});
