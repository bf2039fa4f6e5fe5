import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATABASE_URL,
  parseDatabaseUrl,
  postgresDatabaseName,
  redactDatabaseUrl,
  withPostgresDatabase,
} from './database-url.ts';
import { repoRoot } from './repo-paths.ts';

describe('parseDatabaseUrl', () => {
  it('resolves the default PGlite directory against the repo root, not the cwd', () => {
    expect(parseDatabaseUrl(DEFAULT_DATABASE_URL)).toEqual({
      engine: 'pglite',
      url: DEFAULT_DATABASE_URL,
      dataDir: path.join(repoRoot, '.data', 'pglite'),
    });
  });

  it('keeps absolute PGlite directories', () => {
    expect(parseDatabaseUrl('pglite:/var/lib/ud')).toMatchObject({ engine: 'pglite', dataDir: '/var/lib/ud' });
  });

  it('reads pglite:memory:// as an in-memory database', () => {
    expect(parseDatabaseUrl('pglite:memory://')).toEqual({ engine: 'pglite', url: 'pglite:memory://', dataDir: null });
  });

  it('accepts postgresql:// and postgres://', () => {
    expect(parseDatabaseUrl('postgresql://postgres@127.0.0.1:5432/ud')).toEqual({
      engine: 'postgresql',
      url: 'postgresql://postgres@127.0.0.1:5432/ud',
    });
    expect(parseDatabaseUrl('postgres://u:p@db/ud').engine).toBe('postgresql');
  });

  it.each([
    ['mysql://root@localhost/ud', /^Unsupported database URL .*scheme "mysql:"/],
    ['file:./dev.db', /^Unsupported database URL .*scheme "file:"/],
    ['sqlite:ud.db', /^Unsupported database URL .*scheme "sqlite:"/],
    ['.data/pglite', /^Unsupported database URL ".data\/pglite" \(no scheme\)/],
    ['', /^The database URL is empty/],
    ['pglite:', /^Invalid PGlite URL/],
    ['pglite://somewhere', /^Invalid PGlite URL/],
  ])('rejects %j with a message naming the accepted forms', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
    expect(() => parseDatabaseUrl(url)).toThrow(/"pglite:(<directory>|memory:\/\/)"/);
  });

  it('rejects a PostgreSQL URL without a host', () => {
    expect(() => parseDatabaseUrl('postgresql://')).toThrow(
      /^Invalid PostgreSQL URL "postgresql:\/\/": it names no host/,
    );
  });

  it('never repeats a password in its errors', () => {
    expect(() => parseDatabaseUrl('mysql://admin:s3cret@db/ud')).toThrow(/mysql:\/\/admin:\*\*\*@db\/ud/);
    expect(() => parseDatabaseUrl('mysql://admin:s3cret@db/ud')).not.toThrow(/s3cret/);
  });
});

describe('PostgreSQL URL helpers', () => {
  it('redacts passwords', () => {
    expect(redactDatabaseUrl('postgresql://u:pw@h:5432/d')).toBe('postgresql://u:***@h:5432/d');
    expect(redactDatabaseUrl('postgresql://u@h/d')).toBe('postgresql://u@h/d');
  });

  it('names the database, defaulting to postgres, and swaps it', () => {
    expect(postgresDatabaseName('postgresql://u@h:5432/ud_main?sslmode=disable')).toBe('ud_main');
    expect(postgresDatabaseName('postgresql://u@h:5432')).toBe('postgres');
    expect(withPostgresDatabase('postgresql://u:pw@h:5432/a?sslmode=disable', 'b')).toBe(
      'postgresql://u:pw@h:5432/b?sslmode=disable',
    );
  });
});
