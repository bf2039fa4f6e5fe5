// The stand-in as the Prisma CLI sees it: an executable speaking the native engine's protocol.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPrismaCli } from '../migrate.ts';
import { schemaEngineBinary } from '../repo-paths.ts';

const run = promisify(execFile);
const SLOW = 120_000;

describe('the schema engine stand-in', () => {
  it('reports the engine version the CLI pins', async () => {
    const { stdout } = await run(schemaEngineBinary, ['--version']);
    expect(stdout.trim()).toBe('schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3');
  });

  it('reports an unreachable server as P1001 in the native JSON log format', async () => {
    const datasource = JSON.stringify({ url: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    const failure = await run(schemaEngineBinary, ['--datasource', datasource, 'cli', 'can-connect-to-database']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    // The CLI ignores the first line and parses the others as JSON.
    const [, ...lines] = (failure?.stderr ?? '').split('\n');
    const logged = lines.map((line) => JSON.parse(line) as { level: string; fields: Record<string, string> });
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'ERROR', fields: expect.objectContaining({ error_code: 'P1001' }) }),
    );
  });

  it('streams `migrate diff` output to the CLI (print requests)', { timeout: SLOW }, async () => {
    const { exitCode, output } = await runPrismaCli(
      ['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script'],
      'pglite:memory://',
    );
    expect(exitCode, output).toBe(0);
    expect(output).toContain('CREATE TABLE "Customer"');
  });

  it('turns a bad datasource URL into a clear CLI error', { timeout: SLOW }, async () => {
    const { exitCode, output } = await runPrismaCli(['migrate', 'status'], 'mysql://root@localhost/ud');
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(/Unsupported database URL|mysql/);
  });
});
