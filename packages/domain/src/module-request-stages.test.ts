// Cases written from the vendor's process (DESIGN.md sections 1 and 3): ten steps one at a time
// by staff, REJECTED by staff from any open stage with a note, WITHDRAWN by the customer's
// administrator before development, nothing out of a final stage.
import { describe, expect, it } from 'vitest';
import {
  MODULE_REQUEST_PATH,
  MODULE_REQUEST_STAGES,
  moduleRequestActor,
  moduleRequestTransition,
  nextModuleRequestStages,
  STAFF_ADVANCER_ROLES,
  type ModuleRequestActor,
  type ModuleRequestStage,
} from './module-request-stages.ts';

const OPEN: ModuleRequestStage[] = [
  'SUBMITTED',
  'CONSULTATION',
  'ANALYSIS',
  'CONTRACT',
  'DEVELOPMENT',
  'SANDBOX_TESTING',
  'VERIFICATION',
  'INSTALLATION',
  'TRAINING',
  'WARRANTY',
];
const FINAL: ModuleRequestStage[] = ['CLOSED', 'REJECTED', 'WITHDRAWN'];

// The whole table: for every actor and every stage, the stages it may move a request to.
const TABLE: Record<ModuleRequestActor, Record<ModuleRequestStage, ModuleRequestStage[]>> = {
  STAFF_ADVANCER: {
    SUBMITTED: ['CONSULTATION', 'REJECTED'],
    CONSULTATION: ['ANALYSIS', 'REJECTED'],
    ANALYSIS: ['CONTRACT', 'REJECTED'],
    CONTRACT: ['DEVELOPMENT', 'REJECTED'],
    DEVELOPMENT: ['SANDBOX_TESTING', 'REJECTED'],
    SANDBOX_TESTING: ['VERIFICATION', 'REJECTED'],
    VERIFICATION: ['INSTALLATION', 'REJECTED'],
    INSTALLATION: ['TRAINING', 'REJECTED'],
    TRAINING: ['WARRANTY', 'REJECTED'],
    WARRANTY: ['CLOSED', 'REJECTED'],
    CLOSED: [],
    REJECTED: [],
    WITHDRAWN: [],
  },
  CUSTOMER_ADMIN: {
    SUBMITTED: ['WITHDRAWN'],
    CONSULTATION: ['WITHDRAWN'],
    ANALYSIS: ['WITHDRAWN'],
    CONTRACT: ['WITHDRAWN'],
    DEVELOPMENT: [],
    SANDBOX_TESTING: [],
    VERIFICATION: [],
    INSTALLATION: [],
    TRAINING: [],
    WARRANTY: [],
    CLOSED: [],
    REJECTED: [],
    WITHDRAWN: [],
  },
  NONE: Object.fromEntries(MODULE_REQUEST_STAGES.map((stage) => [stage, []])) as unknown as Record<
    ModuleRequestStage,
    ModuleRequestStage[]
  >,
};

describe('the ten steps', () => {
  it('run SUBMITTED to CLOSED in the order of the vendor process', () => {
    expect(MODULE_REQUEST_PATH).toEqual([...OPEN, 'CLOSED']);
    expect(new Set(MODULE_REQUEST_STAGES)).toEqual(new Set([...OPEN, ...FINAL]));
  });

  it('are moved by implementation, customer care and administrators; customers may only withdraw', () => {
    expect([...STAFF_ADVANCER_ROLES].sort()).toEqual(['ADMIN', 'CUSTOMER_CARE', 'IMPLEMENTATION']);
    expect(moduleRequestActor('CUSTOMER_ADMIN')).toBe('CUSTOMER_ADMIN');
    expect(moduleRequestActor('CUSTOMER_USER')).toBe('NONE');
    expect(moduleRequestActor('ENGINEER')).toBe('NONE');
  });
});

describe('moduleRequestTransition', () => {
  for (const actor of Object.keys(TABLE) as ModuleRequestActor[]) {
    for (const from of MODULE_REQUEST_STAGES) {
      const allowed = TABLE[actor][from];
      it(`${actor} from ${from}: ${allowed.join(', ') || 'nothing'}`, () => {
        expect(nextModuleRequestStages(from, actor)).toEqual(allowed);
        for (const to of MODULE_REQUEST_STAGES) {
          const result = moduleRequestTransition(from, to, actor, 'a note');
          if (allowed.includes(to)) expect(result).toEqual({ ok: true });
          else expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
        }
      });
    }
  }

  it('refuses a skipped step, a step back and staying put', () => {
    expect(moduleRequestTransition('SUBMITTED', 'ANALYSIS', 'STAFF_ADVANCER')).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'From SUBMITTED the request can only move to CONSULTATION (one step at a time) or be REJECTED.',
    });
    expect(moduleRequestTransition('CONTRACT', 'ANALYSIS', 'STAFF_ADVANCER').ok).toBe(false);
    expect(moduleRequestTransition('CONTRACT', 'CONTRACT', 'STAFF_ADVANCER')).toMatchObject({
      message: 'The request is already CONTRACT.',
    });
  });

  it('needs a note to reject, and none for anything else', () => {
    for (const note of [undefined, null, '']) {
      expect(moduleRequestTransition('ANALYSIS', 'REJECTED', 'STAFF_ADVANCER', note)).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        field: 'note',
        message: 'A rejection needs a note saying why.',
      });
      expect(moduleRequestTransition('ANALYSIS', 'CONTRACT', 'STAFF_ADVANCER', note)).toEqual({ ok: true });
      expect(moduleRequestTransition('ANALYSIS', 'WITHDRAWN', 'CUSTOMER_ADMIN', note)).toEqual({ ok: true });
    }
  });

  it('explains a refused withdrawal and a customer trying to advance', () => {
    expect(moduleRequestTransition('DEVELOPMENT', 'WITHDRAWN', 'CUSTOMER_ADMIN')).toMatchObject({
      message: 'A request can only be withdrawn before development starts.',
    });
    expect(moduleRequestTransition('SUBMITTED', 'CONSULTATION', 'CUSTOMER_ADMIN')).toMatchObject({
      message: 'A customer can only withdraw a request; the vendor moves it through its stages.',
    });
    expect(moduleRequestTransition('SUBMITTED', 'WITHDRAWN', 'STAFF_ADVANCER')).toMatchObject({
      message: 'Only the customer can withdraw its request.',
    });
    expect(moduleRequestTransition('CLOSED', 'REJECTED', 'STAFF_ADVANCER')).toMatchObject({
      message: 'The request is CLOSED and can no longer change stage.',
    });
  });
});
