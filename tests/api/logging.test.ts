// Structured logs: JSON lines with request ids, the id echoed to the caller, unexpected errors
// logged (with their request id) but never shown to the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startApiServer } from '../../apps/api/src/index.ts';
import { createLogger, requestIdFrom, withRequestId, yogaLogger } from '../../apps/api/src/logging.ts';
import { createTestDatabase } from '@upgrade-desk/db/testing';

type Line = Record<string, unknown>;

function capture(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'debug') {
  const lines: Line[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(JSON.parse(line) as Line),
    now: () => new Date('2026-12-01T03:00:00Z'),
  });
  return { lines, logger };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { lines, logger } = capture();
    logger.info('notice worker round', { published: 3 });
    expect(lines).toEqual([
      { time: '2026-12-01T03:00:00.000Z', level: 'info', msg: 'notice worker round', published: 3 },
    ]);
  });

  it('drops lines below its level, and logs nothing when silent', () => {
    const warn = capture('warn');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.lines.map((l) => l.level)).toEqual(['warn', 'error']);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('spells out errors (name, message, code, stack) and keeps child fields', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    logger.child({ component: 'dispatcher' }).error('round failed', { error });
    expect(lines[0]).toMatchObject({
      level: 'error',
      component: 'dispatcher',
      error: { name: 'Error', message: 'connection refused', code: 'ECONNREFUSED' },
    });
    expect((lines[0]!.error as { stack: string }).stack).toContain('connection refused');
  });

  it('survives a field that JSON cannot hold', () => {
    const { lines, logger } = capture();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.warn('odd', { cyclic });
    expect(lines).toEqual([{ time: '2026-12-01T03:00:00.000Z', level: 'warn', msg: 'odd', unserialisable: true }]);
  });

  it('redacts passwords and tokens, at the top level and one level down', () => {
    const { lines, logger } = capture();
    logger.info('login', { password: 'hunter2', input: { token: 'abc', email: 'a@b.example' } });
    expect(lines[0]).toMatchObject({ password: '[redacted]', input: { token: '[redacted]', email: 'a@b.example' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|"abc"/);
  });

  it('adds the request id of the request being served', async () => {
    const { lines, logger } = capture();
    await withRequestId('req-12345678', async () => {
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    expect(lines.map((l) => l.requestId)).toEqual(['req-12345678', undefined]);
  });
});

describe('requestIdFrom', () => {
  it("keeps a caller's well-formed id", () => {
    expect(requestIdFrom('portal-7f3a9c21')).toBe('portal-7f3a9c21');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['with a newline (log injection)', 'abcdefgh\n{"level":"error"}'],
    ['with spaces', 'abc defgh ijk'],
  ])('replaces one that is %s with a new UUID', (_, header) => {
    expect(requestIdFrom(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('request logs over HTTP', () => {
  const { lines, logger } = capture('info');
  let origin: string;
  let close: () => Promise<void>;
  let closeDb: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    closeDb = db.close;
    const api = await startApiServer(
      { prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger },
      0,
      '127.0.0.1',
    );
    origin = new URL(api.url).origin;
    close = api.close;
  });
  afterAll(async () => {
    await close();
    await closeDb();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-upgrade-desk-csrf': '1', ...headers },
      body: JSON.stringify(body),
    });

  it('gives each request an id, echoes it, and logs one line for it', async () => {
    lines.length = 0;
    const response = await post({ query: 'query Ping { __typename }', operationName: 'Ping' });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.msg === 'request')).toEqual([
      expect.objectContaining({
        level: 'info',
        requestId: id,
        method: 'POST',
        path: '/graphql',
        status: 200,
        operation: 'Ping',
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it("keeps the portal's request id, so one id follows a page load through both logs", async () => {
    lines.length = 0;
    const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'portal-0a1b2c3d' });
    expect(response.headers.get('x-request-id')).toBe('portal-0a1b2c3d');
    expect(lines.find((l) => l.msg === 'request')?.requestId).toBe('portal-0a1b2c3d');
  });

  it('logs an unexpected failure with its request id and shows the caller only a code', async () => {
    lines.length = 0;
    // The database goes away under the running API: the login's throttle query fails.
    await closeDb();
    const response = await post({
      query: 'mutation { sessionCreate(input: { email: "a@b.example", password: "wrong-password" }) { token } }',
    });
    const id = response.headers.get('x-request-id');
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toMatch(/INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE/);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:/);
    // An outage is logged as a warning, anything else unexpected as an error: either way, with the id.
    const errorLines = lines.filter((l) => l.level === 'error' || l.level === 'warn');
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines.every((l) => l.requestId === id)).toBe(true);
    expect(errorLines.some((l) => typeof (l.error as { message?: unknown } | undefined)?.message === 'string')).toBe(
      true,
    );
  });
});

describe('yogaLogger', () => {
  it("logs the errors yoga masks at the level the API's severity gives them", () => {
    const { lines, logger } = capture();
    const severity = (error: unknown) => ((error as Error).message.startsWith('bad input') ? 'debug' : 'error');
    const yoga = yogaLogger(logger, severity);
    yoga.error(new Error('bad input: first must be 1-100'));
    yoga.error(new Error('boom'));
    expect(lines.map((l) => [l.level, l.msg, (l.error as { message: string }).message])).toEqual([
      ['debug', 'request refused', 'bad input: first must be 1-100'],
      ['error', 'unexpected error', 'boom'],
    ]);
  });
});
