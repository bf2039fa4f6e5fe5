import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../apps/api/src/print-schema.ts';

const CONTRACT = new URL('../../../shared/contract.graphql', import.meta.url);

// The mutations and the subscription that the notice-engine and module-request issues add.
const NOT_YET_BUILT = [
  'upgradeSchedule', 'upgradeReschedule', 'upgradeTransition', 'noticeAcknowledge',
  'moduleRequestCreate', 'moduleRequestAdvance', 'blackoutWindowCreate', 'blackoutWindowDelete',
  'UpgradeScheduleInput', 'UpgradeSchedulePayload', 'UpgradeRescheduleInput', 'UpgradeReschedulePayload',
  'UpgradeTransitionInput', 'UpgradeTransitionPayload', 'NoticeAcknowledgeInput', 'NoticeAcknowledgePayload',
  'ModuleRequestCreateInput', 'ModuleRequestCreatePayload', 'ModuleRequestAdvanceInput', 'ModuleRequestAdvancePayload',
  'BlackoutWindowCreateInput', 'BlackoutWindowCreatePayload', 'BlackoutWindowDeleteInput', 'BlackoutWindowDeletePayload',
  'Subscription',
];

describe('the printed schema', () => {
  it('matches the committed apps/api/schema.graphql (run `pnpm schema:print`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('has no breaking change against the public contract', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    const ours = buildSchema(printedSchema());
    const breaking = findBreakingChanges(contract, ours)
      .map((change) => change.description)
      .filter((description) => !NOT_YET_BUILT.some((name) => new RegExp(`^(Mutation\\.)?${name} was removed\\.$`).test(description)));
    expect(breaking).toEqual([]);
  });
});
