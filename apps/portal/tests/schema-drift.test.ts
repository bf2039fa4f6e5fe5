// The portal's documents are typed from apps/api/schema.graphql: a schema change that breaks one
// of them must fail the portal's typecheck script. This runs that script on a copy of the portal
// whose schema lacks a field a page reads (Customer.calendarUrl, on /maintenance).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { afterAll, expect, it } from 'vitest';

const portal = resolve(import.meta.dirname, '..');
// Inside the repository's node_modules, so the copy resolves the workspace's hoisted packages.
const cache = resolve(portal, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'portal-schema-drift-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function schemaWithout(typeName: string, fieldName: string): string {
  const schema = parse(readFileSync(resolve(portal, '../api/schema.graphql'), 'utf8'));
  let removed = false;
  const changed = visit(schema, {
    [Kind.OBJECT_TYPE_DEFINITION](node) {
      if (node.name.value !== typeName) return undefined;
      const fields = node.fields?.filter((field) => field.name.value !== fieldName);
      removed = fields?.length !== node.fields?.length;
      return { ...node, fields };
    },
  });
  if (!removed) throw new Error(`${typeName}.${fieldName} is not in the schema`);
  return print(changed);
}

it('fails the typecheck when the schema drops a field a page reads', () => {
  const copy = join(work, 'portal');
  cpSync(portal, copy, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|build|\.svelte-kit)$|graphql-env\.d\.ts$/.test(path),
  });
  symlinkSync(join(portal, 'node_modules'), join(copy, 'node_modules'), 'dir');
  writeFileSync(join(work, 'schema.graphql'), schemaWithout('Customer', 'calendarUrl'));
  const tsconfig = JSON.parse(readFileSync(join(copy, 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.plugins[0].schema = '../schema.graphql';
  writeFileSync(join(copy, 'tsconfig.json'), JSON.stringify(tsconfig));

  const script = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).scripts.typecheck as string;
  const run = spawnSync('sh', ['-c', script], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(copy, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toContain('Introspection output was generated');
  expect(run.status, output).not.toBe(0);
  expect(output).toMatch(
    /maintenance\/\+page\.server\.ts\s+\d+:\d+\s+error\s+Cannot query field "calendarUrl" on type "Customer"/,
  );
}, 120_000);
