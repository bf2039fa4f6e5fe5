// `prisma generate`, only when needed: the generated client is gitignored, so a fresh checkout
// (or a schema change) needs it, while running it before every test run would cost seconds.
// Must not import the generated client itself.
import { createHash } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runPrismaCli } from './migrate.ts';
import { DEFAULT_DATABASE_URL } from './database-url.ts';
import { generatedDir, repoRoot, schemaPath } from './repo-paths.ts';

const hashFile = path.join(generatedDir, '.schema-hash');
const outputs = [path.join(generatedDir, 'prisma', 'client.ts'), path.join(generatedDir, 'pothos-types.ts')];

async function prismaVersion(): Promise<string> {
  const packageJson = path.join(repoRoot, 'node_modules', 'prisma', 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

/** What the generated code depends on: the schema and the generator's version. */
async function currentHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(schemaPath));
  hash.update(`\0prisma@${await prismaVersion()}`);
  return hash.digest('hex');
}

async function allExist(files: string[]): Promise<boolean> {
  const checks = await Promise.all(
    files.map((file) =>
      access(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}

/** Runs `prisma generate` if the client is missing or was generated from another schema. */
export async function ensureGenerated(options: { force?: boolean } = {}): Promise<{ generated: boolean }> {
  const hash = await currentHash();
  const stored = await readFile(hashFile, 'utf8').catch(() => null);
  if (!options.force && stored?.trim() === hash && (await allExist(outputs))) return { generated: false };
  // generate does not connect, but the config needs a URL; the stand-in engine keeps the CLI
  // from trying to download the native one.
  const { exitCode, output } = await runPrismaCli(['generate'], process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (exitCode !== 0) throw new Error(`prisma generate failed (exit code ${exitCode}):\n${output}`);
  await writeFile(hashFile, `${hash}\n`);
  return { generated: true };
}
