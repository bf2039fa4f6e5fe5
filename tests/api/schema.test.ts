import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../apps/api/src/print-schema.ts';

// The contract's source of truth is ../shared/contract.graphql beside the repository; the copy in
// apps/api lets a clone without it (CI) check against the same text.
const SHARED_CONTRACT = new URL('../../../shared/contract.graphql', import.meta.url);
const CONTRACT_COPY = new URL('../../apps/api/contract.graphql', import.meta.url);

describe('the printed schema', () => {
  it('matches the committed apps/api/schema.graphql (run `pnpm schema:print`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('checks against the current contract (apps/api/contract.graphql is a copy of ../shared/contract.graphql)', () => {
    const copy = readFileSync(CONTRACT_COPY, 'utf8');
    expect(copy).toContain('type Query');
    if (existsSync(SHARED_CONTRACT)) expect(copy).toBe(readFileSync(SHARED_CONTRACT, 'utf8'));
  });

  it('has no breaking change against the public contract', () => {
    const contract = buildSchema(readFileSync(CONTRACT_COPY, 'utf8'));
    const ours = buildSchema(printedSchema());
    expect(findBreakingChanges(contract, ours).map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });
});
