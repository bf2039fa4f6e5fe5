import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../apps/api/src/print-schema.ts';

const CONTRACT = new URL('../../../shared/contract.graphql', import.meta.url);

describe('the printed schema', () => {
  it('matches the committed apps/api/schema.graphql (run `pnpm schema:print`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('has no breaking change against the public contract', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    const ours = buildSchema(printedSchema());
    expect(findBreakingChanges(contract, ours).map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });
});
